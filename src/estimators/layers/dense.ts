/**
 * Dense (fully connected) layers: Latency (constant weights, zero products dropped), Resource (ROM weights,
 * block_factor generic multipliers), Resource_Unrolled and distributed arithmetic, io_parallel and io_stream.
 * @see /work/shared/docs/hls4ml.md §2.1, §2.12–2.15; hls4ml nnet_dense_latency.h, nnet_dense_resource.h, nnet_dense_stream.h
 */
import type { AnalyticCost } from '../types.js';
import type { Parameters } from '../calibration/parameters.js';
import type { LayerSignature } from '../signature.js';
import { adderTreeStages, constantZeros, dspRegisterStages, log2Ceil, multipliers, serialCycles, sharedRounds, weightLutBits, weightRomBram18, type Multipliers } from './cmvm.js';
import { cmvmFeatures, CMVM_FF_PRIOR, CMVM_LUT_PRIOR } from './cmvm-features.js';
import { accFileBits } from './conv-timing.js';
import { sharedKernelCycles } from './kernel-timing.js';
import { defineEstimator, prior } from './define.js';
import { ffFeatureName, kernelRegistered, registerView, resourceMulCoreBits, STREAM_LATENCY_KERNEL_REGISTERS } from './kernel-registers.js';

/**
 * Cycles an io_stream Dense spends outside its kernel: the DataPrepare loop reads the input's `n_in / pack` words
 * (PIPELINE II=1 when more than one, so words + 2 with its fill and exit), then ResWrite writes the output word; a
 * single word is read in the call's first cycle. Real rows (pominiq io_stream, 32×10 from 8-wide words, and the
 * `dense_wrapper` kernel nested in each): the layer is its kernel + 6 cycles at 4 words, + 3 … 67 at 36 … 64 words.
 * @see hls4ml nnet_dense_stream.h (DataPrepare / dense_wrapper / ResWrite)
 */
function streamIoCycles(sig: LayerSignature): number {
  const words = sig.inPixels;
  return words > 1 ? words + 2 : words;
}

/**
 * Latency and II of an io_stream Dense: the kernel between the stream reads and writes ({@link streamIoCycles}).
 * Latency: `dense_wrapper` under PIPELINE II=RF is the shared-multiplier kernel of {@link sharedKernelCycles}
 * (pominiq kernels: RF 16 → 13–15, RF 64 → 60, RF 8 → 5–6, RF 1 → 0 cycles, each ⌈multiplications/limit⌉ − 1
 * plus one at 10 ns). Resource: the ReuseLoop of RF iterations plus a short tail (RF + 1 … 4 at 5–10 ns) left to
 * the fitted offset. The process repeats after its latency (latency, DA) or one cycle later (resource). A report's
 * nested kernel alone (0 stream words) repeats like the io_parallel call: one cycle after its latency, or every RF
 * cycles (ReuseLoop).
 */
function streamTiming(sig: LayerSignature, m: Multipliers, p: Parameters): Pick<AnalyticCost, 'latency' | 'ii' | 'iiAfterLatency' | 'iiCap'> {
  const rf = sig.reuseFactor;
  const io = streamIoCycles(sig);
  const depth = log2Ceil(sig.nIn) + 2;
  if (io === 0 && sig.strategy === 'latency') return { latency: sharedKernelCycles(sig, m, p), ii: rf, iiAfterLatency: 1, iiCap: rf };
  if (io === 0 && sig.strategy === 'resource') return { latency: rf, ii: rf };
  switch (sig.strategy) {
    case 'latency': {
      // The layer is not pipelined across calls: its II is its latency. Given as a count rather than an
      // `iiAfterLatency` offset, so that the fitted II−latency offset of a key is that of the nested kernels alone.
      const latency = sharedKernelCycles(sig, m, p) + io;
      return { latency, ii: latency };
    }
    case 'resource':
      return { latency: rf + io, ii: rf, iiAfterLatency: 1 };
    case 'resource_unrolled':
      return { latency: rf + depth + io, ii: rf };
    case 'distributed_arithmetic':
      return { latency: depth + io, ii: 1, iiAfterLatency: 0 };
  }
}

/**
 * Cycles of an io_parallel Latency kernel call (a structural count; the calibration adds a per-scope offset).
 * Unshared (RF 1–2, or every wide constant with its own core): the adder tree over an output's non-zero products and
 * its bias (one level per cycle at 3.33–5 ns, the whole tree at 25 ns) plus the DSP registers at fast clocks
 * ({@link dspRegisterStages}). Shared multipliers (`sharedRounds` R > 1 under the ALLOCATION limit): the tree adds
 * the early rounds' products while the multipliers work, so after the last round only the upper half of its levels
 * remain — R − 1 + ceil(levels / 2) + DSP registers — and never less than the unshared count (a schedule with rounds
 * is never faster than the same products in parallel).
 * Real rows (ArgyKokk Vitis HLS 2021.1, 8-bit, xc7z007s-2; weights known): RF 100 at 5 ns, HAR 20×64 / 64×6 / 64×64
 * and mnist 32×10 / 56×64 / 64×32, DSP and fabric alike: R + ceil(levels/2) − 1 cycles exactly (19, 25, 9, 32, 11, 14);
 * at 3.33 ns jet 16×64 / 32×32 / 32×5 / 64×32 and ARRYTHMIA 274×8 the same plus the two DSP registers (28, 33, 47, 27,
 * 15; fabric 26, 31, 45, 25, 13), where R − 1 + all levels was 1–4 cycles too long. RF 2 with two rounds keeps the
 * RF 1 latency (jet 32×5: 7, Breast_cancer 5×3: 2).
 * Not explained: the 196×56 and 561×20 first layers (latency 48 and 192 at every RF, II 1 at RF 1). Their schedule
 * reports (mnist, HAR) show the tool's expression balancing covering only part of the accumulation (3 467 of about
 * 5 900 and 3 523 of about 6 800 additions balanced, against all of them in the smaller layers), leaving ternary-adder
 * chains that take the products in input order, about two per output and cycle. What bounds the balancing is not
 * known, so the count keeps the balanced tree.
 */
function latencyKernelCycles(sig: LayerSignature, m: Multipliers, p: Parameters): number {
  const n = sig.nIn * sig.nOut;
  const nonZero = n - constantZeros(sig, n, sig.zeroWeights, p);
  const terms = Math.ceil(nonZero / Math.max(1, sig.nOut)) + 1;
  const tree = adderTreeStages(sig, terms);
  const registers = dspRegisterStages(sig, m);
  const rounds = sharedRounds(m, sig.reuseFactor);
  const shared = rounds > 1 ? rounds - 1 + Math.ceil(tree / 2) : 0;
  return Math.max(tree, shared) + registers;
}

/** Latency and II of an io_parallel dense kernel call: [latency, ii, iiAfterLatency?, iiCap?]. */
function timing(sig: LayerSignature, serial: number, depth: number, latencyCycles: number): Pick<AnalyticCost, 'latency' | 'ii' | 'iiAfterLatency' | 'iiCap'> {
  const rf = sig.reuseFactor;
  switch (sig.strategy) {
    case 'latency':
      // PIPELINE II=RF, but a kernel shorter than RF finishes first: the instance interval is latency + 1 (real rows:
      // ArgyKokk RF 100). A kernel at least RF long repeats every RF cycles (RF 1–2), which says nothing about the
      // latency-to-interval offset the calibration fits, so only the short kernels carry it.
      if (latencyCycles + 1 >= rf) return { latency: latencyCycles, ii: rf };
      return { latency: latencyCycles, ii: rf, iiAfterLatency: 1, iiCap: rf };
    case 'resource':
      // ReuseLoop of RF iterations (PIPELINE II=1 rewind) plus the adder/cast tail; the call repeats after it.
      return { latency: rf + depth + 1, ii: rf, iiAfterLatency: 1 };
    case 'resource_unrolled':
      return { latency: rf + depth, ii: rf };
    case 'distributed_arithmetic':
      return { latency: depth, ii: 1 };
  }
}

/**
 * Adder-tree operand bits of an unrolled Latency kernel: every non-zero weight × accumulator bits. A ±2^k weight
 * needs no multiplier but is still a term of its output's sum: an adder input (LUTs) that the pipelined tree
 * registers like a product (the ArgyKokk Vitis HLS Register tables list `shl_ln…` shifted inputs beside the
 * `mult_V…` products and `add_ln…` partial sums, 7–16 bits each). The multiplier-based `addBits` misses them, which
 * matters where most weights are ±2^k: HAR 561×20 has 6 839 non-zero weights of which 4 485 are ±2^k.
 */
function adderTermBits(sig: LayerSignature, n: number, p: Parameters): number {
  return (n - constantZeros(sig, n, sig.zeroWeights, p)) * sig.accumWidth;
}

function analytic(sig: LayerSignature, p: Parameters): AnalyticCost {
  const n = sig.nIn * sig.nOut;
  const rf = sig.reuseFactor;
  const m = multipliers(sig, n, sig.zeroWeights, sig.pow2Weights, rf, p);
  const parallelLatency = sig.ioType !== 'io_stream' && sig.strategy === 'latency';
  const t = sig.ioType === 'io_stream' ? streamTiming(sig, m, p) : timing(sig, serialCycles(m, rf), log2Ceil(sig.nIn) + 2, parallelLatency ? latencyKernelCycles(sig, m, p) : 0);
  const bram18 = weightRomBram18(sig, n, rf, p);
  const base = cmvmFeatures(sig, { latency: t.latency, dsp: m.dsp, bram18 }, m, {
    nIn: sig.nIn,
    nOut: sig.nOut,
    romLutBits: weightLutBits(sig, n, rf, p),
  });
  const f = sig.strategy === 'resource' ? { ...base, mulCoreBits: resourceMulCoreBits(sig, m.dspMultipliers) } : base;
  const streamLatency = sig.ioType === 'io_stream' && sig.strategy === 'latency';
  const regs = registerView(f, kernelRegistered(sig, m, p), streamLatency ? STREAM_LATENCY_KERNEL_REGISTERS : undefined);
  // io_parallel Latency: the count is structural (kept unscaled by the fit, plus an offset per scope).
  const termBits = parallelLatency ? adderTermBits(sig, n, p) : 0;
  if (sig.ioType !== 'io_stream') return { ...t, dsp: m.dsp, bram18, uram: 0, features: { ...f, ...regs, structural: parallelLatency ? 1 : 0, heldBits: 0, streamBits: 0, streamControl: 0, termBits, accFileBits: 0 } };
  // io_stream: the latency is a structural count (stream words and the kernel's rounds), kept unscaled by the fit;
  // registers hold the products between the kernel's rounds, and DataPrepare's input array (hls4ml.md §2.1).
  const held = sig.strategy === 'latency' && serialCycles(m, rf) > 1 ? m.products * sig.accumWidth : 0;
  const streamBits = sig.inPixels > 0 ? sig.nIn * sig.inputWidth : 0;
  return { ...t, dsp: m.dsp, bram18, uram: 0, features: { ...f, ...regs, structural: 1, heldBits: held, streamBits, streamControl: 1, termBits: 0, accFileBits: accFileBits(sig) } };
}

/**
 * FF prior: the matrix kernel's, plus the io_stream registers (`heldBits`: products held between the rounds of a
 * PIPELINE II=RF kernel, about one FF per bit — pominiq RF 8…64 kernels hold 0.75–1.0 × products × accumulator bits,
 * the combinational RF 1 kernel at 25 ns none; `streamBits`: the input array DataPrepare fills, one FF per bit —
 * the layer rows exceed their nested kernels by n_in × input bits: 512 at 32 × 16 bit, 16 384 at 2048 × 8 bit).
 * Both are 0 for io_parallel, whose fits they leave unchanged. `termBits` ({@link adderTermBits}): the io_parallel
 * Latency kernel's tree operands, registered about once each (0 for the other kernels). The matrix kernel's features
 * are read through their register view (kernel-registers.ts): none for an io_stream Latency kernel call without a
 * cycle boundary (RF 1 at 25 ns: 0 FF), only its products when registered (its ports are DataPrepare's array and
 * ResWrite's word), and the pipelined ReuseLoop cores of the Resource kernel as `mulCoreBits`; io_parallel reads
 * them unchanged.
 */
const DENSE_FF_PRIOR = prior([...CMVM_FF_PRIOR.features.map(ffFeatureName), 'heldBits', 'streamBits', 'termBits'], [...CMVM_FF_PRIOR.coefficients, 1, 1, 0.25]);

/**
 * LUT prior: the matrix kernel's, plus the adder inputs of the ±2^k terms (`termBits`, {@link adderTermBits}) and,
 * io_stream only, the write-select multiplexers of an accumulator array indexed at run time (`accFileBits`, ≈ 4–5
 * LUT per accumulator bit; conv-timing.ts {@link accFileBits}).
 */
const DENSE_LUT_PRIOR = prior([...CMVM_LUT_PRIOR.features, 'termBits', 'accFileBits'], [...CMVM_LUT_PRIOR.coefficients, 0.25, 4]);

/** The Dense estimator. */
export const denseEstimator = defineEstimator({
  id: 'dense',
  families: ['dense'],
  kinds: ['Dense'],
  strategyMatters: true,
  covers: () => true,
  analytic,
  priors: { lut: DENSE_LUT_PRIOR, ff: DENSE_FF_PRIOR },
});
