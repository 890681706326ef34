/**
 * Whole-network check of the shipped calibration against real whole-design results (data/calibration/
 * synth_reports.csv): every io_parallel MLP report with one precision for the whole network and one global strategy
 * and reuse factor (Dense, ReLU/linear, BatchNorm, Softmax) is rebuilt layer by layer as signatures and its layer
 * estimates summed (latency: the layers' cycles end to end). Per-layer fidelity is `fidelity.ts`; this shows what a
 * user comparing a whole design sees, including what per-layer rows cannot: layers the tool inlined into the top
 * function (no instance row) and the top level's own logic. In sample for the projects whose layer rows the shipped
 * calibration was fitted on. Print only. Run: `npx tsx benchmarks/network-fidelity.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../src/estimators/calibration/csv.js';
import { precisionCell, type CsvRow } from '../src/estimators/calibration/csv-records.js';
import { DEFAULT_CALIBRATION_PATH, loadCalibration } from '../src/estimators/calibration/load.js';
import { findDevice } from '../src/estimators/devices.js';
import { findEstimator } from '../src/estimators/registry.js';
import { backendClockUncertainty, BLANK_SIGNATURE, type LayerSignature } from '../src/estimators/signature.js';
import type { FixedType } from '../src/fixed/precision.js';

const cal = loadCalibration(DEFAULT_CALIBRATION_PATH);
const rows = parseCsv(readFileSync(join(import.meta.dirname, '..', 'data', 'calibration', 'synth_reports.csv'), 'utf8'));

/** The layer signatures of a report's layer summary, or why it is not rebuilt. */
function signaturesOf(r: CsvRow): LayerSignature[] | string {
  if (r['io_type'] !== 'io_parallel') return 'not io_parallel';
  const t = precisionCell(r['default_precision']).type;
  if (!t) return 'no single precision';
  const rf = Number(r['reuse_factor']);
  const strategy = (r['strategy'] ?? '').toLowerCase();
  if (!Number.isInteger(rf) || (strategy !== 'latency' && strategy !== 'resource')) return 'mixed strategy or reuse factor';
  const device = findDevice(r['fpga_part'] ?? '');
  if (!device) return 'unknown part';
  const tool = (r['tool'] ?? '').startsWith('vitis') ? 'vitis_hls' : 'vivado_hls';
  const version = Number.parseFloat((r['tool'] ?? '').split(' ')[1] ?? '');
  const common = {
    ...BLANK_SIGNATURE, ioType: 'io_parallel' as const, reuseFactor: rf, dspType: device.dspType, partFamily: device.family,
    speedGrade: device.speedGrade ?? BLANK_SIGNATURE.speedGrade, clockNs: Number(r['clock_period_ns']), tool: tool as LayerSignature['tool'],
    clockUncertainty: backendClockUncertainty(tool, Number.isFinite(version) ? version : undefined),
    // ArgyKokk `LUT_reuse*` projects force multiplications into fabric (`config_op mul -impl fabric`, data README).
    mulImpl: (/\/LUT_reuse/.test(r['source_path'] ?? '') ? 'fabric' : 'auto') as LayerSignature['mulImpl'],
    inputWidth: t.width, inputInteger: t.integer, weightWidth: t.width, weightInteger: t.integer, biasWidth: t.width,
    accumWidth: t.width, accumInteger: t.integer, resultWidth: t.width, resultInteger: t.integer,
  };
  const out: LayerSignature[] = [];
  for (const tok of (r['layer_summary'] ?? '').split(/\s+/).filter(Boolean)) {
    const dense = /^dense\((\d+)->(\d+)\)$/.exec(tok);
    const elementwise = /^(relu|linear|normalize|softmax)\((\d+)\)$/.exec(tok);
    if (dense) {
      const [nIn, nOut] = [Number(dense[1]), Number(dense[2])];
      out.push({ ...common, family: 'dense', label: 'dense', strategy: strategy as 'latency' | 'resource', nIn, nOut, nWeights: nIn * nOut, elements: nOut, channels: nOut });
    } else if (elementwise) {
      const n = Number(elementwise[2]);
      const fam = elementwise[1] === 'normalize' ? 'batchnorm' : elementwise[1] === 'softmax' ? 'softmax' : 'activation';
      out.push({ ...common, family: fam, label: elementwise[1], reuseFactor: fam === 'batchnorm' ? rf : 1, nIn: n, nOut: n, elements: n, channels: n, ...(fam === 'activation' ? { activation: elementwise[1] as 'relu' } : {}) });
    } else return `layer '${tok}' not rebuilt`;
  }
  return out.length > 0 ? out : 'no layers';
}

/** Relative error against max(measured, 1), as fidelity.ts (0 when both are 0). */
const err = (m: number, p: number) => (Math.round(p) === m ? 0 : ((p - m) / Math.max(m, 1)) * 100);
const fmt = (m: number, p: number) => `${Math.round(m).toLocaleString('en-US').padStart(8)} ${Math.round(p).toLocaleString('en-US').padStart(8)} ${err(m, p).toFixed(0).padStart(5)}%`;
console.log(`${'report'.padEnd(46)} ${'tool'.padEnd(10)} ${'RF'.padStart(3)}  ${'LUT meas / est / err'.padStart(24)}  ${'FF meas / est / err'.padStart(24)}  ${'DSP meas / est / err'.padStart(24)}  ${'latency'.padStart(24)}`);
const skipped = new Map<string, number>();
for (const r of rows) {
  const sigs = signaturesOf(r);
  if (typeof sigs === 'string') {
    skipped.set(sigs, (skipped.get(sigs) ?? 0) + 1);
    continue;
  }
  let lut = 0;
  let ff = 0;
  let dsp = 0;
  let latency = 0;
  for (const s of sigs) {
    const e = findEstimator(s)?.estimateSignature(s, cal);
    if (!e) continue;
    lut += e.resources.lut.mean;
    ff += e.resources.ff.mean;
    dsp += e.resources.dsp.mean;
    latency += e.latencyCycles.mean;
  }
  const name = `${r['source_repo']}/${(r['source_path'] ?? '').split('/myproject_prj')[0]}`.slice(-46);
  const tool = (r['tool'] ?? '').split(' ')[0];
  console.log(`${name.padEnd(46)} ${tool.padEnd(10)} ${String(r['reuse_factor']).padStart(3)}  ${fmt(Number(r['lut']), lut)}  ${fmt(Number(r['ff']), ff)}  ${fmt(Number(r['dsp']), dsp)}  ${fmt(Number(r['latency_worst_cycles']), latency)}`);
}
console.log(`\nnot rebuilt: ${[...skipped.entries()].map(([why, n]) => `${n} ${why}`).join(', ')}`);
