/**
 * Quantizers (HGQ/QONNX `FixedPointQuantizer` kept as layers): one cast (round + saturate) per element, no DSP.
 * @see /work/shared/docs/hls4ml.md §4.3 (heterogeneous masks become a generated per-element cast function)
 */
import type { AnalyticCost } from '../types.js';
import type { LayerSignature } from '../signature.js';
import { defineEstimator } from './define.js';
import { parallelElements, simpleFeatures, SIMPLE_FF_PRIOR, SIMPLE_LUT_PRIOR } from './simple-features.js';
import { elementwiseTiming } from './stream-timing.js';

function analytic(sig: LayerSignature): AnalyticCost {
  const t = elementwiseTiming(sig, sig.ioType === 'io_stream' ? 2 : 1);
  return { ...t, dsp: 0, bram18: 0, uram: 0, features: simpleFeatures(sig, { latency: t.latency, dsp: 0, bram18: 0 }, { parallel: parallelElements(sig) }) };
}

/** The quantizer estimator. */
export const quantizerEstimator = defineEstimator({
  id: 'quantizer',
  families: ['quantizer'],
  kinds: ['Quantizer'],
  strategyMatters: false,
  covers: () => true,
  analytic,
  priors: { lut: SIMPLE_LUT_PRIOR, ff: SIMPLE_FF_PRIOR },
});
