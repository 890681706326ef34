/**
 * Max/average pooling: comparator (max) or adder (average) trees over each window; io_parallel pipelines the whole
 * layer at II = RF, io_stream shifts a line buffer and reads one pixel per cycle (two at fast clocks, fitted).
 * @see /work/shared/docs/hls4ml.md §2.5 (`nnet_pooling.h`, `nnet_pooling_stream.h`)
 */
import type { AnalyticCost } from '../types.js';
import type { Parameters } from '../calibration/parameters.js';
import type { LayerSignature } from '../signature.js';
import { dspPerMultiply, isFabricMultiply } from '../dsp-split.js';
import { log2Ceil } from './cmvm.js';
import { lineBufferBits } from './conv-timing.js';
import { defineEstimator } from './define.js';
import { simpleFeatures, SIMPLE_FF_PRIOR, SIMPLE_LUT_PRIOR } from './simple-features.js';
import { elementwiseTiming } from './stream-timing.js';

function analytic(sig: LayerSignature, p: Parameters): AnalyticCost {
  const k = sig.filtHeight * sig.filtWidth;
  const outputs = sig.ioType === 'io_stream' ? sig.channels : Math.ceil(sig.elements / Math.max(1, sig.reuseFactor));
  // Average pooling divides by the pool size: a shift when it is a power of two, else a constant multiply.
  const scaled = sig.poolOp === 'average' && !Number.isInteger(Math.log2(k));
  const dsp = scaled && !isFabricMultiply(sig.accumWidth, sig.resultWidth, p.dspFabricMaxWidth) ? outputs * dspPerMultiply(sig.accumWidth, sig.resultWidth, sig.dspType) : 0;
  // io_stream: one input pixel per cycle, two for 32-bit data at 5 ns (real rows: 64 px → 132, 1024 px → 2052), plus
  // ⌈log2(K)/2⌉ + 3 of line-buffer/compare depth (26×26 px, 4×4 pool → 681; 16 px, 2×2 → 20 at 10 ns).
  const stream = sig.ioType === 'io_stream';
  const cpp = stream && sig.clockNs <= 5 && sig.inputWidth >= 32 ? 2 : 1;
  const t = elementwiseTiming(sig, stream ? Math.ceil(log2Ceil(k) / 2) + 3 : log2Ceil(k) + 2, sig.inPixels, sig.reuseFactor, cpp);
  const lb = lineBufferBits(sig);
  return {
    ...t,
    dsp,
    bram18: 0,
    uram: 0,
    features: { ...simpleFeatures(sig, { latency: t.latency, dsp, bram18: 0 }, { parallel: outputs * k, lineBits: lb.lineBits, windowBits: lb.windowBits }), structural: stream ? 1 : 0 },
  };
}

/** The pooling estimator. */
export const poolingEstimator = defineEstimator({
  id: 'pooling',
  families: ['pooling'],
  kinds: ['MaxPooling1D', 'MaxPooling2D', 'AveragePooling1D', 'AveragePooling2D'],
  strategyMatters: false,
  covers: () => true,
  analytic,
  priors: { lut: SIMPLE_LUT_PRIOR, ff: SIMPLE_FF_PRIOR },
});
