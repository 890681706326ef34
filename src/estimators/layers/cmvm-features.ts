/**
 * The named features of a matrix kernel that the calibrated LUT/FF models are linear in, and their priors.
 * Priors: a fabric multiplier costs ≈ 1.2 LUT per operand bit pair (hls4ml issue #99: 18×18 ≈ 365–411 LUTs; constant
 * operands about half), an adder one LUT per bit (carry chain), registers one FF per bit (our model, hls4ml.md §2.15).
 */
import type { FittedModel } from '../types.js';
import type { LayerSignature } from '../signature.js';
import { baseFeatures, prior, type BaseFeatures } from './define.js';
import { clockPressure, constantWeights, type Multipliers } from './cmvm.js';
import { chainedStages } from './stream-timing.js';

/**
 * A DSP multiply as Vivado HLS's core library times it on 7-series −1 (ns; our model, in two chained parts so that
 * the part scaling and schedule budget of {@link chainedStages} apply): 4.5 ns in all, more than the 4.375 ns a
 * 5 ns clock leaves, so the tool builds a two-stage core there (tanvirana and camillaMiao xc7z020-1 reports at
 * 5 ns: `mul_16s_10ns_26_2_0`, 67 FF each in the Instance table) and a combinational one at 10–25 ns, on faster
 * speed grades (camillaMiao: the same 16×4 Dense on xc7vx690t-3, 3.2 ns by the grade scaling: 34 FF per DSP against
 * about 115 on xc7z020-1) and on UltraScale+ (ml4quantum xczu3eg-1 5 ns: 33 FF per DSP).
 */
const VIVADO_DSP_CORE_NS: readonly number[] = [3, 1.5];

/**
 * Register bits inside the pipelined multiplier cores a kernel instantiates: Vivado HLS counts a registered core's
 * operand and product registers as fabric FF (its Instance table), one core per DSP-mapped multiplier, about
 * 2 × (input + weight bits) each; 0 for Vitis HLS, whose pipelined cores (`mul_8s_8s_16_3_0` at 3.33 ns in the
 * ArgyKokk reports) keep those registers inside the DSP48 (Instance FF 0), and for combinational cores.
 */
export function mulCoreBits(sig: LayerSignature, dspMultipliers: number): number {
  if (sig.tool !== 'vivado_hls' || dspMultipliers === 0 || chainedStages(sig, VIVADO_DSP_CORE_NS) < 2) return 0;
  return dspMultipliers * 2 * (sig.inputWidth + sig.weightWidth);
}

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
  /** Registers of pipelined multiplier cores that the tool counts as fabric FF ({@link mulCoreBits}). */
  readonly mulCoreBits: number;
};

/** Features of a kernel with multipliers `m`, analytic figures `a` and the given size terms. */
export function cmvmFeatures(
  sig: LayerSignature,
  a: { readonly latency: number; readonly dsp: number; readonly bram18: number },
  m: Multipliers,
  t: { readonly nIn: number; readonly nOut: number; readonly romLutBits: number; readonly lineBits?: number; readonly windowBits?: number },
): CmvmFeatures {
  const resource = sig.strategy === 'resource';
  const add = m.products * sig.accumWidth;
  return {
    ...baseFeatures(sig, a),
    fabricMulBits: m.fabricMultipliers * sig.inputWidth * sig.weightWidth,
    shiftAddBits: m.shiftAddAdders * sig.inputWidth,
    dspMultipliers: m.dspMultipliers,
    addBits: add,
    addBitsPerRf: add / Math.max(1, sig.reuseFactor),
    addBitsFast: add * clockPressure(sig.clockNs),
    outBits: t.nOut * sig.resultWidth,
    inBits: resource ? 0 : t.nIn * sig.inputWidth,
    accBits: t.nOut * sig.accumWidth,
    romLutBits: t.romLutBits,
    muxBits: resource ? m.limit * (sig.inputWidth + sig.weightWidth) : 0,
    lineBits: t.lineBits ?? 0,
    windowBits: t.windowBits ?? 0,
    mulCoreBits: mulCoreBits(sig, m.dspMultipliers),
  };
}

/** LUT prior of a matrix kernel. */
export const CMVM_LUT_PRIOR: FittedModel = prior(
  ['fabricMulBits', 'shiftAddBits', 'addBits', 'addBitsPerRf', 'addBitsFast', 'outBits', 'romLutBits', 'muxBits', 'dspMultipliers', 'lineBits'],
  [1.2, 0.3, 0.5, 0.5, 0, 0.5, 0.03, 1, 4, 0.1],
);

/** FF prior of a matrix kernel (registers follow the adder tree and I/O, not how constants were decomposed). */
export const CMVM_FF_PRIOR: FittedModel = prior(
  ['fabricMulBits', 'addBits', 'addBitsPerRf', 'addBitsFast', 'outBits', 'inBits', 'accBits', 'dspMultipliers', 'windowBits', 'mulCoreBits'],
  [0.3, 0.25, 0.25, 0.5, 1, 1, 1, 10, 1, 1],
);
