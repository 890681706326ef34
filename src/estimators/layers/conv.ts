/**
 * Conv1D / Conv2D (and 1×1 pointwise) layers: a dense kernel of (K·C) × F applied per output pixel, with
 * ParallelizationFactor copies in io_parallel and a line buffer in io_stream.
 * @see /work/shared/docs/hls4ml.md §1.4 (strategies: no resource_unrolled for io_parallel convs), §2.2–2.4
 */
import type { AnalyticCost } from '../types.js';
import type { Parameters } from '../calibration/parameters.js';
import type { LayerSignature } from '../signature.js';
import { multipliers, scaleMultipliers, weightLutBits, weightRomBram18 } from './cmvm.js';
import { cmvmFeatures } from './cmvm-features.js';
import { convTiming, lineBufferBits, streamKernelFeatures } from './conv-timing.js';
import { CYCLES_PRIOR, defineEstimator, prior } from './define.js';
import { ffFeatureName, kernelRegistered, registerView, resourceMulCoreBits, STREAM_LATENCY_KERNEL_REGISTERS } from './kernel-registers.js';

function analytic(sig: LayerSignature, p: Parameters): AnalyticCost {
  const n = sig.nIn * sig.nOut;
  const rf = sig.reuseFactor;
  const m = multipliers(sig, n, sig.zeroWeights, sig.pow2Weights, rf, p);
  const stream = sig.ioType === 'io_stream';
  const copies = sig.ioType === 'io_parallel' ? Math.max(1, sig.parallelization) : 1;
  const t = convTiming(sig, m, sig.nIn, p);
  const all = scaleMultipliers(m, copies);
  const dsp = all.dsp;
  const bram18 = weightRomBram18(sig, n, rf, p);
  const base = cmvmFeatures(sig, { latency: t.latency, dsp, bram18 }, all, {
    nIn: sig.nIn * copies,
    nOut: sig.nOut * copies,
    romLutBits: weightLutBits(sig, n, rf, p),
    ...lineBufferBits(sig),
  });
  const f = sig.strategy === 'resource' ? { ...base, mulCoreBits: resourceMulCoreBits(sig, all.dspMultipliers) } : base;
  // The kernel's registers: none in a kernel call without a cycle boundary (the line buffer's own registers are
  // `frameRegBits`, streamKernelFeatures).
  const regs = registerView(f, kernelRegistered(sig, m, p), stream && sig.strategy === 'latency' ? STREAM_LATENCY_KERNEL_REGISTERS : undefined);
  return { ...t, dsp, bram18, uram: 0, features: { ...f, ...regs, ...streamKernelFeatures(sig, m), px: stream ? sig.inPixels : 0, structural: stream ? 1 : 0 } };
}

/**
 * LUT prior: the matrix-kernel terms (cmvm-features.ts) with the stream terms of {@link streamKernelFeatures} in
 * place of the generic `muxBits`/`lineBits` — 32 LUT per line-buffer SRL slice, ≈ 0.15 LUT per multiplexer input
 * bit (a 72:1 × 32-bit mux: 337 LUT in the ChiRuiChen report) and ≈ 165 LUT per 32-bit window counter (its adder,
 * compares, select and multiplexer: 437 + 227 LUT for four in ChiRuiChen's, ≈ 690 in pominiq's reports). Output
 * words and DSP-mapped products cost registers, not LUTs (a `mul_32s_17s` DSP core: 1 LUT), so `outBits` and
 * `dspMultipliers` stay out: fitted, they stood in for the window logic and over-predicted wide 32-bit layers.
 * `accFileBits`: ≈ 4–5 LUT per bit of an accumulator array written through a run-time index (RF > n_in, see
 * conv-timing.ts `accFileBits`); without it the fit let `inMuxBits` stand in for it at its 1 LUT/bit cap.
 */
const CONV_LUT_PRIOR = prior(
  ['fabricMulBits', 'shiftAddBits', 'addBits', 'addBitsFast', 'romLutBits', 'inMuxBits', 'lineSrl', 'counters', 'accFileBits'],
  [1.2, 0.3, 0.5, 0, 0.03, 0.15, 32, 165, 4],
);

/**
 * FF prior: the kernel's registers one FF per bit, read through their register view (kernel-registers.ts: none for
 * a kernel call without a cycle boundary, only the products for a registered io_stream Latency kernel, pipelined
 * ReuseLoop cores for Resource), the window logic's registers (`frameRegBits`: line buffers at 64 FF, the window and
 * the counters, {@link streamKernelFeatures}) and one per held product bit. Fitted separately, the line buffers,
 * window and output registers scaled together in the data (two layer shapes) and the fit traded them against each
 * other: leave-one-project-out the RF 1 convolutions at 25 ns were predicted 3–5× their 443 / 1143 FF.
 */
const CONV_FF_PRIOR = prior(
  [...['fabricMulBits', 'addBits', 'addBitsFast', 'outBits', 'inBits', 'accBits', 'dspMultipliers'].map(ffFeatureName), 'frameRegBits', 'holdBits', ffFeatureName('mulCoreBits')],
  [0.3, 0.25, 0.5, 1, 1, 1, 10, 1, 1, 1],
);

/** The Conv1D/Conv2D/pointwise estimator. */
export const convEstimator = defineEstimator({
  id: 'conv',
  families: ['conv1d', 'conv2d', 'pointwise'],
  kinds: ['Conv1D', 'Conv2D'],
  strategyMatters: true,
  covers: (sig) => !(sig.ioType === 'io_parallel' && sig.strategy === 'resource_unrolled'),
  analytic,
  priors: { lut: CONV_LUT_PRIOR, ff: CONV_FF_PRIOR, latency: CYCLES_PRIOR },
  latencyFeatures: ['cycles', 'cyclesFast', 'px', 'one'],
});
