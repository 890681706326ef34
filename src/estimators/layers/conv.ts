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
  const f = cmvmFeatures(sig, { latency: t.latency, dsp, bram18 }, all, {
    nIn: sig.nIn * copies,
    nOut: sig.nOut * copies,
    romLutBits: weightLutBits(sig, n, rf, p),
    ...lineBufferBits(sig),
  });
  return { ...t, dsp, bram18, uram: 0, features: { ...f, ...streamKernelFeatures(sig, m), px: stream ? sig.inPixels : 0, structural: stream ? 1 : 0 } };
}

/**
 * LUT prior: the matrix-kernel terms (cmvm-features.ts) with the stream terms of {@link streamKernelFeatures} in
 * place of the generic `muxBits`/`lineBits` — 32 LUT per line-buffer SRL slice, ≈ 0.15 LUT per multiplexer input
 * bit (a 72:1 × 32-bit mux: 337 LUT in the ChiRuiChen report) and ≈ 165 LUT per 32-bit window counter (its adder,
 * compares, select and multiplexer: 437 + 227 LUT for four in ChiRuiChen's, ≈ 690 in pominiq's reports). Output
 * words and DSP-mapped products cost registers, not LUTs (a `mul_32s_17s` DSP core: 1 LUT), so `outBits` and
 * `dspMultipliers` stay out: fitted, they stood in for the window logic and over-predicted wide 32-bit layers.
 */
const CONV_LUT_PRIOR = prior(
  ['fabricMulBits', 'shiftAddBits', 'addBits', 'addBitsFast', 'romLutBits', 'inMuxBits', 'lineSrl', 'counters'],
  [1.2, 0.3, 0.5, 0, 0.03, 0.15, 32, 165],
);

/**
 * FF prior: window/input, output and accumulator registers one FF per bit, 64 FF per line-buffer register and one
 * per held product bit ({@link streamKernelFeatures}); `windowBits` is left out because it equals `inBits` here.
 */
const CONV_FF_PRIOR = prior(
  ['fabricMulBits', 'addBits', 'addBitsFast', 'outBits', 'inBits', 'accBits', 'dspMultipliers', 'lineRegs', 'holdBits', 'mulCoreBits'],
  [0.3, 0.25, 0.5, 1, 1, 1, 10, 64, 1, 1],
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
