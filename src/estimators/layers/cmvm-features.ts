/**
 * The named features of a matrix kernel that the calibrated LUT/FF models are linear in, and their priors.
 * Priors: a fabric multiplier costs ≈ 1.2 LUT per operand bit pair (hls4ml issue #99: 18×18 ≈ 365–411 LUTs; constant
 * operands about half), an adder one LUT per bit (carry chain), registers one FF per bit (our model, hls4ml.md §2.15).
 */
import type { FittedModel } from '../types.js';
import type { LayerSignature } from '../signature.js';
import { baseFeatures, prior, type BaseFeatures } from './define.js';
import { clockPressure, constantWeights, type Multipliers } from './cmvm.js';

/** Feature record of a matrix kernel. */
export type CmvmFeatures = BaseFeatures & {
  /** Fabric multiplier cores × input bits × weight bits. */
  readonly fabricMulBits: number;
  /** Shift-and-add adder bits of the constant products built without a multiplier: adders × input bits. */
  readonly shiftAddBits: number;
  readonly dspMultipliers: number;
  /** Adder-tree bits: products × accumulator width. */
  readonly addBits: number;
  /** Adder-tree bits divided by the reuse factor (adders the schedule can share under II = RF). */
  readonly addBitsPerRf: number;
  /** Adder-tree bits × clock pressure: pipeline registers a fast clock adds. */
  readonly addBitsFast: number;
  /** Output bits (result width × outputs produced per call). */
  readonly outBits: number;
  /**
   * Input bits the kernel registers per call: n_in × input bits for the unrolled kernels (Latency and the like register
   * their input port: `p_read_int_reg` in the ArgyKokk Vitis HLS reports), 0 for the Resource strategy, whose
   * ReuseLoop reads the input array through a multiplexer each iteration and holds no copy of it (real rows:
   * hls4ml-live-demo `dense_wrapper` 2048×10 at RF 20480 — 531 FF for 16 384 input bits).
   */
  readonly inBits: number;
  /** Accumulator register bits (n_out × accumulator width). */
  readonly accBits: number;
  /** Resource-strategy weight ROM bits kept in LUTs/registers. */
  readonly romLutBits: number;
  /** Resource-strategy operand multiplexing: block_factor × (input + weight bits). */
  readonly muxBits: number;
  /** Line-buffer bits of a streaming convolution/pooling ((K_h−1)·W·C·input bits). */
  readonly lineBits: number;
  /** Window register bits (K·C·input bits). */
  readonly windowBits: number;
};

/** Features of a kernel with multipliers `m`, analytic figures `a` and the given size terms. */
export function cmvmFeatures(
  sig: LayerSignature,
  a: { readonly latency: number; readonly dsp: number; readonly bram18: number },
  m: Multipliers,
  t: { readonly nIn: number; readonly nOut: number; readonly romLutBits: number; readonly lineBits?: number; readonly windowBits?: number },
): CmvmFeatures {
  const resource = sig.strategy === 'resource';
  return {
    ...baseFeatures(sig, a),
    fabricMulBits: m.fabricMultipliers * sig.inputWidth * sig.weightWidth,
    shiftAddBits: m.shiftAddAdders * sig.inputWidth,
    dspMultipliers: m.dspMultipliers,
    addBits: m.products * sig.accumWidth,
    addBitsPerRf: (m.products * sig.accumWidth) / Math.max(1, sig.reuseFactor),
    addBitsFast: m.products * sig.accumWidth * clockPressure(sig.clockNs),
    outBits: t.nOut * sig.resultWidth,
    inBits: resource ? 0 : t.nIn * sig.inputWidth,
    accBits: t.nOut * sig.accumWidth,
    romLutBits: t.romLutBits,
    muxBits: resource ? m.limit * (sig.inputWidth + sig.weightWidth) : 0,
    lineBits: t.lineBits ?? 0,
    windowBits: t.windowBits ?? 0,
  };
}

/** LUT prior of a matrix kernel. */
export const CMVM_LUT_PRIOR: FittedModel = prior(
  ['fabricMulBits', 'shiftAddBits', 'addBits', 'addBitsPerRf', 'addBitsFast', 'outBits', 'romLutBits', 'muxBits', 'dspMultipliers', 'lineBits'],
  [1.2, 0.3, 0.5, 0.5, 0, 0.5, 0.03, 1, 4, 0.1],
);

/** FF prior of a matrix kernel (registers follow the adder tree and I/O, not how constants were decomposed). */
export const CMVM_FF_PRIOR: FittedModel = prior(
  ['fabricMulBits', 'addBits', 'addBitsPerRf', 'addBitsFast', 'outBits', 'inBits', 'accBits', 'dspMultipliers', 'windowBits'],
  [0.3, 0.25, 0.25, 0.5, 1, 1, 1, 10, 1],
);
