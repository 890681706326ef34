/**
 * Softmax (`stable`): max tree, exp table reads, adder tree, one inverse-table read, then n multiplies
 * exp·inv (the only multipliers). io_stream processes `ceil(n/RF)` elements per cycle.
 * @see /work/shared/docs/hls4ml.md §2.7 (`PIPELINE II = data_T::size / ceil(size/RF)`); real rows: n=10 io_stream
 *   RF 16 → 1 DSP, RF 1 → 10 DSP (pominiq/DNNonSilicon)
 */
import type { AnalyticCost } from '../types.js';
import type { Parameters } from '../calibration/parameters.js';
import type { LayerSignature } from '../signature.js';
import { dspPerMultiply, isFabricMultiply } from '../dsp-split.js';
import { log2Ceil } from './cmvm.js';
import { defineEstimator, prior } from './define.js';
import { simpleFeatures, SIMPLE_FF_PRIOR, SIMPLE_LUT_PRIOR } from './simple-features.js';
import { tableStorage } from './table-activation.js';

/**
 * LUT prior: the simple-layer terms plus the fabric exp·inv multipliers (≈ 1.2 LUT per operand bit pair, as CMVM;
 * real rows: ArgyKokk n=10 `LUT_*` 5173 vs `DSP_*` 1513 LUT). FF stay on the simple terms: a fabric-multiplier FF
 * feature lowered the FF p90 but raised the median leave-one-project-out.
 */
const SOFTMAX_LUT_PRIOR = prior([...SIMPLE_LUT_PRIOR.features, 'fabricMulBits'], [...SIMPLE_LUT_PRIOR.coefficients, 1.2]);

function analytic(sig: LayerSignature, p: Parameters): AnalyticCost {
  // io_stream normalises each pixel's channels (one stream word) in turn; io_parallel the whole tensor at once.
  const stream = sig.ioType === 'io_stream';
  const n = Math.max(1, stream ? sig.channels : sig.elements);
  const pixels = stream ? Math.max(1, sig.outPixels) : 1;
  const parallel = stream ? Math.ceil(n / Math.max(1, sig.reuseFactor)) : n;
  const exp = tableStorage(parallel, sig.tableSize, sig.tableWidth, p);
  const inv = tableStorage(1, sig.tableSize, sig.tableWidth, p);
  // The n exp·inv products are multiplier cores: DSPs, or fabric when forced (`mulImpl`) or too narrow for a DSP.
  const fabric = sig.mulImpl === 'fabric' || isFabricMultiply(sig.tableWidth, sig.tableWidth, p.dspFabricMaxWidth);
  const dsp = fabric ? 0 : parallel * dspPerMultiply(sig.tableWidth, sig.tableWidth, sig.dspType);
  const bram18 = exp.bram18 + inv.bram18;
  const latency = stream ? pixels * Math.ceil(n / parallel) + 2 * log2Ceil(n) + 6 : 2 * log2Ceil(n) + 2;
  const timing = stream ? { latency, ii: latency, iiAfterLatency: 0 } : { latency, ii: 1 };
  return {
    ...timing,
    dsp,
    bram18,
    uram: 0,
    features: {
      ...simpleFeatures(sig, { latency, dsp, bram18 }, { parallel, romLutBits: exp.romLutBits + inv.romLutBits }),
      fabricMulBits: fabric ? parallel * sig.tableWidth * sig.tableWidth : 0,
    },
  };
}

/** The softmax estimator. */
export const softmaxEstimator = defineEstimator({
  id: 'softmax',
  families: ['softmax'],
  kinds: ['Softmax', 'Activation'],
  strategyMatters: false,
  covers: () => true,
  analytic,
  priors: { lut: SOFTMAX_LUT_PRIOR, ff: SIMPLE_FF_PRIOR },
});
