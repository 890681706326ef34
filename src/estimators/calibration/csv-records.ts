/**
 * Calibration records from the shared synthesis CSVs (`synth_layers.csv`, `synth_subreports.csv`, joined with
 * `synth_reports.csv` for io type and default precision): one record per stock-hls4ml layer row whose
 * configuration is known, with a skip reason for every other row. Pure.
 * @see /work/shared/data/README.md (columns and cautions)
 */
import { findDevice } from '../devices.js';
import { parsePrecision, type FixedType } from '../../fixed/precision.js';
import type { IoType } from '../../ir/graph.js';
import { STRATEGIES, type Strategy } from '../../ir/layer.js';
import type { HlsTool } from '../reports/types.js';
import { backendClockUncertainty, BLANK_SIGNATURE, type LayerSignature, type SoftmaxImpl } from '../signature.js';
import { moduleFamily } from './module-family.js';
import { projectFolderOf, type CalibrationRecord, type Measured, type RecordHarvest } from './record.js';
import { geometryOfRow } from './csv-geometry.js';
import { moduleInputType } from './module-input-type.js';
import { moduleInputPack } from './module-input-pack.js';
import { knownWeightFields } from './known-weights.js';
import type { KernelLookup } from './weights-index.js';

/** A CSV row keyed by header. */
export type CsvRow = Readonly<Record<string, string>>;

/** Report-level facts a layer row inherits. */
interface ReportFacts {
  readonly ioType?: IoType;
  readonly defaultPrecision?: FixedType;
  readonly unreliable: boolean;
  /**
   * The report's functions include `cnnshift_arr`: its `conv_2d_cl` is the pre-0.5 experimental streaming-CNN kernel
   * (a shift-register window feeding `dense_large`, ReLU folded in), not the stock line-buffer one, though it has the
   * stock name (YanLunHuang/conv2d_test, ChiRuiChen, crimson1256 reports).
   */
  readonly experimentalConv?: boolean;
}

const reportKey = (r: CsvRow) => `${r['source_repo']}|${r['source_path']}|${r['commit']}`;

/** A precision cell, unwrapping `nnet::array<T, N*1>`; also returns the pack size N·M. */
export function precisionCell(cell: string | undefined): { type?: FixedType; pack?: number } {
  if (!cell) return {};
  const m = /^\s*nnet::array<\s*(.+)\s*,\s*(\d+)\s*\*\s*(\d+)\s*>\s*$/.exec(cell);
  const inner = m ? m[1] : cell;
  try {
    const p = parsePrecision(inner);
    return { ...(p.kind === 'fixed' ? { type: p } : {}), ...(m ? { pack: Number(m[2]) * Number(m[3]) } : {}) };
  } catch {
    return m ? { pack: Number(m[2]) * Number(m[3]) } : {};
  }
}

/**
 * Report facts by report key, from `synth_reports.csv` rows and, for the experimental-kernel mark, the function rows
 * of every layer CSV given (`cnnshift_arr` appears only among the sub-function rows).
 */
export function reportFactsOf(reports: readonly CsvRow[], functionRows: readonly CsvRow[] = []): Map<string, ReportFacts> {
  const experimental = new Set(functionRows.filter((r) => /^cnnshift_arr/.test(r['module'] ?? '')).map(reportKey));
  const out = new Map<string, ReportFacts>();
  for (const r of reports) {
    const io = r['io_type'];
    const dp = precisionCell(r['default_precision']).type;
    out.set(reportKey(r), {
      ...(io === 'io_parallel' || io === 'io_stream' ? { ioType: io } : {}),
      ...(dp ? { defaultPrecision: dp } : {}),
      unreliable: /WARNING config may not match report/.test(r['notes'] ?? ''),
      ...(experimental.has(reportKey(r)) ? { experimentalConv: true } : {}),
    });
  }
  return out;
}

const num = (cell: string | undefined): number | undefined => (cell !== undefined && /^-?\d+(\.\d+)?$/.test(cell.trim()) ? Number(cell) : undefined);

function measuredOf(r: CsvRow): Measured {
  const m: Partial<Record<string, number>> = {};
  const put = (k: string, v: number | undefined) => v !== undefined && (m[k] = v);
  put('lut', num(r['lut']));
  put('ff', num(r['ff']));
  put('dsp', num(r['dsp']));
  put('bram18', num(r['bram_18k']));
  put('latency', num(r['latency_max_cycles']) ?? num(r['latency_cycles']));
  put('ii', num(r['interval']));
  return m;
}

/**
 * Input words an io_stream Dense row reads per call: `n_in / pack` from the pack its function name spells (the
 * producer's channels: a Flatten stays in place, hls4ml.md §2.1), 1 when the name does not say, and 0 for the
 * `dense_wrapper` kernel that subreports list inside the layer (nnet_dense_stream.h: DataPrepare → dense_wrapper →
 * ResWrite), which is the matrix kernel without the stream reads and writes.
 */
function denseStreamWords(module: string, nIn: number): number {
  if (/^dense_(latency_|resource_)?wrapper_/.test(module)) return 0;
  const pack = moduleInputPack(module);
  return pack === undefined ? 1 : Math.max(1, Math.ceil(nIn / pack));
}

/**
 * One layer row → a record, or the reason it cannot be used. When `kernels` knows the row's kernel values, the
 * record carries their exact zero / ±2^k / signed-digit counts (`weightsKnown`).
 */
export function recordOfRow(r: CsvRow, facts: Map<string, ReportFacts>, kernels?: KernelLookup): CalibrationRecord | string {
  const mf = moduleFamily(r['layer_type'] ?? r['module'] ?? '');
  if (!mf) return `not a stock hls4ml layer (${(r['layer_type'] || r['module'] || '?').split(' ')[0]})`;
  const rep = facts.get(reportKey(r));
  if (rep?.unreliable) return 'report flagged "config may not match report"';
  if (rep?.experimentalConv && /^conv_[12]d_cl/.test(mf.label)) return 'experimental streaming-CNN kernel (cnnshift_arr), not the stock conv';
  const device = findDevice(r['fpga_part'] ?? '');
  if (!device) return `unknown part '${r['fpga_part']}'`;
  const clock = num(r['clock_period_ns']);
  if (clock === undefined) return 'no clock period';
  const result = precisionCell(r['result_precision']);
  const io: IoType | undefined = r['io_type'] === 'io_parallel' || r['io_type'] === 'io_stream' ? r['io_type'] : rep?.ioType ?? (result.pack !== undefined ? 'io_stream' : undefined);
  if (!io) return 'io type unknown';
  const weighted = ['dense', 'conv1d', 'conv2d', 'pointwise', 'depthwise', 'separable'].includes(mf.family);
  const strategyCell = (r['strategy'] ?? '').toLowerCase();
  const strategy = (STRATEGIES as readonly string[]).includes(strategyCell) ? (strategyCell as Strategy) : weighted ? undefined : 'latency';
  if (!strategy) return 'strategy unknown';
  const rf = num(r['reuse_factor']) ?? (weighted ? undefined : 1);
  if (rf === undefined || rf < 1) return 'reuse factor unknown';
  const geometry = geometryOfRow(r, mf.family, result.pack);
  if (typeof geometry === 'string') return geometry;
  const res = result.type ?? rep?.defaultPrecision;
  if (!res) return 'result precision unknown';
  // The input type: from the mangled function name where the tool spelled it, else the project's default.
  const input = moduleInputType(r['module'] ?? '') ?? rep?.defaultPrecision ?? res;
  const weight = precisionCell(r['weight_precision']).type ?? rep?.defaultPrecision ?? res;
  const accum = precisionCell(r['accum_precision']).type ?? res;
  const [toolCell = '', versionCell = ''] = (r['tool'] ?? '').split(' ');
  const tool: HlsTool = toolCell === 'vitis_hls' ? 'vitis_hls' : 'vivado_hls';
  // The rows do not carry the clock uncertainty: the hls4ml backend the tool version implies sets it.
  const version = Number.parseFloat(versionCell);
  // The softmax kernel a row measured (`softmax_stable_…`); in io_stream it is nested under the dispatching `softmax`.
  const kernel = mf.family === 'softmax' ? /^softmax_(stable|latency|legacy|argmax)_/.exec(r['module'] ?? '') : null;
  // The kernel (a batch-norm's per-channel scales: one multiplier each, nothing shared) when the index knows it.
  const scales = mf.family === 'batchnorm';
  const known = weighted || scales ? kernels?.(r) : undefined;
  const signature: LayerSignature = {
    ...BLANK_SIGNATURE,
    ...geometry,
    ...(mf.family === 'dense' && io === 'io_stream' ? { inPixels: denseStreamWords(r['module'] ?? '', geometry.nIn ?? 1) } : {}),
    family: mf.family,
    label: mf.label,
    ...(mf.activation ? { activation: mf.activation } : {}),
    strategy,
    ioType: io,
    reuseFactor: rf,
    inputWidth: input.width, inputInteger: input.integer,
    weightWidth: weight.width, weightInteger: weight.integer, biasWidth: weight.width,
    accumWidth: accum.width, accumInteger: accum.integer, resultWidth: res.width,
    resultInteger: res.integer, resultSigned: res.signed, resultRounding: res.rounding, resultOverflow: res.overflow,
    dspType: device.dspType, partFamily: device.family, speedGrade: device.speedGrade ?? BLANK_SIGNATURE.speedGrade, clockNs: clock,
    clockUncertainty: backendClockUncertainty(tool, Number.isFinite(version) ? version : undefined), tool,
    mulImpl: /\/LUT_reuse/.test(r['source_path'] ?? '') ? 'fabric' : 'auto',
    ...(kernel ? { softmaxImpl: kernel[1] as SoftmaxImpl, bareKernel: io === 'io_stream' } : {}),
    ...(known ? knownWeightFields([{ data: known, rowLength: scales ? 1 : geometry.nOut ?? 1 }], scales ? geometry.channels : geometry.nWeights, weight) : {}),
  };
  const path = r['source_path'] ?? '';
  return {
    signature,
    measured: measuredOf(r),
    project: `${r['source_repo']}/${projectFolderOf(path)}`,
    source: `${r['source_repo']}@${(r['commit'] ?? '').slice(0, 12)}:${path}`,
  };
}

/**
 * Records from layer rows (subreport rows only where `role` is a layer not already in the top instance table);
 * `functionRows` are all function rows known for the same reports (every layer CSV given), for report-level marks;
 * `kernels` finds the real kernel values of a row, where known.
 */
export function recordsFromCsv(
  layerRows: readonly CsvRow[], reportRows: readonly CsvRow[], file: string, functionRows: readonly CsvRow[] = layerRows, kernels?: KernelLookup,
): RecordHarvest {
  const facts = reportFactsOf(reportRows, functionRows);
  const records: CalibrationRecord[] = [];
  const reasons = new Map<string, number>();
  const foreign = new Set<string>();
  for (const r of layerRows) {
    if (r['role'] !== undefined && !(r['role'] === 'layer' && r['in_top_instance_table'] === 'no')) continue;
    const x = recordOfRow(r, facts, kernels);
    if (typeof x !== 'string') {
      records.push(x);
      continue;
    }
    const m = /^not a stock hls4ml layer \((.*)\)$/.exec(x);
    if (m) foreign.add(m[1].replace(/(_\d+)+$/, '').replace(/\d+$/, ''));
    const why = m ? 'not a stock hls4ml layer (hand-modified *_me/_ss/_switch kernels, helpers, unmatched functions)' : x;
    reasons.set(why, (reasons.get(why) ?? 0) + 1);
  }
  const examples = [...foreign].slice(0, 6).join(', ');
  const skipped = [...reasons.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([why, n]) => `${file}: ${n} row${n === 1 ? '' : 's'} skipped: ${why}${why.startsWith('not a stock') ? `: ${examples}${foreign.size > 6 ? ', …' : ''}` : ''}`);
  return { records, skipped };
}
