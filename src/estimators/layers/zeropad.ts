/**
 * Zero padding: copies in io_parallel; in io_stream it writes every output pixel once (zeros on the border), so
 * latency ≈ II ≈ padded pixels + a few cycles.
 * @see /work/shared/docs/hls4ml.md §2.3 (ZeroPadding inserted before io_stream convs); real rows: 32×32 → 34×34
 *   in 1159 cycles (ChiRuiChen/AutoEncoder_hls4ml)
 */
import type { AnalyticCost } from '../types.js';
import type { LayerSignature } from '../signature.js';
import { defineEstimator, prior } from './define.js';
import { log2Ceil } from './cmvm.js';
import { parallelElements, simpleFeatures } from './simple-features.js';
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
 * FF prior: the padder keeps only its row/column counters and a little state, not a data word per channel (real rows:
 * 22–37 FF from 1 to 8 channels of 32-bit data, growing with the image: 4×4 → 22, 8×8 → 27, 16×16 → 32, 32×32 → 37,
 * ChiRuiChen/AutoEncoder_hls4ml; hls4ml-live-demo 23–27 FF).
 */
const ZEROPAD_FF_PRIOR = prior(['counterBits', 'one'], [2.5, 10]);

/**
 * LUT prior: a cost per channel of the packed word rather than per bit — each element is written from two places
 * (a zero or the input element) into its own field of the output stream (real rows: ≈ 37 LUT per channel for 8-, 16-
 * and 32-bit data alike: 8 bit × 32 channels → 1249, 32 bit × 8 → 469).
 */
const ZEROPAD_LUT_PRIOR = prior(['lanes', 'dataBits', 'one'], [37, 0, 150]);

function analytic(sig: LayerSignature): AnalyticCost {
  const stream = sig.ioType === 'io_stream';
  const padded = stream ? paddedPixels(sig) : sig.outPixels;
  const t = elementwiseTiming(sig, stream ? 3 : 1, padded);
  const lanes = parallelElements(sig);
  const f = simpleFeatures(sig, { latency: t.latency, dsp: 0, bram18: 0 }, { parallel: lanes });
  return { ...t, dsp: 0, bram18: 0, uram: 0, features: { ...f, structural: stream ? 1 : 0, lanes, counterBits: stream ? log2Ceil(padded + 1) : 0 } };
}

/** The zero-padding estimator. */
export const zeropadEstimator = defineEstimator({
  id: 'zeropad',
  families: ['zeropad'],
  kinds: ['ZeroPadding1D', 'ZeroPadding2D'],
  strategyMatters: false,
  covers: () => true,
  analytic,
  priors: { lut: ZEROPAD_LUT_PRIOR, ff: ZEROPAD_FF_PRIOR },
});
