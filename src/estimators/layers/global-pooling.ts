/**
 * Global max/average pooling: one accumulator (or running max) per channel over every pixel.
 * @see /work/shared/docs/hls4ml.md §2.5 ("Global pooling accumulates per channel over all pixels")
 */
import type { AnalyticCost } from '../types.js';
import type { LayerSignature } from '../signature.js';
import { log2Ceil } from './cmvm.js';
import { defineEstimator } from './define.js';
import { simpleFeatures, SIMPLE_FF_PRIOR, SIMPLE_LUT_PRIOR } from './simple-features.js';
import { elementwiseTiming } from './stream-timing.js';

function analytic(sig: LayerSignature): AnalyticCost {
  const channels = Math.max(1, sig.channels);
  const t = elementwiseTiming(sig, log2Ceil(sig.inPixels) + 2, sig.inPixels);
  const parallel = sig.ioType === 'io_stream' ? channels : channels * sig.inPixels;
  return {
    ...t,
    dsp: 0,
    bram18: 0,
    uram: 0,
    features: simpleFeatures(sig, { latency: t.latency, dsp: 0, bram18: 0 }, { parallel, windowBits: channels * sig.accumWidth }),
  };
}

/** The global-pooling estimator. */
export const globalPoolingEstimator = defineEstimator({
  id: 'global-pooling',
  families: ['global-pooling'],
  kinds: ['GlobalMaxPooling1D', 'GlobalMaxPooling2D', 'GlobalAveragePooling1D', 'GlobalAveragePooling2D'],
  strategyMatters: false,
  covers: () => true,
  analytic,
  priors: { lut: SIMPLE_LUT_PRIOR, ff: SIMPLE_FF_PRIOR },
});
