/**
 * Timing of element-wise layers: io_parallel ones are one unrolled pipeline stage (II 1), io_stream ones read one
 * pixel per cycle (`cyclesPerPixel`), so their latency and II are the pixel loop's trip count times its II plus a
 * pipeline depth (the calibration adds a fitted offset to this count rather than rescaling it).
 * @see /work/shared/docs/hls4ml.md §2.6 (activations: "io_stream: one packed word per PIPELINE iteration (II=1)"),
 *   §2.9; real rows: relu io_stream 1024 px → 1028 cycles, zeropad 34×34 → 1159 (shared/data/synth_layers.csv)
 */
import type { AnalyticCost } from '../types.js';
import type { LayerSignature } from '../signature.js';

/**
 * Latency/II of an element-wise layer: `depth` cycles and II 1 in io_parallel (a fully unrolled `PIPELINE`; pooling
 * passes its `PIPELINE II=RF` as `iiParallel`), `pixels·cyclesPerPixel + depth` in io_stream (II = latency).
 */
export function elementwiseTiming(
  sig: LayerSignature,
  depth: number,
  pixels = Math.max(sig.inPixels, sig.outPixels),
  iiParallel = 1,
  cyclesPerPixel = 1,
): Pick<AnalyticCost, 'latency' | 'ii' | 'iiAfterLatency'> {
  if (sig.ioType === 'io_stream') {
    const latency = pixels * cyclesPerPixel + depth;
    return { latency, ii: latency, iiAfterLatency: 0 };
  }
  return { latency: depth, ii: Math.max(1, iiParallel) };
}
