/**
 * Concatenation: wiring in io_parallel (register copies at most), a pass over both input streams in io_stream.
 * @see /work/shared/docs/hls4ml.md §2.9 ("concatenate1d/2d/3d are wiring")
 */
import type { AnalyticCost } from '../types.js';
import type { LayerSignature } from '../signature.js';
import { defineEstimator } from './define.js';
import { parallelElements, simpleFeatures, SIMPLE_FF_PRIOR, SIMPLE_LUT_PRIOR } from './simple-features.js';
import { elementwiseTiming } from './stream-timing.js';

function analytic(sig: LayerSignature): AnalyticCost {
  const t = sig.ioType === 'io_stream' ? elementwiseTiming(sig, 2, sig.outPixels) : { latency: 0, ii: 1 };
  return { ...t, dsp: 0, bram18: 0, uram: 0, features: simpleFeatures(sig, { latency: t.latency, dsp: 0, bram18: 0 }, { parallel: parallelElements(sig) }) };
}

/** The concatenation estimator. */
export const concatEstimator = defineEstimator({
  id: 'concat',
  families: ['concat'],
  kinds: ['Concatenate'],
  strategyMatters: false,
  covers: () => true,
  analytic,
  priors: { lut: SIMPLE_LUT_PRIOR, ff: SIMPLE_FF_PRIOR },
});
