/**
 * Latency and II of a convolution's pixel loop around its dense kernel: io_parallel runs `n_partitions` calls of
 * PF windows each; io_stream (LineBuffer) visits every input pixel once and calls the kernel when a window is full.
 * @see /work/shared/docs/hls4ml.md §2.2 (io_parallel: II ≈ n_partitions·RF), §2.3 (io_stream: II ≈ in_h·in_w·RF);
 *   real rows (shared/data/synth_layers.csv, pominiq/DNNonSilicon, ChiRuiChen/AutoEncoder_hls4ml): io_stream
 *   Latency ≈ pixels·min(RF, ⌈products/limit⌉+1) + 2, Resource ≈ pixels·(RF + c) with c fitted (feature `px`)
 */
import type { AnalyticCost } from '../types.js';
import type { Parameters } from '../calibration/parameters.js';
import type { LayerSignature } from '../signature.js';
import { constantWeights, log2Ceil, serialCycles, type Multipliers } from './cmvm.js';
import { sharedKernelCycles } from './kernel-timing.js';

/** Timing part of an {@link AnalyticCost}. */
export type ConvTiming = Pick<AnalyticCost, 'latency' | 'ii' | 'iiAfterLatency'>;

/**
 * Cycles per input pixel of an io_stream Latency convolution: the kernel call ({@link sharedKernelCycles}), one
 * more for `compute_output_buffer` around it (window shift and output write) and two for the pixel loop's stream
 * read and iteration (real rows, pominiq: `compute_output_buffer_2d` = kernel + 1, pixel = kernel + 3 —
 * 784 × 13 + 2 = 10194, 36 × 15 + 2 = 542, 784 × 38 + 2 = 29794), at most RF: the `PIPELINE II=RF` of the pixel
 * loop holds where the call is longer (RF 3 → 3 per pixel; 36 × 16 + 2 = 578). RF 1: one pixel per cycle.
 */
export function latencyPixelCycles(sig: LayerSignature, m: Multipliers, p?: Parameters): number {
  const rf = Math.max(1, sig.reuseFactor);
  if (rf <= 1) return 1;
  return Math.min(rf, sharedKernelCycles(sig, m, p) + 3);
}

/**
 * Timing of a conv-like layer whose kernel has multipliers `m` over `kernelIn` inputs (`p` refines the Latency
 * kernel's shared multiplications, {@link sharedMultiplications}).
 */
export function convTiming(sig: LayerSignature, m: Multipliers, kernelIn: number, p?: Parameters): ConvTiming {
  const rf = sig.reuseFactor;
  const depth = log2Ceil(kernelIn) + 3;
  if (sig.ioType === 'io_parallel') {
    const parts = Math.max(1, Math.ceil(sig.outPixels / Math.max(1, sig.parallelization)));
    if (sig.strategy === 'resource') {
      const ii = parts * (rf + depth);
      return { latency: ii + 2, ii };
    }
    const per = sig.strategy === 'distributed_arithmetic' ? 1 : rf;
    return { latency: parts * per + depth, ii: parts * per };
  }
  const px = Math.max(1, sig.inPixels);
  if (sig.strategy === 'resource' || sig.strategy === 'resource_unrolled') {
    // The pixel loop is not pipelined and csynth reports its worst path, a kernel call (ReuseLoop of RF) on every
    // input pixel plus a per-pixel overhead the calibration fits (feature `px`): real rows are exactly
    // pixels·(RF + c), c = 11 (ChiRuiChen, 32 bit, 5 ns), 4 (hls4ml-live, 8 bit), 9 (pominiq 28×28).
    return { latency: px * rf, ii: px * rf, iiAfterLatency: 0 };
  }
  // The pixel loop (PIPELINE II=RF, or the kernel call and its pixel overhead when shorter) plus 2 cycles of the
  // function's entry and exit, 3 at one pixel per cycle (real rows: 784 px × 13 → 10194, 36 px × 16 → 578,
  // 784 px × 1 → 787). Without `p` the older count (rounds of every candidate + 1).
  const cpp = sig.strategy === 'distributed_arithmetic' ? 1 : p ? latencyPixelCycles(sig, m, p) : serialCycles(m, rf);
  return { latency: px * cpp + (cpp === 1 ? 3 : 2), ii: px * cpp, iiAfterLatency: 0 };
}

/** Line-buffer and window-register bits of a streaming 2D window ((K_h−1) rows of W·C, and K_h·K_w·C). */
export function lineBufferBits(sig: LayerSignature): { lineBits: number; windowBits: number } {
  if (sig.ioType !== 'io_stream') return { lineBits: 0, windowBits: 0 };
  return {
    lineBits: Math.max(0, sig.filtHeight - 1) * sig.inWidth * sig.nChan * sig.inputWidth,
    windowBits: sig.filtHeight * sig.filtWidth * sig.nChan * sig.inputWidth,
  };
}

/** What a streaming convolution adds around its dense kernel, in the units the LUT/FF models are linear in. */
export interface StreamKernelFeatures {
  /** `ap_shift_reg` line buffers: (K_h−1)·C of them (FF: Vivado HLS reports 64 per register whatever its width). */
  readonly lineRegs: number;
  /** Line-buffer SRL slices: `lineRegs`·⌈W/32⌉ (LUT: ≈ 32 per register up to 32 deep, more beyond). */
  readonly lineSrl: number;
  /** Operand multiplexer input bits: the distinct input selections of the shared multipliers, times the input width. */
  readonly inMuxBits: number;
  /** Products held in registers between the cycles of a Latency kernel whose multipliers are shared (II = RF > 1). */
  readonly holdBits: number;
  /** 32-bit pixel and stride counters of the window logic (`pX`, `sX`, and `pY`, `sY` in 2D). */
  readonly counters: number;
  /** Accumulator bits written through a run-time output index (Resource kernel with RF > n_in, {@link accFileBits}). */
  readonly accFileBits: number;
  /**
   * Register bits of the window logic around the kernel, as the report counts them: 64 per line buffer
   * (`lineRegs`), the window array (K_h·K_w·C input words) and the 32-bit counters. One feature, since in the data
   * its parts scale together and only their sum is known (real rows, pominiq RF 1 at 25 ns, a kernel without
   * registers: 3×3 × 4 channels 443 FF = 128 + 144 + 128 + 43; × 8 channels 1143 vs 512 + 576 + 128).
   */
  readonly frameRegBits: number;
}

/**
 * Accumulator bits of a Resource kernel that writes its accumulators through a run-time output index: with RF > n_in
 * hls4ml's `dense_resource_rf_gt_nin` adds each product into `acc[out_index]`, the index read from a table per
 * ReuseLoop step, so every accumulator register gets a write-select multiplexer (real rows: live-demo 2019.2.1 conv,
 * 32 × 14-bit accumulators, 1965 LUT of "Multiplexer"; pominiq 2020.1 9×4 conv at RF 36 ≈ 300 LUT above RF 9, and
 * 32×10 dense at RF 64 ≈ 850 above RF 32). With RF ≤ n_in each multiplier feeds fixed outputs: zero.
 */
export function accFileBits(sig: LayerSignature): number {
  return sig.strategy === 'resource' && sig.reuseFactor > sig.nIn ? sig.nOut * sig.accumWidth : 0;
}

/** FF that Vivado HLS reports per `ap_shift_reg` line buffer, whatever its word width (see {@link streamKernelFeatures}). */
const SHIFT_REG_FF = 64;

const NO_STREAM_KERNEL: StreamKernelFeatures = Object.freeze({ lineRegs: 0, lineSrl: 0, inMuxBits: 0, holdBits: 0, counters: 0, accFileBits: 0, frameRegBits: 0 });

/**
 * Features of an io_stream convolution's line buffer and of how its dense kernel shares multipliers (zero for
 * io_parallel). Facts from the Vivado HLS reports of stock hls4ml LineBuffer convolutions (`shift_line_buffer`,
 * `compute_output_buffer_2d`): the tool reports each `ap_shift_reg` line buffer as a shift-register memory of 64 FF
 * and 32 LUT whatever its word width (pominiq/DNNonSilicon `line_buffer_Array_V`: 28 × 16 bit → 64 FF, 32 LUT;
 * ChiRuiChen/AutoEncoder_hls4ml `shift_line_buffer`: 128·C + 1 FF at 32 bit, 64·C LUT at W ≤ 32, 96·C at W = 34),
 * so the line's storage bits cost nothing in the report and the old `(K_h−1)·W·C·bits` feature over-predicted wide
 * 32-bit layers tenfold. A Resource kernel (`dense_resource`) selects a multiplier's input among min(RF, n_in)
 * window values per ReuseLoop step, and multipliers whose input index coincides share that multiplexer: in
 * hls4ml's `dense_resource_rf_leq_nin` multiplier im reads input (ir + RF·im) mod n_in, so only ⌈n_in/RF⌉ distinct
 * selections exist whatever the number of multipliers (ChiRuiChen 72-input RF-72 layer: one 72:1 × 32-bit
 * multiplexer, 337 LUT; counting one per multiplier over-predicted its 4- and 8-filter layers 2–3×); a Latency kernel whose ALLOCATION limit shares multiplier cores selects among the products mapped on a
 * core and keeps every product in a register until the adder tree that consumes it (pominiq RF 16/64 vs RF 1:
 * +0.9 FF per product bit).
 */
export function streamKernelFeatures(sig: LayerSignature, m: Multipliers): StreamKernelFeatures {
  if (sig.ioType !== 'io_stream') return NO_STREAM_KERNEL;
  const lineRegs = Math.max(0, sig.filtHeight - 1) * sig.nChan;
  const rf = sig.reuseFactor;
  const shared = m.candidates > m.limit;
  let inMuxBits = 0;
  if (sig.strategy === 'resource') inMuxBits = rf > 1 ? Math.min(m.limit, Math.ceil(sig.nIn / Math.min(rf, sig.nIn))) * Math.min(rf, sig.nIn) * sig.inputWidth : 0;
  else if (shared) inMuxBits = m.candidates * sig.inputWidth;
  const counters = sig.filtHeight > 1 ? 4 : 2;
  return {
    lineRegs,
    lineSrl: lineRegs * Math.ceil(sig.inWidth / 32),
    inMuxBits,
    holdBits: sig.strategy !== 'resource' && rf > 1 && shared ? m.products * sig.accumWidth : 0,
    counters,
    accFileBits: accFileBits(sig),
    frameRegBits: SHIFT_REG_FF * lineRegs + lineBufferBits(sig).windowBits + 32 * counters,
  };
}
