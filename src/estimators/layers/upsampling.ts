/**
 * Nearest-neighbour upsampling (`resize_nearest`): each output pixel copies one input pixel; io_stream writes every
 * output pixel once (real rows: ChiRuiChen/AutoEncoder_hls4ml resize 8×8×4 → 16×16 in 258 cycles).
 * @see /work/shared/docs/hls4ml.md §2.9
 */
import type { AnalyticCost } from '../types.js';
import type { LayerSignature } from '../signature.js';
import { defineEstimator } from './define.js';
import { parallelElements, simpleFeatures, SIMPLE_FF_PRIOR, SIMPLE_LUT_PRIOR } from './simple-features.js';
import { elementwiseTiming } from './stream-timing.js';

function analytic(sig: LayerSignature): AnalyticCost {
  const t = elementwiseTiming(sig, 2, sig.outPixels);
  return { ...t, dsp: 0, bram18: 0, uram: 0, features: simpleFeatures(sig, { latency: t.latency, dsp: 0, bram18: 0 }, { parallel: parallelElements(sig) }) };
}

/** The upsampling estimator. */
export const upsamplingEstimator = defineEstimator({
  id: 'upsampling',
  families: ['upsampling'],
  kinds: ['UpSampling1D', 'UpSampling2D'],
  strategyMatters: false,
  covers: () => true,
  analytic,
  priors: { lut: SIMPLE_LUT_PRIOR, ff: SIMPLE_FF_PRIOR },
});
