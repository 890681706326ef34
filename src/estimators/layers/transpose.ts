/**
 * Transpose: wiring in io_parallel; in io_stream the whole tensor must be buffered before the first permuted pixel
 * can leave, so a full-tensor memory and two passes (our model; hls4ml.md §2.9 lists it among stream layers).
 */
import type { AnalyticCost } from '../types.js';
import type { Parameters } from '../calibration/parameters.js';
import type { LayerSignature } from '../signature.js';
import { bram18For } from '../bram.js';
import { defineEstimator } from './define.js';
import { simpleFeatures, SIMPLE_FF_PRIOR, SIMPLE_LUT_PRIOR } from './simple-features.js';

function analytic(sig: LayerSignature, p: Parameters): AnalyticCost {
  if (sig.ioType === 'io_parallel') {
    return { latency: 0, ii: 1, dsp: 0, bram18: 0, uram: 0, features: simpleFeatures(sig, { latency: 0, dsp: 0, bram18: 0 }, { parallel: 0 }) };
  }
  const bits = sig.elements * sig.resultWidth;
  const bram18 = bits < p.fifoMinBramBits ? 0 : bram18For(sig.channels * sig.resultWidth, sig.outPixels);
  const latency = 2 * sig.outPixels + 2;
  return {
    latency,
    ii: sig.outPixels + 1,
    dsp: 0,
    bram18,
    uram: 0,
    features: simpleFeatures(sig, { latency, dsp: 0, bram18 }, { parallel: sig.channels, romLutBits: bram18 === 0 ? bits : 0 }),
  };
}

/** The transpose estimator. */
export const transposeEstimator = defineEstimator({
  id: 'transpose',
  families: ['transpose'],
  kinds: ['Transpose'],
  strategyMatters: false,
  covers: () => true,
  analytic,
  priors: { lut: SIMPLE_LUT_PRIOR, ff: SIMPLE_FF_PRIOR },
});
