/**
 * Which constant products of a Latency-style kernel (weights are compile-time constants) the HLS tool builds in a
 * DSP rather than as shift-and-add logic. A constant with d non-zero digits in canonical signed-digit form costs
 * d − 1 adders of shifted inputs; our rule: the tool uses a DSP when d ≥ D, `D` calibrated per tool
 * (`constDspMinDigitsVitis`, `constDspMinDigitsVivado`: Vivado HLS builds almost every non-trivial constant in a DSP,
 * D = 2; Vitis HLS decomposes more, D = 3).
 * - Weights known (a loaded model): the share is counted from the weights' digit histogram.
 * - Weights unknown (report rows): trained weights are taken as Gaussian with standard deviation
 *   g·√(2/(n_in+n_out)) (Glorot & Bengio 2010; g = the calibrated `trainedWeightScale`), quantised to the weight
 *   type, and the share is the probability mass of codes with d ≥ D.
 * Real rows (ArgyKokk/hls4ml_MLP_estimator, Vitis HLS, 8-bit weights): DSP / products ≈ 0.5 at 10×5, 0.2 at 32×32,
 * 0.01 at 196×56; D = 3, g ≈ 0.7–0.85 reproduce that within a mean |log ratio| of 0.56 (bit-length thresholds: 0.76).
 * Vivado HLS rows (pominiq/DNNonSilicon, tanvirana, camillaMiao; 16-bit weights): DSP ≈ 0.65–0.86 of products.
 */
import { csdDigits } from '../weight-stats.js';
import type { Parameters } from '../calibration/parameters.js';
import type { LayerSignature } from '../signature.js';

/**
 * Signed-digit statistics of a kernel's non-trivial constants (neither 0 nor ±2^k) for a DSP threshold. The tool
 * builds a product once per input and distinct constant (common-subexpression elimination), so the counts are of
 * distinct products, as shares of the non-trivial weights.
 */
export interface ConstantDigits {
  /** Distinct products per non-trivial weight (1 when no constant repeats on an input). */
  readonly distinctShare: number;
  /** Distinct products with at least the threshold's digits per non-trivial weight: the ones the tool puts in DSPs. */
  readonly wideShare: number;
  /** Mean adders (digits − 1) of a distinct product below the threshold: the shift-and-add cost of one. */
  readonly narrowAdders: number;
  /** Mean adders of a distinct product (when every constant is built as shift-and-add). */
  readonly allAdders: number;
  /**
   * Expected shares of all weights that quantise to 0 and to ±2^k when the weights are unknown (0 when they are
   * known: the signature's counts are exact then).
   */
  readonly zeroShare: number;
  readonly pow2Share: number;
}

const NONE: ConstantDigits = { distinctShare: 1, wideShare: 0, narrowAdders: 0, allAdders: 0, zeroShare: 0, pow2Share: 0 };

/**
 * Digit statistics from histograms (`all[d]` non-trivial weights, `distinct[d]` distinct products with d signed
 * digits; an empty `distinct` takes every weight as its own product).
 */
function digitsFromHistogram(all: readonly number[], distinct: readonly number[], minDigits: number): ConstantDigits {
  const h = distinct.length > 0 ? distinct : all;
  let total = 0;
  for (let d = 2; d < all.length; d++) total += all[d];
  let products = 0;
  let wide = 0;
  let narrowAdd = 0;
  let allAdd = 0;
  for (let d = 2; d < h.length; d++) {
    const c = h[d];
    products += c;
    allAdd += c * (d - 1);
    if (d >= minDigits) wide += c;
    else narrowAdd += c * (d - 1);
  }
  if (total === 0 || products === 0) return NONE;
  return {
    distinctShare: products / total, wideShare: wide / total, narrowAdders: products > wide ? narrowAdd / (products - wide) : 0,
    allAdders: allAdd / products, zeroShare: 0, pow2Share: 0,
  };
}

/** Most terms summed for one share; larger code ranges are sampled at an even stride. */
const MAX_TERMS = 2048;
const MEMO = new Map<string, ConstantDigits>();

/**
 * Digit statistics of non-trivial codes (|q| ≥ 3, not ±2^k) when q is a rounded Gaussian of standard deviation `s`
 * (in LSBs), saturating at `qMax`, for the DSP threshold `minDigits`, with `rowLength` weights on each input: a code
 * of probability m appears on an input 1 − (1 − m)^rowLength times in expectation, whatever its multiplicity
 * (memoised).
 */
export function gaussianDigits(s: number, qMax: number, minDigits: number, rowLength = 1): ConstantDigits {
  const row = Math.max(1, Math.round(rowLength));
  const key = `${Math.round(Math.log2(Math.max(s, 1e-6)) * 64)}|${qMax}|${minDigits}|${row}`;
  const hit = MEMO.get(key);
  if (hit !== undefined) return hit;
  const top = Math.min(qMax, Math.ceil(7 * s) + 1);
  const stride = Math.max(1, Math.floor(top / MAX_TERMS));
  const cdfAbove = (x: number) => erfc(x / (s * Math.SQRT2));
  let total = 0;
  let products = 0;
  let wide = 0;
  let narrowProducts = 0;
  let narrowAdd = 0;
  let allAdd = 0;
  // Powers of two: their mass exactly (there are few), the rest sampled.
  let pow2 = 0;
  for (let q = 1; q <= qMax && q <= 8 * s + 1; q *= 2) pow2 += q === qMax ? cdfAbove(q - 0.5) : cdfAbove(q - 0.5) - cdfAbove(q + 0.5);
  for (let q = 3; q <= top; q += stride) {
    if ((q & (q - 1)) === 0 && q < 2 ** 31) continue;
    // Mass of codes rounding to q (the top code also takes everything saturating onto it), times the stride.
    const mass = (q === qMax ? cdfAbove(q - 0.5) : cdfAbove(q - 0.5) - cdfAbove(q + 0.5)) * stride;
    const d = csdDigits(q);
    // Distinct products per weight of the codes ±q (each of probability mass/2 per sampled code).
    const each = mass / stride / 2;
    const distinct = row === 1 ? mass : (stride * 2 * (1 - (1 - each) ** row)) / row;
    total += mass;
    products += distinct;
    allAdd += distinct * (d - 1);
    if (d >= minDigits) wide += distinct;
    else {
      narrowProducts += distinct;
      narrowAdd += distinct * (d - 1);
    }
  }
  // |q| ≥ 1 on either side of zero: the two tails of the symmetric distribution, so P(0) = 1 − erfc(0.5/(s√2)).
  const zeroShare = 1 - cdfAbove(0.5);
  const digits = total > 0 && products > 0
    ? { distinctShare: products / total, wideShare: wide / total, narrowAdders: narrowProducts > 0 ? narrowAdd / narrowProducts : 0, allAdders: allAdd / products }
    : NONE;
  const out = { ...digits, zeroShare, pow2Share: pow2 };
  MEMO.set(key, out);
  return out;
}

/** The complementary error function (Abramowitz & Stegun 7.1.26, absolute error below 1.5e-7). */
export function erfc(x: number): number {
  const z = x < 0 ? -x : x;
  const t = 1 / (1 + 0.3275911 * z);
  const y = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-z * z);
  return x < 0 ? 2 - y : y;
}

/** Signed-digit statistics of the kernel's non-trivial constants under the tool's DSP threshold. */
export function constantDigits(sig: LayerSignature, p: Parameters): ConstantDigits {
  const minDigits = sig.tool === 'vitis_hls' ? p.constDspMinDigitsVitis : p.constDspMinDigitsVivado;
  if (sig.weightsKnown && sig.weightDigitCounts.length > 0) return digitsFromHistogram(sig.weightDigitCounts, sig.weightDistinctDigitCounts, minDigits);
  const fractionBits = sig.weightWidth - sig.weightInteger;
  const sigma = p.trainedWeightScale * Math.sqrt(2 / Math.max(2, sig.nIn + sig.nOut));
  // Weights sharing an input: a Dense/conv kernel row feeds every output; depthwise and batch-norm scales one each.
  const rowLength = sig.family === 'depthwise' || sig.family === 'batchnorm' ? 1 : sig.nOut;
  return gaussianDigits(sigma * 2 ** fractionBits, 2 ** (sig.weightWidth - 1), minDigits, rowLength);
}
