/**
 * Table activations (sigmoid, tanh, softplus, softsign, elu, selu, swish, gelu, exponential): one
 * `table_size × table_t` ROM read per element; every pair of parallel reads needs its own dual-port copy.
 * @see /work/shared/docs/hls4ml.md §2.6 (tables, "~n copies" — real rows: tanh over 10 channels → 5 BRAM_18K)
 */
import type { AnalyticCost } from '../types.js';
import type { Parameters } from '../calibration/parameters.js';
import type { LayerSignature } from '../signature.js';
import { bram18For } from '../bram.js';
import { defineEstimator } from './define.js';
import { parallelElements, simpleFeatures, SIMPLE_FF_PRIOR, SIMPLE_LUT_PRIOR } from './simple-features.js';
import { elementwiseTiming } from './stream-timing.js';

/** BRAM_18K and LUT-ROM bits of `reads` parallel reads of one table. */
export function tableStorage(reads: number, size: number, width: number, p: Parameters): { bram18: number; romLutBits: number } {
  const copies = Math.ceil(reads / 2);
  const bits = size * width;
  if (bits < p.romBramMinBits) return { bram18: 0, romLutBits: copies * bits };
  return { bram18: copies * bram18For(width, size), romLutBits: 0 };
}

function analytic(sig: LayerSignature, p: Parameters): AnalyticCost {
  const reads = parallelElements(sig);
  const s = tableStorage(reads, sig.tableSize, sig.tableWidth, p);
  // A single stream word (the flattened output of a Dense) is no loop: the function itself is pipelined at II 1, with
  // the registered table read between reading and writing (real row: tanh over 10 channels → latency 3, II 1).
  const t = sig.ioType === 'io_stream' && Math.max(sig.inPixels, sig.outPixels) <= 1 ? { latency: 3, ii: 1 } : elementwiseTiming(sig, 3);
  return { ...t, dsp: 0, bram18: s.bram18, uram: 0, features: simpleFeatures(sig, { latency: t.latency, dsp: 0, bram18: s.bram18 }, { parallel: reads, romLutBits: s.romLutBits }) };
}

/** The table-activation estimator. */
export const tableActivationEstimator = defineEstimator({
  id: 'table-activation',
  families: ['table-activation'],
  kinds: ['Activation'],
  strategyMatters: false,
  covers: () => true,
  analytic,
  priors: { lut: SIMPLE_LUT_PRIOR, ff: SIMPLE_FF_PRIOR },
});
