/**
 * Element-wise merges (add, subtract, multiply, average, maximum, minimum): one operation per element
 * (io_parallel) or per channel of a stream word (io_stream); only `multiply` uses multipliers.
 * @see /work/shared/docs/hls4ml.md §2.9 (`nnet_merge.h`, `nnet_merge_stream.h`)
 */
import type { AnalyticCost } from '../types.js';
import type { Parameters } from '../calibration/parameters.js';
import type { LayerSignature } from '../signature.js';
import { dspPerMultiply, isFabricMultiply } from '../dsp-split.js';
import { defineEstimator } from './define.js';
import { parallelElements, simpleFeatures, SIMPLE_FF_PRIOR, SIMPLE_LUT_PRIOR } from './simple-features.js';
import { elementwiseTiming } from './stream-timing.js';

function mergeCost(sig: LayerSignature, p: Parameters): AnalyticCost {
  const parallel = parallelElements(sig);
  const multiply = sig.label === 'Multiply' || sig.label.startsWith('multiply');
  const dsp = multiply && sig.mulImpl !== 'fabric' && !isFabricMultiply(sig.inputWidth, sig.inputWidth, p.dspFabricMaxWidth)
    ? parallel * dspPerMultiply(sig.inputWidth, sig.inputWidth, sig.dspType)
    : 0;
  const t = elementwiseTiming(sig, multiply ? 3 : 1);
  return { ...t, dsp, bram18: 0, uram: 0, features: simpleFeatures(sig, { latency: t.latency, dsp, bram18: 0 }, { parallel }) };
}

/** The element-wise merge estimator. */
export const mergeEstimator = defineEstimator({
  id: 'merge',
  families: ['merge'],
  kinds: ['Add', 'Subtract', 'Multiply', 'Average', 'Maximum', 'Minimum'],
  strategyMatters: false,
  covers: () => true,
  analytic: mergeCost,
  priors: { lut: SIMPLE_LUT_PRIOR, ff: SIMPLE_FF_PRIOR },
});
