/**
 * Zero padding: copies in io_parallel; in io_stream it writes every output pixel once (zeros on the border), so
 * latency ≈ II ≈ padded pixels + a few cycles.
 * @see /work/shared/docs/hls4ml.md §2.3 (ZeroPadding inserted before io_stream convs); real rows: 32×32 → 34×34
 *   in 1159 cycles (ChiRuiChen/AutoEncoder_hls4ml)
 */
import type { AnalyticCost } from '../types.js';
import type { LayerSignature } from '../signature.js';
import { defineEstimator } from './define.js';
import { parallelElements, simpleFeatures, SIMPLE_FF_PRIOR, SIMPLE_LUT_PRIOR } from './simple-features.js';
import { elementwiseTiming } from './stream-timing.js';

function analytic(sig: LayerSignature): AnalyticCost {
  const t = elementwiseTiming(sig, sig.ioType === 'io_stream' ? 3 : 1, sig.outPixels);
  return { ...t, dsp: 0, bram18: 0, uram: 0, features: simpleFeatures(sig, { latency: t.latency, dsp: 0, bram18: 0 }, { parallel: parallelElements(sig) }) };
}

/** The zero-padding estimator. */
export const zeropadEstimator = defineEstimator({
  id: 'zeropad',
  families: ['zeropad'],
  kinds: ['ZeroPadding1D', 'ZeroPadding2D'],
  strategyMatters: false,
  covers: () => true,
  analytic,
  priors: { lut: SIMPLE_LUT_PRIOR, ff: SIMPLE_FF_PRIOR },
});
