/**
 * Fits the analytic rules' parameters from records: the ROM size below which weights stay in LUTs, the share of
 * narrow constant multiplications still mapped to DSPs, and the operand width at or below which generic
 * multiplications go to fabric. A parameter with no evidence keeps its documented default.
 */
import { median } from 'simple-statistics';
import { romBram18 } from '../bram.js';
import { dspPerMultiply } from '../dsp-split.js';
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

/** Median DSP share of narrow constant multiplications in Latency layers. */
function narrowShare(records: readonly CalibrationRecord[], t: number): { value: number; n: number } | undefined {
  const shares = records
    .filter((r) => WEIGHTED.has(r.signature.family) && r.signature.strategy === 'latency' && r.signature.mulImpl === 'auto' && r.measured.dsp !== undefined && isNarrow(r.signature, t))
    .map((r) => {
      const s = r.signature;
      const products = s.nWeights - s.zeroWeights - s.pow2Weights;
      return (r.measured.dsp ?? 0) / Math.max(1, products * dspPerMultiply(s.inputWidth, s.weightWidth, s.dspType));
    });
  return shares.length > 0 ? { value: Math.min(1, median(shares)), n: shares.length } : undefined;
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
  set('latencyNarrowDspShare', narrowShare(records, values['dspFabricMaxWidth']), 'median DSP / non-trivial products of narrow Latency layers');
  return { values: values as Parameters, sources: sources as Record<ParameterName, string> };
}
