/**
 * Layers that are only wiring: the model input, Flatten and Reshape (hls4ml makes them in-place references,
 * `auto& x = y;`, and io_stream dense layers read the flattened stream directly): zero cost, zero latency.
 * @see /work/shared/docs/hls4ml.md §5.1 ("in-place (reshape/flatten) variables become `auto& x = y;`")
 */
import type { AnalyticCost } from '../types.js';
import { CYCLES_PRIOR, defineEstimator } from './define.js';
import { ZERO_PRIOR } from './simple-features.js';

const FREE: AnalyticCost = Object.freeze({
  latency: 0,
  ii: 1,
  dsp: 0,
  bram18: 0,
  uram: 0,
  features: Object.freeze({ one: 1, cycles: 0, dsp: 0, bram18: 0 }),
});

/** The estimator of wiring-only layers. */
export const freeEstimator = defineEstimator({
  id: 'free',
  families: ['free'],
  kinds: ['Input', 'Flatten', 'Reshape'],
  strategyMatters: false,
  covers: () => true,
  analytic: () => FREE,
  priors: { lut: ZERO_PRIOR, ff: ZERO_PRIOR, latency: CYCLES_PRIOR },
});
