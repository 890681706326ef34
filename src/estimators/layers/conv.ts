/**
 * Conv1D / Conv2D (and 1×1 pointwise) layers: a dense kernel of (K·C) × F applied per output pixel, with
 * ParallelizationFactor copies in io_parallel and a line buffer in io_stream.
 * @see /work/shared/docs/hls4ml.md §1.4 (strategies: no resource_unrolled for io_parallel convs), §2.2–2.4
 */
import type { AnalyticCost } from '../types.js';
import type { Parameters } from '../calibration/parameters.js';
import type { LayerSignature } from '../signature.js';
import { multipliers, weightLutBits, weightRomBram18 } from './cmvm.js';
import { cmvmFeatures, CMVM_FF_PRIOR, CMVM_LUT_PRIOR } from './cmvm-features.js';
import { convTiming, lineBufferBits } from './conv-timing.js';
import { CYCLES_PRIOR, defineEstimator } from './define.js';

function analytic(sig: LayerSignature, p: Parameters): AnalyticCost {
  const n = sig.nIn * sig.nOut;
  const rf = sig.reuseFactor;
  const m = multipliers(sig, n, sig.zeroWeights, sig.pow2Weights, rf, p);
  const stream = sig.ioType === 'io_stream';
  const copies = sig.ioType === 'io_parallel' ? Math.max(1, sig.parallelization) : 1;
  const t = convTiming(sig, m, sig.nIn);
  const dsp = m.dsp * copies;
  const bram18 = weightRomBram18(sig, n, rf, p);
  const f = cmvmFeatures(sig, { latency: t.latency, dsp, bram18 }, { ...m, dspMultipliers: m.dspMultipliers * copies, fabricMultipliers: m.fabricMultipliers * copies, shiftAddProducts: m.shiftAddProducts * copies, shiftAddAdders: m.shiftAddAdders * copies, products: m.products * copies, candidates: m.candidates * copies }, {
    nIn: sig.nIn * copies,
    nOut: sig.nOut * copies,
    romLutBits: weightLutBits(sig, n, rf, p),
    ...lineBufferBits(sig),
  });
  return { ...t, dsp, bram18, uram: 0, features: { ...f, px: stream ? sig.inPixels : 0, structural: stream ? 1 : 0 } };
}

/** The Conv1D/Conv2D/pointwise estimator. */
export const convEstimator = defineEstimator({
  id: 'conv',
  families: ['conv1d', 'conv2d', 'pointwise'],
  kinds: ['Conv1D', 'Conv2D'],
  strategyMatters: true,
  covers: (sig) => !(sig.ioType === 'io_parallel' && sig.strategy === 'resource_unrolled'),
  analytic,
  priors: { lut: CMVM_LUT_PRIOR, ff: CMVM_FF_PRIOR, latency: CYCLES_PRIOR },
  latencyFeatures: ['cycles', 'cyclesFast', 'px', 'one'],
});
