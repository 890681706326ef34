/**
 * BatchNormalization: `x·scale + bias` per element with `ALLOCATION mul limit = ceil(n_in/RF)`; io_stream handles
 * one pixel per step with at most one multiplier per channel. The scales are compile-time constants (weight arrays
 * of the project), so, as in a Latency Dense, zero and ±2^k scales need no multiplier and the constants with few
 * signed digits become shift-and-add logic (`constantDigits`) — when the scales are known: real rows of QKeras
 * `ApplyAlpha` layers with `auto_po2` scales (ArgyKokk Breast_cancer) measure 0 DSP, one add per element.
 * @see /work/shared/docs/hls4ml.md §2.8; real rows (pominiq/DNNonSilicon): 32 channels → 32 DSP, 576 elements at
 *   RF 16 → 36 DSP
 */
import type { AnalyticCost } from '../types.js';
import type { Parameters } from '../calibration/parameters.js';
import type { LayerSignature } from '../signature.js';
import { dspPerMultiply, isFabricMultiply } from '../dsp-split.js';
import { constantDigits } from './constant-dsp-share.js';
import { defineEstimator } from './define.js';
import { simpleFeatures, SIMPLE_FF_PRIOR, SIMPLE_LUT_PRIOR } from './simple-features.js';

/** Share of the elements whose scale needs a multiplier core (1 when the scales are unknown). */
function multipliedShare(sig: LayerSignature, p: Parameters): number {
  if (!sig.weightsKnown) return 1;
  const nonTrivial = sig.weightDigitCounts.reduce((a, b) => a + b, 0);
  const scales = sig.zeroWeights + sig.pow2Weights + nonTrivial;
  if (scales === 0) return 1;
  // Vitis HLS builds only the wide constants as multiplications; Vivado HLS every non-trivial one (cmvm.ts).
  return (nonTrivial / scales) * (sig.tool === 'vitis_hls' ? constantDigits(sig, p).wideShare : 1);
}

function analytic(sig: LayerSignature, p: Parameters): AnalyticCost {
  const rf = Math.max(1, sig.reuseFactor);
  const limit = Math.ceil(sig.elements / rf);
  const stream = sig.ioType === 'io_stream';
  const products = Math.ceil((stream ? Math.max(1, sig.channels) : sig.elements) * multipliedShare(sig, p));
  const mults = Math.min(products, stream ? Math.min(Math.max(1, sig.channels), limit) : limit);
  const dsp = sig.mulImpl === 'fabric' || isFabricMultiply(sig.inputWidth, sig.weightWidth, p.dspFabricMaxWidth) ? 0 : mults * dspPerMultiply(sig.inputWidth, sig.weightWidth, sig.dspType);
  const perPixel = stream ? Math.max(1, Math.ceil(products / Math.max(1, mults))) : 1;
  const latency = stream ? Math.max(1, sig.outPixels) * perPixel + 3 : 2;
  // io_parallel: PIPELINE II=RF, but a call shorter than RF repeats after latency + 1 (as the Latency dense kernel).
  const timing = stream ? { latency, ii: latency, iiAfterLatency: 0 } : { latency, ii: rf, iiAfterLatency: 1, iiCap: rf };
  return { ...timing, dsp, bram18: 0, uram: 0, features: simpleFeatures(sig, { latency, dsp, bram18: 0 }, { parallel: mults }) };
}

/** The BatchNormalization estimator. */
export const batchnormEstimator = defineEstimator({
  id: 'batchnorm',
  families: ['batchnorm'],
  kinds: ['BatchNormalization'],
  strategyMatters: false,
  covers: () => true,
  analytic,
  priors: { lut: SIMPLE_LUT_PRIOR, ff: SIMPLE_FF_PRIOR },
});
