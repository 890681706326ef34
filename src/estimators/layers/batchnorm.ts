/**
 * BatchNormalization: `x·scale + bias` per element with `ALLOCATION mul limit = ceil(n_in/RF)`; io_stream handles
 * one pixel per step with at most one multiplier per channel.
 * @see /work/shared/docs/hls4ml.md §2.8; real rows (pominiq/DNNonSilicon): 32 channels → 32 DSP, 576 elements at
 *   RF 16 → 36 DSP
 */
import type { AnalyticCost } from '../types.js';
import type { Parameters } from '../calibration/parameters.js';
import type { LayerSignature } from '../signature.js';
import { dspPerMultiply, isFabricMultiply } from '../dsp-split.js';
import { defineEstimator } from './define.js';
import { simpleFeatures, SIMPLE_FF_PRIOR, SIMPLE_LUT_PRIOR } from './simple-features.js';

function analytic(sig: LayerSignature, p: Parameters): AnalyticCost {
  const rf = Math.max(1, sig.reuseFactor);
  const limit = Math.ceil(sig.elements / rf);
  const stream = sig.ioType === 'io_stream';
  const mults = stream ? Math.min(Math.max(1, sig.channels), limit) : limit;
  const dsp = sig.mulImpl === 'fabric' || isFabricMultiply(sig.inputWidth, sig.weightWidth, p.dspFabricMaxWidth) ? 0 : mults * dspPerMultiply(sig.inputWidth, sig.weightWidth, sig.dspType);
  const perPixel = stream ? Math.ceil(Math.max(1, sig.channels) / mults) : 1;
  const latency = stream ? Math.max(1, sig.outPixels) * perPixel + 3 : 2;
  // io_parallel: PIPELINE II=RF, but a call shorter than RF repeats after latency + 1 (as the Latency dense kernel).
  const timing = stream ? { latency, ii: latency, iiAfterLatency: 0 } : { latency, ii: rf, iiAfterLatency: 1, iiCap: rf };
  return { ...timing, dsp, bram18: 0, uram: 0, features: simpleFeatures(sig, { latency, dsp, bram18: 0 }, { parallel: mults }) };
}

/** The BatchNormalization estimator. */
export const batchnormEstimator = defineEstimator({
  id: 'batchnorm',
  families: ['batchnorm'],
  kinds: ['BatchNormalization'],
  strategyMatters: false,
  covers: () => true,
  analytic,
  priors: { lut: SIMPLE_LUT_PRIOR, ff: SIMPLE_FF_PRIOR },
});
