/**
 * Fits the analytic rules' parameters from records: the ROM size below which weights stay in LUTs, the share of
 * narrow constant multiplications still mapped to DSPs, and the operand width at or below which generic
 * multiplications go to fabric. A parameter with no evidence keeps its documented default.
 */
import { median } from 'simple-statistics';
import { romBram18 } from '../bram.js';
import { findEstimator } from '../registry.js';
import type { LayerSignature } from '../signature.js';
import { PARAMETER_DEFS, type ParameterName, type Parameters } from './parameters.js';
import type { CalibrationRecord } from './record.js';

const WEIGHTED = new Set(['dense', 'conv1d', 'conv2d', 'pointwise', 'depthwise']);

/** Fitted parameter values and where each came from. */
export interface FittedParameters {
  readonly values: Parameters;
  readonly sources: Readonly<Record<ParameterName, string>>;
}

/** The ROM threshold that best separates LUT ROMs (0 BRAM) from BRAM ROMs, as a geometric midpoint. */
function romThreshold(records: readonly CalibrationRecord[]): { value: number; n: number } | undefined {
  const rows = records
    .filter((r) => WEIGHTED.has(r.signature.family) && r.signature.strategy === 'resource' && r.signature.reuseFactor > 1 && r.measured.bram18 !== undefined)
    .map((r) => ({ bits: r.signature.nWeights * r.signature.weightWidth, lut: r.measured.bram18 === 0 }));
  if (rows.length === 0 || !rows.some((r) => r.lut) || rows.every((r) => r.lut)) return undefined;
  const cuts = [...new Set(rows.map((r) => r.bits))].sort((a, b) => a - b);
  let best = { score: -1, lo: 0, hi: 0 };
  for (let k = 1; k < cuts.length; k++) {
    const score = rows.filter((r) => (r.bits < cuts[k]) === r.lut).length;
    if (score > best.score) best = { score, lo: cuts[k - 1], hi: cuts[k] };
  }
  return { value: Math.round(Math.sqrt(best.lo * best.hi)), n: rows.length };
}

function isNarrow(s: LayerSignature, t: number): boolean {
  return Math.min(s.inputWidth, s.weightWidth) <= t;
}

/** Latency-strategy rows whose DSP count the constant-share rule predicts, with their estimator. */
function constantRows(records: readonly CalibrationRecord[]) {
  return records
    .filter((r) => WEIGHTED.has(r.signature.family) && r.signature.strategy === 'latency' && r.signature.mulImpl === 'auto' && r.measured.dsp !== undefined)
    .flatMap((r) => {
      const e = findEstimator(r.signature);
      return e ? [{ r, e }] : [];
    });
}

/** Sum of |log((predicted + 1) / (measured + 1))| of DSP counts over `rows` at parameters `p`. */
function dspLogError(rows: ReturnType<typeof constantRows>, p: Parameters): number {
  let c = 0;
  for (const { r, e } of rows) c += Math.abs(Math.log((e.analytic(r.signature, p).dsp + 1) / ((r.measured.dsp ?? 0) + 1)));
  return c;
}

/**
 * The signed-digit thresholds per tool and the trained-weight scale (layers/constant-dsp-share.ts) whose predicted
 * DSP counts of Latency-strategy layers (the estimators' own rule, ALLOCATION limit included) are closest to the
 * measured ones in mean |log ratio|: the Vitis threshold and the scale jointly on a grid, then the Vivado threshold.
 */
function constantDsp(records: readonly CalibrationRecord[], base: Parameters): { vitis?: number; vivado?: number; scale?: number; nVitis: number; nVivado: number } {
  const vitisRows = constantRows(records.filter((r) => r.signature.tool === 'vitis_hls'));
  const vivadoRows = constantRows(records.filter((r) => r.signature.tool !== 'vitis_hls'));
  const out: { vitis?: number; vivado?: number; scale?: number; nVitis: number; nVivado: number } = { nVitis: vitisRows.length, nVivado: vivadoRows.length };
  let p: Parameters = base;
  if (vitisRows.length > 0) {
    let bestCost = dspLogError(vitisRows, p);
    for (let digits = 2; digits <= 5; digits++) {
      for (let k = -12; k <= 8; k++) {
        const q = { ...p, constDspMinDigitsVitis: digits, trainedWeightScale: Math.round(2 ** (k / 8) * 100) / 100 };
        const c = dspLogError(vitisRows, q);
        if (c < bestCost - 1e-9) [out.vitis, out.scale, bestCost] = [digits, q.trainedWeightScale, c];
      }
    }
    p = { ...p, constDspMinDigitsVitis: out.vitis ?? p.constDspMinDigitsVitis, trainedWeightScale: out.scale ?? p.trainedWeightScale };
  }
  if (vivadoRows.length > 0) {
    let bestCost = dspLogError(vivadoRows, p);
    // Few Vivado HLS rows, some from pruned models whose zeros the rows do not give: the default stands unless
    // another threshold is clearly (10 %) better.
    for (let digits = 2; digits <= 5; digits++) {
      const c = dspLogError(vivadoRows, { ...p, constDspMinDigitsVivado: digits });
      if (c < 0.9 * bestCost) [out.vivado, bestCost] = [digits, c];
    }
  }
  return out;
}

/** The fabric width threshold matching most Resource-strategy DSP counts (ties keep the default). */
function fabricWidth(records: readonly CalibrationRecord[]): { value: number; n: number } | undefined {
  const rows = records.filter((r) => WEIGHTED.has(r.signature.family) && r.signature.strategy === 'resource' && r.signature.mulImpl === 'auto' && r.measured.dsp !== undefined);
  if (rows.length === 0) return undefined;
  const score = (t: number) => rows.filter((r) => (r.measured.dsp === 0) === isNarrow(r.signature, t)).length;
  let best: number = PARAMETER_DEFS.dspFabricMaxWidth.value;
  for (let t = 4; t <= 16; t++) if (score(t) > score(best)) best = t;
  return { value: best, n: rows.length };
}

/** The ROM remainder (bits left in LUTs) matching most Resource-strategy BRAM counts (ties keep the default). */
function remainderBits(records: readonly CalibrationRecord[], romMin: number): { value: number; n: number } | undefined {
  const rows = records.filter((r) => WEIGHTED.has(r.signature.family) && r.signature.strategy === 'resource' && r.signature.reuseFactor > 1 && r.measured.bram18 !== undefined);
  if (rows.length === 0) return undefined;
  const score = (t: number) =>
    rows.filter((r) => {
      const s = r.signature;
      const bits = s.nWeights * s.weightWidth;
      const predicted = bits < romMin ? 0 : romBram18(Math.ceil(s.nWeights / s.reuseFactor) * s.weightWidth, s.reuseFactor, t);
      return predicted === r.measured.bram18;
    }).length;
  let best: number = PARAMETER_DEFS.romRemainderLutBits.value;
  for (let t = 0; t <= 8; t++) if (score(t) > score(best)) best = t;
  return { value: best, n: rows.length };
}

/** Fits every fittable parameter; the rest keep their defaults. */
export function fitParameters(records: readonly CalibrationRecord[]): FittedParameters {
  const values: Record<string, number> = {};
  const sources: Record<string, string> = {};
  for (const [k, d] of Object.entries(PARAMETER_DEFS)) {
    values[k] = d.value;
    sources[k] = `default: ${d.source}`;
  }
  const set = (k: ParameterName, r: { value: number; n: number } | undefined, how: string) => {
    if (!r) return;
    values[k] = r.value;
    sources[k] = `fitted from ${r.n} records: ${how}`;
  };
  set('dspFabricMaxWidth', fabricWidth(records), 'width matching most Resource-strategy DSP counts (0 DSP ⇔ narrow operand)');
  set('romBramMinBits', romThreshold(records), 'geometric midpoint between the largest LUT ROM and the smallest BRAM ROM at the best split');
  set('romRemainderLutBits', remainderBits(records, values['romBramMinBits']), 'leftover ROM bits kept in LUTs that match most Resource-strategy BRAM counts');
  const cd = constantDsp(records, values as Parameters);
  const how = 'whose DSP counts best match the Latency-strategy rows of that tool (mean |log ratio|, ALLOCATION limit included)';
  set('constDspMinDigitsVitis', cd.vitis !== undefined ? { value: cd.vitis, n: cd.nVitis } : undefined, `signed-digit threshold ${how}`);
  set('trainedWeightScale', cd.scale !== undefined ? { value: cd.scale, n: cd.nVitis } : undefined, `weight scale, jointly with the Vitis threshold, ${how}`);
  set('constDspMinDigitsVivado', cd.vivado !== undefined ? { value: cd.vivado, n: cd.nVivado } : undefined, `signed-digit threshold ${how}`);
  return { values: values as Parameters, sources: sources as Record<ParameterName, string> };
}
