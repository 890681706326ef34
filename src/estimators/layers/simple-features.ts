/**
 * Features and priors shared by the layers without a weight matrix (activations, pooling, merges, padding, …):
 * data bits handled per cycle, table/line-buffer storage kept in LUTs, and pixel counts.
 * Priors: ≈ 0.5 LUT and 1 FF per data bit (a compare/mux and a register per bit), 1/32 LUT per LUT-ROM bit
 * (LUT6 as 64×1 ROM, two per read port pair) — our model, hls4ml.md §2.5–2.9.
 */
import type { FittedModel } from '../types.js';
import type { LayerSignature } from '../signature.js';
import { clockPressure } from './cmvm.js';
import { baseFeatures, prior, type BaseFeatures } from './define.js';

/** Feature record of a layer without a weight matrix. */
export type SimpleFeatures = BaseFeatures & {
  /** Elements processed in parallel × (input + result bits). */
  readonly dataBits: number;
  /** Data bits × clock pressure: pipeline registers a fast clock adds. */
  readonly dataBitsFast: number;
  /** Lookup-table / buffer bits kept in LUTs rather than BRAM. */
  readonly romLutBits: number;
  /** Line-buffer bits (streaming windows). */
  readonly lineBits: number;
  /** Window / accumulator register bits. */
  readonly windowBits: number;
  /** Stream words (pixels) per inference. */
  readonly px: number;
};

/** Elements a layer handles in parallel: the whole tensor (io_parallel) or one stream word (io_stream). */
export function parallelElements(sig: LayerSignature): number {
  return sig.ioType === 'io_stream' ? Math.max(1, sig.channels) : Math.max(1, sig.elements);
}

/** Builds the features of a simple layer. */
export function simpleFeatures(
  sig: LayerSignature,
  a: { readonly latency: number; readonly dsp: number; readonly bram18: number },
  t: { readonly parallel: number; readonly romLutBits?: number; readonly lineBits?: number; readonly windowBits?: number },
): SimpleFeatures {
  return {
    ...baseFeatures(sig, a),
    dataBits: t.parallel * (sig.inputWidth + sig.resultWidth),
    dataBitsFast: t.parallel * (sig.inputWidth + sig.resultWidth) * clockPressure(sig.clockNs),
    romLutBits: t.romLutBits ?? 0,
    lineBits: t.lineBits ?? 0,
    windowBits: t.windowBits ?? 0,
    px: sig.ioType === 'io_stream' ? Math.max(sig.inPixels, sig.outPixels) : 0,
  };
}

/** LUT prior of a simple layer. */
export const SIMPLE_LUT_PRIOR: FittedModel = prior(['dataBits', 'dataBitsFast', 'romLutBits', 'lineBits', 'windowBits', 'one'], [0.5, 0, 0.03, 0.1, 0.5, 20]);
/** FF prior of a simple layer. */
export const SIMPLE_FF_PRIOR: FittedModel = prior(['dataBits', 'dataBitsFast', 'windowBits', 'one'], [0.7, 0.5, 1, 20]);
/** Zero cost (layers that are only wiring). */
export const ZERO_PRIOR: FittedModel = { features: ['one'], coefficients: [0], ratioLo: 1, ratioHi: 1, samples: 0 };
