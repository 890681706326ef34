/**
 * Depthwise convolutions: one weight per window element and channel, so K·C·multiplier products (not K·C·C),
 * with the conv pixel loop around them; Latency and Resource only.
 * @see /work/shared/docs/hls4ml.md §1.4, §2.4 (`DepthwiseDenseLatency`, `DepthwiseDenseResource_*`)
 */
import type { AnalyticCost } from '../types.js';
import type { Parameters } from '../calibration/parameters.js';
import type { LayerSignature } from '../signature.js';
import { multipliers, scaleMultipliers, weightLutBits, weightRomBram18 } from './cmvm.js';
import { cmvmFeatures, CMVM_FF_PRIOR, CMVM_LUT_PRIOR } from './cmvm-features.js';
import { convTiming, lineBufferBits } from './conv-timing.js';
import { defineEstimator } from './define.js';

function analytic(sig: LayerSignature, p: Parameters): AnalyticCost {
  const n = Math.max(sig.nWeights, sig.filtHeight * sig.filtWidth * sig.nFilt);
  const rf = sig.reuseFactor;
  const m = multipliers(sig, n, sig.zeroWeights, sig.pow2Weights, rf, p);
  const copies = sig.ioType === 'io_parallel' ? Math.max(1, sig.parallelization) : 1;
  const t = convTiming(sig, m, sig.filtHeight * sig.filtWidth);
  const all = scaleMultipliers(m, copies);
  const dsp = all.dsp;
  const bram18 = weightRomBram18(sig, n, rf, p);
  const features = cmvmFeatures(sig, { latency: t.latency, dsp, bram18 }, all, {
    nIn: sig.nIn,
    nOut: sig.nOut,
    romLutBits: weightLutBits(sig, n, rf, p),
    ...lineBufferBits(sig),
  });
  return { ...t, dsp, bram18, uram: 0, features };
}

/** The depthwise-convolution estimator. */
export const depthwiseEstimator = defineEstimator({
  id: 'depthwise',
  families: ['depthwise'],
  kinds: ['DepthwiseConv1D', 'DepthwiseConv2D'],
  strategyMatters: true,
  covers: (sig) => sig.strategy === 'latency' || sig.strategy === 'resource',
  analytic,
  priors: { lut: CMVM_LUT_PRIOR, ff: CMVM_FF_PRIOR },
});
