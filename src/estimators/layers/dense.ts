/**
 * Dense (fully connected) layers: Latency (constant weights, zero products dropped), Resource (ROM weights,
 * block_factor generic multipliers), Resource_Unrolled and distributed arithmetic, io_parallel and io_stream.
 * @see /work/shared/docs/hls4ml.md §2.1, §2.12–2.15; hls4ml nnet_dense_latency.h, nnet_dense_resource.h, nnet_dense_stream.h
 */
import type { AnalyticCost } from '../types.js';
import type { Parameters } from '../calibration/parameters.js';
import type { LayerSignature } from '../signature.js';
import { log2Ceil, multipliers, serialCycles, weightLutBits, weightRomBram18 } from './cmvm.js';
import { cmvmFeatures, CMVM_FF_PRIOR, CMVM_LUT_PRIOR } from './cmvm-features.js';
import { defineEstimator } from './define.js';

/** Latency and II of a dense kernel call: [latency, ii, iiAfterLatency?, iiCap?]. */
function timing(sig: LayerSignature, serial: number, depth: number): Pick<AnalyticCost, 'latency' | 'ii' | 'iiAfterLatency' | 'iiCap'> {
  const rf = sig.reuseFactor;
  const stream = sig.ioType === 'io_stream';
  switch (sig.strategy) {
    case 'latency':
      // PIPELINE II=RF, but a kernel shorter than RF finishes first: the instance interval is latency + 1
      // (io_parallel) or the latency (io_stream process). Real rows: ArgyKokk RF 100, pominiq io_stream.
      return stream ? { latency: serial + depth + 1, ii: rf, iiAfterLatency: 0 } : { latency: serial + depth, ii: rf, iiAfterLatency: 1, iiCap: rf };
    case 'resource':
      // ReuseLoop of RF iterations (PIPELINE II=1 rewind) plus the adder/cast tail; the call repeats after it.
      return { latency: rf + depth + 1, ii: rf, iiAfterLatency: 1 };
    case 'resource_unrolled':
      return { latency: rf + depth, ii: rf };
    case 'distributed_arithmetic':
      return stream ? { latency: depth + 1, ii: 1, iiAfterLatency: 0 } : { latency: depth, ii: 1 };
  }
}

function analytic(sig: LayerSignature, p: Parameters): AnalyticCost {
  const n = sig.nIn * sig.nOut;
  const rf = sig.reuseFactor;
  const m = multipliers(sig, n, sig.zeroWeights, sig.pow2Weights, rf, p);
  const t = timing(sig, serialCycles(m, rf), log2Ceil(sig.nIn) + 2);
  const bram18 = weightRomBram18(sig, n, rf, p);
  return {
    ...t,
    dsp: m.dsp,
    bram18,
    uram: 0,
    features: cmvmFeatures(sig, { latency: t.latency, dsp: m.dsp, bram18 }, m, {
      nIn: sig.nIn,
      nOut: sig.nOut,
      romLutBits: weightLutBits(sig, n, rf, p),
    }),
  };
}

/** The Dense estimator. */
export const denseEstimator = defineEstimator({
  id: 'dense',
  families: ['dense'],
  kinds: ['Dense'],
  strategyMatters: true,
  covers: () => true,
  analytic,
  priors: { lut: CMVM_LUT_PRIOR, ff: CMVM_FF_PRIOR },
});
