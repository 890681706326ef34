/**
 * ReLU-like activations (linear, relu, relu6, leaky/thresholded/parametric relu, hard sigmoid/tanh, binary and
 * ternary tanh): a compare and a multiplexer per element, no DSP, no memory.
 * @see /work/shared/docs/hls4ml.md §2.6 (`nnet_activation.h`, `nnet_activation_stream.h`)
 */
import type { AnalyticCost } from '../types.js';
import type { LayerSignature } from '../signature.js';
import { clockPressure, log2Ceil } from './cmvm.js';
import { defineEstimator, prior } from './define.js';
import { reluCastLuts } from './fixed-cast.js';
import { parallelElements, simpleFeatures } from './simple-features.js';
import { chainedStages, elementwiseTiming, pipelinedLoopTiming, STREAM_OP_NS } from './stream-timing.js';

const LINEAR_FEATURES = Object.freeze({ one: 0, cycles: 0, cyclesFast: 0, dsp: 0, bram18: 0, dataBits: 0, dataBitsFast: 0, romLutBits: 0, lineBits: 0, windowBits: 0, px: 0, lanes: 0, stageBits: 0, counterBits: 0, parallelBits: 0, parallelBitsFast: 0, castLuts: 0 });

/**
 * Pipeline stages of the io_stream element loop: read a packed word, compare-and-select each element, write the
 * word, chained into as few cycles as the clock allows (real rows: one stage at 25 ns and on UltraScale+ at 10 ns,
 * two on 7-series at 10 ns, three for 32-bit data at 5 ns — see {@link STREAM_OP_NS}).
 */
export function activationStages(sig: LayerSignature): number {
  return chainedStages(sig, [STREAM_OP_NS.read, STREAM_OP_NS.select, STREAM_OP_NS.write]);
}

function analytic(sig: LayerSignature): AnalyticCost {
  // A linear activation is a plain copy: the tool removes it in io_parallel (real rows: 0 LUT, 0 cycles).
  if (sig.activation === 'linear' && sig.ioType === 'io_parallel') return { latency: 0, ii: 1, dsp: 0, bram18: 0, uram: 0, features: LINEAR_FEATURES };
  const stream = sig.ioType === 'io_stream';
  const px = Math.max(sig.inPixels, sig.outPixels);
  const stages = stream ? activationStages(sig) : 1;
  // io_stream: one word per cycle through `stages` chained stages; a single word (the flattened output of a Dense) is
  // one cycle. io_parallel: one unrolled stage.
  const t = stream ? (px <= 1 ? { latency: 1, ii: 1, iiAfterLatency: 0 } : pipelinedLoopTiming(px, 1, stages)) : elementwiseTiming(sig, 1);
  const lanes = parallelElements(sig);
  return {
    ...t,
    dsp: 0,
    bram18: 0,
    uram: 0,
    features: {
      ...simpleFeatures(sig, { latency: t.latency, dsp: 0, bram18: 0 }, { parallel: lanes }),
      structural: stream ? 1 : 0,
      // A compare and a multiplexer per element: a per-element part besides the per-bit one.
      lanes,
      // The compare, multiplexer and cast (rounding, saturation) logic of every element, as the tool prices it.
      castLuts: lanes * reluCastLuts(sig),
      // Each cycle boundary inside the loop body holds the word being processed (channels × result bits).
      stageBits: stream && px > 1 ? (stages - 1) * lanes * sig.resultWidth : 0,
      // The pixel-loop counter.
      counterBits: stream && px > 1 ? log2Ceil(px + 1) : 0,
      // io_parallel: the output registers of the unrolled stage (none in a stream loop, whose words are FIFO data).
      parallelBits: stream ? 0 : lanes * (sig.inputWidth + sig.resultWidth),
      parallelBitsFast: stream ? 0 : lanes * (sig.inputWidth + sig.resultWidth) * clockPressure(sig.clockNs),
    },
  };
}

/**
 * LUT prior: the compare, multiplexer and cast logic of each element (see {@link reluCastLuts}), a per-element part
 * of the io_stream word handling (`lanes`), registers' input logic at fast clocks, and the loop control of io_stream
 * (`structural`); an unrolled io_parallel function is only its expressions (real rows: the per-element cost times
 * the live elements, no constant).
 */
const ACTIVATION_LUT_PRIOR = prior(['castLuts', 'lanes', 'dataBitsFast', 'structural'], [1, 0, 0, 20]);
/** FF prior: the stage registers and the loop counter of io_stream, output registers of io_parallel. */
const ACTIVATION_FF_PRIOR = prior(['stageBits', 'counterBits', 'parallelBits', 'parallelBitsFast', 'one'], [1, 1, 0.7, 0.5, 10]);

/** The ReLU-like activation estimator. */
export const activationEstimator = defineEstimator({
  id: 'activation',
  families: ['activation'],
  kinds: ['Activation'],
  strategyMatters: false,
  covers: () => true,
  analytic,
  priors: { lut: ACTIVATION_LUT_PRIOR, ff: ACTIVATION_FF_PRIOR },
});
