/**
 * Recurrent layers (SimpleRNN, LSTM, GRU): per time step an input kernel n_in × gates·units and a recurrent kernel
 * units × gates·units, gate products and sigmoid/tanh tables; the sequence loop is not pipelined, so latency and
 * II ≈ n_sequence × step latency.
 * @see /work/shared/docs/hls4ml.md §2.10 (`nnet_recurrent.h`)
 */
import type { AnalyticCost } from '../types.js';
import type { Parameters } from '../calibration/parameters.js';
import type { LayerSignature } from '../signature.js';
import { dspPerMultiply, isFabricMultiply } from '../dsp-split.js';
import { log2Ceil, multipliers, sumMultipliers, weightLutBits, weightRomBram18 } from './cmvm.js';
import { cmvmFeatures, CMVM_FF_PRIOR, CMVM_LUT_PRIOR } from './cmvm-features.js';
import { defineEstimator } from './define.js';
import { tableStorage } from './table-activation.js';

function analytic(sig: LayerSignature, p: Parameters): AnalyticCost {
  const rf = sig.reuseFactor;
  const units = Math.max(1, sig.units);
  const n1 = sig.nIn * sig.nOut;
  const n2 = units * sig.nOut;
  const share = n1 / Math.max(1, n1 + n2);
  const z1 = Math.round(sig.zeroWeights * share);
  const q1 = Math.round(sig.pow2Weights * share);
  const m1 = multipliers(sig, n1, z1, q1, Math.min(rf, n1), p);
  const m2 = multipliers(sig, n2, sig.zeroWeights - z1, sig.pow2Weights - q1, Math.min(rf, n2), p);
  const gates = sig.nOut / units;
  const gateMults = gates > 1 ? 3 * units : 0;
  const gateDsp = isFabricMultiply(sig.resultWidth, sig.resultWidth, p.dspFabricMaxWidth) ? 0 : gateMults * dspPerMultiply(sig.resultWidth, sig.resultWidth, sig.dspType);
  const dsp = m1.dsp + m2.dsp + gateDsp;
  const tables = tableStorage(sig.nOut, sig.tableSize, sig.tableWidth, p);
  const bram18 = weightRomBram18(sig, n1, Math.min(rf, n1), p) + weightRomBram18(sig, n2, Math.min(rf, n2), p) + tables.bram18;
  const step = 2 * (rf + log2Ceil(Math.max(sig.nIn, units)) + 3) + 6;
  const latency = Math.max(1, sig.sequenceLength) * step;
  const both = sumMultipliers(m1, m2);
  // The gate products (input/forget/output · state) are multiplications of their own, outside the two matrices.
  const m = { ...both, products: both.products + gateMults, dsp };
  const features = cmvmFeatures(sig, { latency, dsp, bram18 }, m, {
    nIn: sig.nIn + units,
    nOut: sig.nOut,
    romLutBits: weightLutBits(sig, n1 + n2, rf, p) + tables.romLutBits,
  });
  return { latency, ii: latency + 1, dsp, bram18, uram: 0, features };
}

/** The recurrent-layer estimator. */
export const rnnEstimator = defineEstimator({
  id: 'rnn',
  families: ['rnn'],
  kinds: ['SimpleRNN', 'LSTM', 'GRU'],
  strategyMatters: true,
  covers: (sig) => sig.strategy !== 'distributed_arithmetic',
  analytic,
  priors: { lut: CMVM_LUT_PRIOR, ff: CMVM_FF_PRIOR },
});
