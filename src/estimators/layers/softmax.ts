/**
 * Softmax. The `stable` kernel (hls4ml's default) normalises a group of n elements — the whole tensor in io_parallel,
 * one stream word of `channels` elements in io_stream — with a max tree over the inputs, n subtractions, n exp-table
 * reads, an adder tree, one inverse-table read of the sum and n products `exp·inv` (the only multipliers). `latency`
 * skips the max tree; `legacy` reads the exp table for every ordered pair and the inverse table per element, with no
 * multiplier; `argmax` is a compare tree with neither tables nor multipliers.
 *
 * io_parallel: the dispatching `softmax` is inlined and the kernel is one `PIPELINE` (II 1, no ALLOCATION limit).
 * io_stream: the kernel's word loop is `PIPELINE II = size / ceil(size/RF)` with `ALLOCATION mul limit ceil(size/RF)`:
 * every word still passes the full max/exp/adder datapath, only the products share the `limit` multipliers, so a
 * word takes `ceil(size/limit)` cycles (the pragma's floor division can ask for less; the tool cannot meet it). The
 * dispatcher `softmax` stays a function of its own that calls the kernel once (+1 cycle, II = its latency); a report
 * row of the kernel itself (`bareKernel`) of a single-word stream is the loop body flattened into the function's
 * pipeline, so its II is the word's cycles.
 * @see /work/shared/docs/hls4ml.md §2.7; hls4ml `nnet_activation.h` / `nnet_activation_stream.h` (`softmax_stable`,
 *   `softmax_legacy`, `softmax` dispatcher); real rows (pominiq/DNNonSilicon, io_stream): 10 channels RF 4 → 3 DSP, a
 *   `softmax_stable` function of latency 16 and II 4 inside a `softmax` function of latency 17 and II 17; 128
 *   elements in words of 8 at RF 4 → 78 cycles = 15 words × 4 + 18
 */
import type { AnalyticCost } from '../types.js';
import type { Parameters } from '../calibration/parameters.js';
import type { LayerSignature } from '../signature.js';
import { dspPerMultiply, isFabricMultiply } from '../dsp-split.js';
import { log2Ceil } from './cmvm.js';
import { defineEstimator, prior } from './define.js';
import { simpleFeatures, SIMPLE_FF_PRIOR, SIMPLE_LUT_PRIOR } from './simple-features.js';
import { tableStorage } from './table-activation.js';
import { chainedStages, pipelinedLoopTiming, STREAM_OP_NS } from './stream-timing.js';

/**
 * Combinational delay of one logic level of the kernel (a compare-and-select of the max tree, a saturating add of
 * the adder tree), in ns: the prior behind `logicCycles`, whose scale the calibration fits. Our model: Vivado HLS
 * schedules about one such level per 5 ns cycle on 7-series parts (real rows: +2 cycles per doubling of n at 5 ns).
 */
const LEVEL_NS = 4;

/**
 * Schedule length of each product on a multiplier core in the io_parallel count, in cycles (operand selection, then
 * the DSP; io_stream words use {@link streamWordStages}). Our model from
 * real rows (pominiq/DNNonSilicon, Vivado HLS 2020.1): 10 channels on one core take 22–24 cycles a word at 25 ns, on
 * ten cores 4; 8 channels on one core 28 at 10 ns, 4 channels 16.
 */
const CYCLES_PER_SHARED_PRODUCT = 2;

/** The datapath of one softmax group: sizes, multipliers and table reads per word. */
export interface SoftmaxShape {
  /** Elements normalised together (one stream word, or the whole tensor). */
  readonly n: number;
  /** Words per inference (stream pixels; 1 in io_parallel). */
  readonly words: number;
  /** Multiplier cores (`exp·inv` products; 0 for `legacy` and `argmax`). */
  readonly multipliers: number;
  /** Cycles per word: the products each multiplier performs in turn (1 when unshared). */
  readonly cyclesPerWord: number;
  /** Logic levels between the input and the products: max tree, subtraction, adder tree, index and rounding. */
  readonly levels: number;
  /** Exp-table and inverse-table reads per word. */
  readonly expReads: number;
  readonly invReads: number;
}

/** The datapath of a softmax signature (its kernel, group size, multiplier sharing and table reads). */
export function softmaxShape(sig: LayerSignature): SoftmaxShape {
  const stream = sig.ioType === 'io_stream';
  const impl = sig.softmaxImpl ?? 'stable';
  const n = Math.max(1, stream ? sig.channels : sig.elements);
  const words = stream ? Math.max(1, sig.outPixels) : 1;
  const tree = log2Ceil(n);
  if (impl === 'argmax') return { n, words, multipliers: 0, cyclesPerWord: 1, levels: tree + 1, expReads: 0, invReads: 0 };
  if (impl === 'legacy') return { n, words, multipliers: 0, cyclesPerWord: 1, levels: tree + 3, expReads: n * (n - 1), invReads: n };
  const limit = stream ? Math.ceil(n / Math.max(1, sig.reuseFactor)) : n;
  const maxTree = impl === 'stable' ? tree + 1 : 0;
  return { n, words, multipliers: limit, cyclesPerWord: Math.ceil(n / limit), levels: maxTree + tree + 2, expReads: n, invReads: 1 };
}

/**
 * LUT prior: the simple-layer terms plus the fabric exp·inv multipliers (≈ 1.2 LUT per operand bit pair, as CMVM;
 * real rows: ArgyKokk n=10 `LUT_*` 5173 vs `DSP_*` 1513 LUT) and the operand multiplexers of shared multipliers.
 */
const SOFTMAX_LUT_PRIOR = prior(
  [...SIMPLE_LUT_PRIOR.features, 'fabricMulBits', 'muxBits', 'mulOutBits', 'wrapper'],
  [...SIMPLE_LUT_PRIOR.coefficients, 1.2, 1, 1, 0.5],
);
/** FF prior: the simple-layer terms plus the pipeline registers of the datapath (`pipeBits`). */
const SOFTMAX_FF_PRIOR = prior([...SIMPLE_FF_PRIOR.features, 'pipeBits', 'depthBits'], [...SIMPLE_FF_PRIOR.coefficients, 0.5, 1]);

/**
 * Pipeline stages of one stream word of the `stable`/`latency` kernel (our model of the Vivado HLS schedule, timed
 * with the shared chained-operation budget of stream-timing.ts):
 * - the FIFO read, the max tree (`log2 n` compare-and-select levels; none for `latency`) and the saturating
 *   subtraction, chained;
 * - the exp-table reads: the tool builds only the table ports the word's II needs (`ceil(n / II)` reads a cycle), so
 *   the n reads take about II cycles in turn;
 * - the adder tree (`log2 n` add levels) and the inverse-table read, then the products, `cyclesPerWord` in turn on
 *   each multiplier core, and the FIFO write chained after the last one.
 * Real rows (pominiq/DNNonSilicon, Vivado HLS 2020.1, `softmax_stable` function reports): 10 channels on one core
 * 24 cycles at 25 ns (7-series), 22 on xcu50; 3 channels on one core 6; 4 channels per word on one core at 10 ns, 676
 * words → 2716 = 675 × 4 + 14 + 2.
 */
export function streamWordStages(sig: LayerSignature, s: SoftmaxShape): number {
  if (s.multipliers === 0) return 2 + chainedStages(sig, [STREAM_OP_NS.read, ...levelsOf(s.levels, STREAM_OP_NS.compareSelect), STREAM_OP_NS.write]);
  const tree = log2Ceil(s.n);
  const maxLevels = s.levels - tree - 2; // the max tree and its subtraction (0 for `latency`)
  const front = chainedStages(sig, [STREAM_OP_NS.read, ...levelsOf(maxLevels, STREAM_OP_NS.compareSelect), STREAM_OP_NS.add]);
  const sum = chainedStages(sig, levelsOf(tree, STREAM_OP_NS.add));
  const back = chainedStages(sig, [STREAM_OP_NS.multiply, STREAM_OP_NS.write]);
  const readCycles = Math.ceil(s.expReads / Math.ceil(s.expReads / s.cyclesPerWord));
  return front + readCycles + sum + s.cyclesPerWord + back;
}

/** `count` copies of one operation delay (a tree's levels). */
function levelsOf(count: number, ns: number): number[] {
  return Array.from({ length: Math.max(0, count) }, () => ns);
}

function analytic(sig: LayerSignature, p: Parameters): AnalyticCost {
  const stream = sig.ioType === 'io_stream';
  const s = softmaxShape(sig);
  // Reads of one word spread over its cycles; every two reads per cycle need their own dual-port copy.
  const exp = tableStorage(Math.ceil(s.expReads / s.cyclesPerWord), sig.tableSize, sig.tableWidth, p);
  const inv = tableStorage(Math.ceil(s.invReads / s.cyclesPerWord), sig.tableSize, sig.tableWidth, p);
  const bram18 = (s.expReads > 0 ? exp.bram18 : 0) + (s.invReads > 0 ? inv.bram18 : 0);
  const romLutBits = (s.expReads > 0 ? exp.romLutBits : 0) + (s.invReads > 0 ? inv.romLutBits : 0);
  // The exp·inv products are multiplier cores: DSPs, or fabric when forced (`mulImpl`) or too narrow for a DSP.
  const fabric = sig.mulImpl === 'fabric' || isFabricMultiply(sig.tableWidth, sig.tableWidth, p.dspFabricMaxWidth);
  const dsp = fabric ? 0 : s.multipliers * dspPerMultiply(sig.tableWidth, sig.tableWidth, sig.dspType);
  // Pipeline depth of one word: two table reads, the logic levels at this clock, the products in turn.
  const logicCycles = (s.levels * LEVEL_NS) / Math.max(0.5, sig.clockNs);
  const wrapped = stream && !sig.bareKernel;
  let latency: number;
  let depth: number;
  let timing: Pick<AnalyticCost, 'ii' | 'iiAfterLatency'>;
  if (stream) {
    depth = streamWordStages(sig, s);
    // One word: the loop is flattened into the function's own pipeline (II = the word's cycles); more words: a
    // pipelined loop of II `cyclesPerWord` with the function's entry and exit states. The dispatcher adds its call.
    const t = s.words === 1 ? { latency: depth, ii: s.cyclesPerWord } : pipelinedLoopTiming(s.words, s.cyclesPerWord, depth);
    latency = t.latency + (wrapped ? 1 : 0);
    timing = !wrapped && s.words === 1 ? { ii: t.ii } : { ii: latency, iiAfterLatency: 0 };
  } else {
    depth = 2 + Math.ceil(logicCycles) + (s.multipliers > 0 ? CYCLES_PER_SHARED_PRODUCT * s.cyclesPerWord : 0);
    latency = depth;
    timing = { ii: 1 };
  }
  const groupBits = s.n * (sig.inputWidth + sig.tableWidth);
  return {
    latency,
    ...timing,
    dsp,
    bram18,
    uram: 0,
    features: {
      ...simpleFeatures(sig, { latency, dsp, bram18 }, { parallel: s.n, romLutBits }),
      fabricMulBits: fabric ? s.multipliers * sig.tableWidth * sig.tableWidth : 0,
      // Operand selection of shared multipliers: `cyclesPerWord` exp values into each core.
      muxBits: s.cyclesPerWord > 1 ? s.n * sig.tableWidth : 0,
      // Registers along the pipeline: the group's exp values held across the logic cycles.
      pipeBits: s.n * sig.tableWidth * logicCycles,
      logicCycles,
      depthBits: depth * sig.tableWidth,
      wordCycles: s.multipliers > 0 ? s.cyclesPerWord : 0,
      dspMul: dsp > 0 ? 5 / Math.max(0.5, sig.clockNs) : 0,
      wrapper: wrapped ? groupBits : 0,
      mulOutBits: s.multipliers * sig.resultWidth,
      structural: stream ? 1 : 0,
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
  priors: { lut: SOFTMAX_LUT_PRIOR, ff: SOFTMAX_FF_PRIOR },
  latencyFeatures: ['cycles', 'logicCycles', 'wordCycles', 'dspMul', 'one'],
});
