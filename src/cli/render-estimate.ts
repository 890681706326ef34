/** The text form of `hlsdse estimate`: per-layer table, totals with intervals and device share, FIFOs, violations, warnings. */
import type { DesignPoint } from '../ir/design-point.js';
import type { DesignEstimate, Interval, ResourceTarget } from '../estimators/types.js';
import { formatCount, renderTable } from './table.js';

const fmt = (v: number): string => (Number.isFinite(v) ? formatCount(v) : 'inf');
const range = (iv: Interval): string => `${fmt(iv.mean)} [${fmt(iv.lo)}–${fmt(iv.hi)}]`;
const pct = (v: number): string => (Number.isFinite(v) ? `${(v * 100).toFixed(v < 0.01 ? 2 : 1)}%` : 'inf');

const LABELS: readonly (readonly [ResourceTarget, string])[] = [['lut', 'LUT'], ['ff', 'FF'], ['dsp', 'DSP'], ['bram18', 'BRAM_18K'], ['uram', 'URAM']];

/** Renders an estimate for a terminal. */
export function renderEstimate(model: string, point: DesignPoint, e: DesignEstimate): string {
  const out: string[] = [];
  out.push(`model ${model}  ${point.ioType}  part ${e.device} (${point.part})  clock ${point.clockPeriodNs} ns  ${e.pipelineStyle}  calibration ${e.calibrationId}`);
  const rows = e.layers.map((l, i) => {
    const k = point.layers[l.layer];
    return [
      String(i), l.layer, l.kind, l.estimator, k ? k.strategy : '', k ? String(k.reuseFactor) : '',
      fmt(l.resources.lut.mean), fmt(l.resources.ff.mean), fmt(l.resources.dsp.mean), fmt(l.resources.bram18.mean),
      fmt(l.latencyCycles.mean), fmt(l.iiCycles),
    ];
  });
  out.push(renderTable([
    { header: '#', align: 'right' }, { header: 'layer' }, { header: 'kind' }, { header: 'model' }, { header: 'strategy' },
    { header: 'RF', align: 'right' }, { header: 'LUT', align: 'right' }, { header: 'FF', align: 'right' }, { header: 'DSP', align: 'right' },
    { header: 'BRAM', align: 'right' }, { header: 'latency', align: 'right' }, { header: 'II', align: 'right' },
  ], rows).trimEnd());
  out.push('total (mean [interval], share of the part):');
  for (const [t, name] of LABELS) out.push(`  ${name.padEnd(9)}${range(e.total[t]).padEnd(34)}${pct(e.share[t])}`);
  const ns = e.latencyNs;
  out.push(`  latency  ${range(e.latencyCycles)} cycles = ${ns.mean.toFixed(1)} ns [${ns.lo.toFixed(1)}–${ns.hi.toFixed(1)}]`);
  out.push(`  II       ${fmt(e.iiCycles)} cycles = ${(e.iiCycles * e.clockPeriodNs).toFixed(1)} ns`);
  if (e.fifos.length > 0) {
    out.push('FIFOs (sized depth vs hls4ml default = pixel count):');
    out.push(renderTable(
      [{ header: 'stream' }, { header: 'width', align: 'right' }, { header: 'depth', align: 'right' }, { header: 'default', align: 'right' },
        { header: 'BRAM', align: 'right' }, { header: 'LUT', align: 'right' }, { header: 'default BRAM', align: 'right' }, { header: 'default LUT', align: 'right' }],
      e.fifos.map((f) => [f.stream, String(f.widthBits), String(f.depth), String(f.defaultDepth), String(f.bram18), String(f.lut), String(f.defaultBram18), String(f.defaultLut)]),
    ).trimEnd());
    const saveB = e.fifos.reduce((s, f) => s + f.defaultBram18 - f.bram18, 0);
    const saveL = e.fifos.reduce((s, f) => s + f.defaultLut - f.lut, 0);
    out.push(`  saving vs default depths: ${formatCount(saveB)} BRAM_18K, ${formatCount(saveL)} LUT`);
  }
  for (const v of e.violations) out.push(`violation: ${v.layer}: ${v.message}`);
  for (const w of e.warnings) out.push(`warning: ${w}`);
  return `${out.join('\n')}\n`;
}
