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

/** Share of non-trivial constants with at least `minDigits` signed digits, from a digit histogram. */
function shareFromHistogram(counts: readonly number[], minDigits: number): number {
  let total = 0;
  let wide = 0;
  for (let d = 2; d < counts.length; d++) {
    total += counts[d];
    if (d >= minDigits) wide += counts[d];
  }
  return total > 0 ? wide / total : 0;
}

/** Most terms summed for one share; larger code ranges are sampled at an even stride. */
const MAX_TERMS = 2048;
const MEMO = new Map<string, number>();

/**
 * Share of non-trivial codes (|q| ≥ 3, not ±2^k) with ≥ `minDigits` signed digits when q is a rounded Gaussian of
 * standard deviation `s` (in LSBs), saturating at `qMax`.
 */
export function gaussianWideShare(s: number, qMax: number, minDigits: number): number {
  const key = `${Math.round(Math.log2(Math.max(s, 1e-6)) * 64)}|${qMax}|${minDigits}`;
  const hit = MEMO.get(key);
  if (hit !== undefined) return hit;
  const top = Math.min(qMax, Math.ceil(7 * s) + 1);
  const stride = Math.max(1, Math.floor(top / MAX_TERMS));
  const cdfAbove = (x: number) => erfc(x / (s * Math.SQRT2));
  let total = 0;
  let wide = 0;
  for (let q = 3; q <= top; q += stride) {
    if ((q & (q - 1)) === 0 && q < 2 ** 31) continue;
    // Mass of codes rounding to q (the top code also takes everything saturating onto it), times the stride.
    const mass = (q === qMax ? cdfAbove(q - 0.5) : cdfAbove(q - 0.5) - cdfAbove(q + 0.5)) * stride;
    total += mass;
    if (csdDigits(q) >= minDigits) wide += mass;
  }
  const share = total > 0 ? wide / total : 0;
  MEMO.set(key, share);
  return share;
}

/** The complementary error function (Abramowitz & Stegun 7.1.26, absolute error below 1.5e-7). */
export function erfc(x: number): number {
  const z = x < 0 ? -x : x;
  const t = 1 / (1 + 0.3275911 * z);
  const y = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-z * z);
  return x < 0 ? 2 - y : y;
}

/** Share of the kernel's non-trivial constant products that get a DSP (0…1). */
export function wideConstantShare(sig: LayerSignature, p: Parameters): number {
  const minDigits = sig.tool === 'vitis_hls' ? p.constDspMinDigitsVitis : p.constDspMinDigitsVivado;
  const weightScale = p.trainedWeightScale;
  if (sig.weightsKnown && sig.weightDigitCounts.length > 0) return shareFromHistogram(sig.weightDigitCounts, minDigits);
  const fractionBits = sig.weightWidth - sig.weightInteger;
  const sigma = weightScale * Math.sqrt(2 / Math.max(2, sig.nIn + sig.nOut));
  return gaussianWideShare(sigma * 2 ** fractionBits, 2 ** (sig.weightWidth - 1), minDigits);
}
