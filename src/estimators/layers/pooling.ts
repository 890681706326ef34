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
import { defineEstimator, prior } from './define.js';
import { simpleFeatures, SIMPLE_LUT_PRIOR } from './simple-features.js';
import { chainedStages, elementwiseTiming, pipelinedLoopTiming, STREAM_OP_NS } from './stream-timing.js';

function analytic(sig: LayerSignature, p: Parameters): AnalyticCost {
  const k = sig.filtHeight * sig.filtWidth;
  const outputs = sig.ioType === 'io_stream' ? sig.channels : Math.ceil(sig.elements / Math.max(1, sig.reuseFactor));
  // Average pooling divides by the pool size: a shift when it is a power of two, else a constant multiply.
  const scaled = sig.poolOp === 'average' && !Number.isInteger(Math.log2(k));
  const dsp = scaled && !isFabricMultiply(sig.accumWidth, sig.resultWidth, p.dspFabricMaxWidth) ? outputs * dspPerMultiply(sig.accumWidth, sig.resultWidth, sig.dspType) : 0;
  // io_stream: one input pixel per cycle, two for 32-bit data at 5 ns (real rows: 64 px → 132, 1024 px → 2052); the
  // loop body reads a word, shifts the line buffer and window, reduces each channel's window in a log2(K)-level
  // tree and writes a word, chained into as few stages as the clock allows (see {@link poolingStages}).
  const stream = sig.ioType === 'io_stream';
  const cpp = stream && sig.clockNs <= 5 && sig.inputWidth >= 32 ? 2 : 1;
  const stages = stream ? poolingStages(sig) : 1;
  const t = stream ? pipelinedLoopTiming(sig.inPixels, cpp, stages) : elementwiseTiming(sig, log2Ceil(k) + 2, sig.inPixels, sig.reuseFactor);
  const lb = lineBufferBits(sig);
  return {
    ...t,
    dsp,
    bram18: 0,
    uram: 0,
    features: {
      ...simpleFeatures(sig, { latency: t.latency, dsp, bram18: 0 }, { parallel: outputs * k, lineBits: lb.lineBits, windowBits: lb.windowBits }),
      structural: stream ? 1 : 0,
      // Registers at the cycle boundaries of the loop body, counted at the window's width (where the tool cuts the
      // tree decides the real width; the fit scales it).
      stageBits: (stages - 1) * lb.windowBits,
    },
  };
}

/**
 * Pipeline stages of the io_stream pooling loop body: read, log2(K) levels of compare-and-select (max) or add
 * (average), write, chained under the clock (real rows: 4×4 pool 1 stage at 25 ns on UltraScale+, 2 at 10 ns
 * there and at 25 ns on 7-series, 4 at 10 ns on 7-series; 2×2 pool 3 at 10 ns on 7-series).
 */
export function poolingStages(sig: LayerSignature): number {
  const levels = log2Ceil(sig.filtHeight * sig.filtWidth);
  const ops = [STREAM_OP_NS.read, ...Array.from({ length: levels }, () => STREAM_OP_NS.compareSelect), STREAM_OP_NS.write];
  return chainedStages(sig, ops);
}

/** FF prior: the simple-layer one plus the stage registers. */
const POOLING_FF_PRIOR = prior(['dataBits', 'dataBitsFast', 'windowBits', 'stageBits', 'one'], [0.7, 0.5, 1, 0.5, 20]);

/** The pooling estimator. */
export const poolingEstimator = defineEstimator({
  id: 'pooling',
  families: ['pooling'],
  kinds: ['MaxPooling1D', 'MaxPooling2D', 'AveragePooling1D', 'AveragePooling2D'],
  strategyMatters: false,
  covers: () => true,
  analytic,
  priors: { lut: SIMPLE_LUT_PRIOR, ff: POOLING_FF_PRIOR },
});
