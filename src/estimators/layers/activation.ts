/**
 * ReLU-like activations (linear, relu, relu6, leaky/thresholded/parametric relu, hard sigmoid/tanh, binary and
 * ternary tanh): a compare and a multiplexer per element, no DSP, no memory.
 * @see /work/shared/docs/hls4ml.md §2.6 (`nnet_activation.h`, `nnet_activation_stream.h`)
 */
import type { AnalyticCost } from '../types.js';
import type { LayerSignature } from '../signature.js';
import { defineEstimator } from './define.js';
import { parallelElements, simpleFeatures, SIMPLE_FF_PRIOR, SIMPLE_LUT_PRIOR } from './simple-features.js';
import { elementwiseTiming } from './stream-timing.js';

const LINEAR_FEATURES = Object.freeze({ one: 0, cycles: 0, cyclesFast: 0, dsp: 0, bram18: 0, dataBits: 0, dataBitsFast: 0, romLutBits: 0, lineBits: 0, windowBits: 0, px: 0 });

function analytic(sig: LayerSignature): AnalyticCost {
  // A linear activation is a plain copy: the tool removes it in io_parallel (real rows: 0 LUT, 0 cycles).
  if (sig.activation === 'linear' && sig.ioType === 'io_parallel') return { latency: 0, ii: 1, dsp: 0, bram18: 0, uram: 0, features: LINEAR_FEATURES };
  // io_stream: one word per cycle and a 2-cycle read/compare/write depth (real rows: 676 px → 678 at 25 ns), 4 for
  // 32-bit data at 5 ns (1024 px → 1028); a single word (the flattened output of a Dense) is one cycle.
  const depth = sig.clockNs <= 5 && sig.inputWidth >= 32 ? 4 : 2;
  const t = sig.ioType === 'io_stream' && Math.max(sig.inPixels, sig.outPixels) <= 1 ? { latency: 1, ii: 1, iiAfterLatency: 0 } : elementwiseTiming(sig, sig.ioType === 'io_stream' ? depth : 1);
  const structural = sig.ioType === 'io_stream' ? 1 : 0;
  return { ...t, dsp: 0, bram18: 0, uram: 0, features: { ...simpleFeatures(sig, { latency: t.latency, dsp: 0, bram18: 0 }, { parallel: parallelElements(sig) }), structural } };
}

/** The ReLU-like activation estimator. */
export const activationEstimator = defineEstimator({
  id: 'activation',
  families: ['activation'],
  kinds: ['Activation'],
  strategyMatters: false,
  covers: () => true,
  analytic,
  priors: { lut: SIMPLE_LUT_PRIOR, ff: SIMPLE_FF_PRIOR },
});
