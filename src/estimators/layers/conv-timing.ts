/**
 * Latency and II of a convolution's pixel loop around its dense kernel: io_parallel runs `n_partitions` calls of
 * PF windows each; io_stream (LineBuffer) visits every input pixel once and calls the kernel when a window is full.
 * @see /work/shared/docs/hls4ml.md §2.2 (io_parallel: II ≈ n_partitions·RF), §2.3 (io_stream: II ≈ in_h·in_w·RF);
 *   real rows (shared/data/synth_layers.csv, pominiq/DNNonSilicon, ChiRuiChen/AutoEncoder_hls4ml): io_stream
 *   Latency ≈ pixels·min(RF, ⌈products/limit⌉+1) + 2, Resource ≈ pixels·(RF + c) with c fitted (feature `px`)
 */
import type { AnalyticCost } from '../types.js';
import type { LayerSignature } from '../signature.js';
import { log2Ceil, serialCycles, type Multipliers } from './cmvm.js';

/** Timing part of an {@link AnalyticCost}. */
export type ConvTiming = Pick<AnalyticCost, 'latency' | 'ii' | 'iiAfterLatency'>;

/** Timing of a conv-like layer whose kernel has multipliers `m` over `kernelIn` inputs. */
export function convTiming(sig: LayerSignature, m: Multipliers, kernelIn: number): ConvTiming {
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
  // The pixel loop (PIPELINE II=RF, or the kernel's shorter serial schedule) plus 2 cycles of read/write, 3 at RF 1
  // (real rows: 784 px × 13 → 10194, 36 px × 16 → 578, 784 px × 1 → 787).
  const cpp = sig.strategy === 'distributed_arithmetic' ? 1 : serialCycles(m, rf);
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
