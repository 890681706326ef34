/**
 * How many DSP slices one multiplication takes: one slice multiplies up to 25×18 (DSP48E1, 7 series),
 * 27×18 (DSP48E2, UltraScale/UltraScale+) or 27×24 (DSP58, Versal) signed bits; wider products are split.
 * @see /work/shared/docs/hls4ml.md §2.12 (DSP vs LUT for multiplications; issue #31: ">18 bits needs two DSPs")
 */
import type { DspType } from './device-data.js';

/** Operand widths of one DSP slice's multiplier, long port first. */
export const DSP_PORTS: Readonly<Record<DspType, readonly [number, number]>> = {
  DSP48E1: [25, 18],
  DSP48E2: [27, 18],
  DSP58: [27, 24],
};

/** DSP slices per `a × b` product: `ceil(max/long)·ceil(min/short)` (our model, §2.12). */
export function dspPerMultiply(a: number, b: number, dspType: DspType): number {
  const [long, short] = DSP_PORTS[dspType];
  const hi = a > b ? a : b;
  const lo = a > b ? b : a;
  return Math.ceil(hi / long) * Math.ceil(lo / short);
}

/**
 * True when the HLS tool maps a generic (non-constant) `a × b` product to fabric instead of a DSP: the narrower
 * operand is at most `threshold` bits (hls4ml's own estimator assumes "< 9 bits ⇒ 0 DSPs", a calibrated parameter here).
 * @see hls4ml/optimization/dsp_aware_pruning/objectives/vivado_objectives.py `VivadoDSPEstimator`
 */
export function isFabricMultiply(a: number, b: number, threshold: number): boolean {
  return (a < b ? a : b) <= threshold;
}
