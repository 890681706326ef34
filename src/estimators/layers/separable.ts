/**
 * Separable convolutions: hls4ml splits them into a depthwise conv (K·C products) and a pointwise 1×1 conv
 * (C × F), each with the layer's strategy and reuse factor; io_stream connects them through an internal stream
 * of `out_h·out_w` pixels.
 * @see /work/shared/docs/hls4ml.md §2.4 (`seperable_to_dw_conv.py`, `nnet_sepconv2d_stream.h`)
 */
import type { AnalyticCost } from '../types.js';
import type { Parameters } from '../calibration/parameters.js';
import type { LayerSignature } from '../signature.js';
import { bram18For } from '../bram.js';
import { multipliers, sumMultipliers, weightLutBits, weightRomBram18 } from './cmvm.js';
import { cmvmFeatures, CMVM_FF_PRIOR, CMVM_LUT_PRIOR } from './cmvm-features.js';
import { convTiming, lineBufferBits } from './conv-timing.js';
import { defineEstimator } from './define.js';

function analytic(sig: LayerSignature, p: Parameters): AnalyticCost {
  const rf = sig.reuseFactor;
  const k = sig.filtHeight * sig.filtWidth;
  const nDw = k * sig.nIn;
  const nPw = sig.nIn * sig.nOut;
  const share = nDw / Math.max(1, nDw + nPw);
  const zDw = Math.round(sig.zeroWeights * share);
  const p2Dw = Math.round(sig.pow2Weights * share);
  const dw = multipliers(sig, nDw, zDw, p2Dw, Math.min(rf, nDw), p);
  const pw = multipliers(sig, nPw, sig.zeroWeights - zDw, sig.pow2Weights - p2Dw, rf, p);
  const tDw = convTiming(sig, dw, k);
  const tPw = convTiming({ ...sig, inPixels: sig.outPixels }, pw, sig.nIn);
  const copies = sig.ioType === 'io_parallel' ? Math.max(1, sig.parallelization) : 1;
  const dsp = (dw.dsp + pw.dsp) * copies;
  const internal = sig.ioType === 'io_stream' ? bram18For(sig.nIn * sig.inputWidth, sig.outPixels) : 0;
  const bram18 = weightRomBram18(sig, nDw, Math.min(rf, nDw), p) + weightRomBram18(sig, nPw, rf, p) + internal;
  const latency = tDw.latency + tPw.latency;
  const m = { ...sumMultipliers(dw, pw), dsp };
  const features = cmvmFeatures(sig, { latency, dsp, bram18 }, m, {
    nIn: sig.nIn + nDw,
    nOut: sig.nOut + sig.nIn,
    romLutBits: weightLutBits(sig, nDw + nPw, rf, p),
    ...lineBufferBits(sig),
  });
  return { latency, ii: Math.max(tDw.ii, tPw.ii), dsp, bram18, uram: 0, features };
}

/** The separable-convolution estimator. */
export const separableEstimator = defineEstimator({
  id: 'separable',
  families: ['separable'],
  kinds: ['SeparableConv1D', 'SeparableConv2D'],
  strategyMatters: true,
  covers: (sig) => sig.strategy === 'latency' || sig.strategy === 'resource',
  analytic,
  priors: { lut: CMVM_LUT_PRIOR, ff: CMVM_FF_PRIOR },
});
