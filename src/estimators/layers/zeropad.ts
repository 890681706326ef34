/**
 * Zero padding: copies in io_parallel; in io_stream it writes every output pixel once (zeros on the border), so
 * latency ≈ II ≈ padded pixels + a few cycles.
 * @see /work/shared/docs/hls4ml.md §2.3 (ZeroPadding inserted before io_stream convs); real rows: 32×32 → 34×34
 *   in 1159 cycles (ChiRuiChen/AutoEncoder_hls4ml)
 */
import type { AnalyticCost } from '../types.js';
import type { LayerSignature } from '../signature.js';
import { defineEstimator, prior } from './define.js';
import { parallelElements, simpleFeatures, SIMPLE_LUT_PRIOR } from './simple-features.js';
import { elementwiseTiming } from './stream-timing.js';

/**
 * Output pixels of the padded image. A signature whose output is no larger than its input does not know the padding
 * (report rows give only the input size): assume the one-pixel border of a 'same' 3×3 convolution, the common case
 * (real rows: 32×32 → 1159 = 34·34 + 3, 8×8 → 103 = 10·10 + 3, 3×3 → 28 = 5·5 + 3).
 */
function paddedPixels(sig: LayerSignature): number {
  if (sig.outPixels > sig.inPixels) return sig.outPixels;
  return sig.inHeight > 1 ? (sig.inHeight + 2) * (sig.inWidth + 2) : sig.inWidth + 2;
}

/**
 * FF prior: the padder keeps only row/column counters and a little state, not a data word per channel (real rows:
 * 22–37 FF from 1 to 8 channels of 32-bit data, ChiRuiChen/AutoEncoder_hls4ml; hls4ml-live-demo 23–27 FF).
 */
const ZEROPAD_FF_PRIOR = prior(['one'], [30]);

function analytic(sig: LayerSignature): AnalyticCost {
  const stream = sig.ioType === 'io_stream';
  const t = elementwiseTiming(sig, stream ? 3 : 1, stream ? paddedPixels(sig) : sig.outPixels);
  const f = simpleFeatures(sig, { latency: t.latency, dsp: 0, bram18: 0 }, { parallel: parallelElements(sig) });
  return { ...t, dsp: 0, bram18: 0, uram: 0, features: { ...f, structural: stream ? 1 : 0 } };
}

/** The zero-padding estimator. */
export const zeropadEstimator = defineEstimator({
  id: 'zeropad',
  families: ['zeropad'],
  kinds: ['ZeroPadding1D', 'ZeroPadding2D'],
  strategyMatters: false,
  covers: () => true,
  analytic,
  priors: { lut: SIMPLE_LUT_PRIOR, ff: ZEROPAD_FF_PRIOR },
});
