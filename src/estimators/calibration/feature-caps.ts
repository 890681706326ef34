/**
 * Physical upper bounds on the per-unit costs the LUT and FF models fit, so that a group with few samples cannot
 * extrapolate to absurd figures (a 6×16 fabric multiplier costing 500 LUTs). Bounds are generous — about twice
 * what the hardware needs — and only bind when the data is thin.
 * @see hls4ml issue #99: an 18×18 multiplier in fabric takes 365–411 LUTs, ≈ 1.1–1.3 LUT per partial-product bit
 * @see Xilinx UG474/UG574: a LUT6 computes one sum bit with the carry chain; a LUT6 holds 64 ROM bits or a
 *   32-deep shift register (SRL32); one flip-flop per register bit
 */
import type { FittedTarget } from '../types.js';
import { plainFeatureName } from '../layers/kernel-registers.js';

const LUT: Readonly<Record<string, number>> = {
  fabricMulBits: 2.5,
  shiftAddBits: 2.5,
  addBits: 2,
  addBitsPerRf: 2,
  addBitsFast: 2,
  outBits: 4,
  inBits: 4,
  accBits: 4,
  romLutBits: 1,
  muxBits: 8,
  dspMultipliers: 100,
  lineBits: 1,
  windowBits: 4,
  // io_stream convolutions (conv-timing.ts `streamKernelFeatures`): 32 LUT per SRL slice, ≈ 0.15–1.3 LUT per
  // multiplexer input bit, ≈ 165 LUT per 32-bit window counter.
  lineSrl: 64,
  inMuxBits: 1,
  counters: 250,
  // Resource kernels with RF > n_in: a write-select multiplexer per accumulator bit (≈ 4.4 LUT per bit reported).
  accFileBits: 10,
};

const FF: Readonly<Record<string, number>> = {
  fabricMulBits: 2,
  shiftAddBits: 2,
  addBits: 2,
  addBitsPerRf: 2,
  addBitsFast: 4,
  outBits: 4,
  inBits: 4,
  accBits: 4,
  muxBits: 4,
  dspMultipliers: 150,
  lineBits: 2,
  windowBits: 4,
  // 64 FF per reported `ap_shift_reg`, one per held product bit.
  lineRegs: 128,
  holdBits: 2,
  // io_stream convolutions: the window logic's registers counted in bits (64 per line buffer, window, counters).
  frameRegBits: 2,
  // io_stream dense: accumulators held between the rounds of an II = RF kernel, and the input-word buffer.
  heldBits: 2,
  streamBits: 2,
  // io_parallel Latency dense: products held across the kernel's pipeline stages.
  stageBits: 2,
};

/** The upper bound of a feature's coefficient for a target (Infinity when unbounded). */
export function featureCap(target: FittedTarget, feature: string): number {
  const table = target === 'lut' ? LUT : target === 'ff' ? FF : undefined;
  // A kernel feature's register view (`regAddBits`) has the bound of the feature.
  const plain = plainFeatureName(feature);
  return table?.[feature] ?? (plain === undefined ? undefined : table?.[plain]) ?? Number.POSITIVE_INFINITY;
}
