/**
 * The io_stream dataflow as token processes: each non-wiring layer reads its input streams pixel by pixel, needs a
 * given input pixel before it can write each output pixel (a window's last pixel, the same pixel, or the whole frame)
 * and has a read rate and a pipeline depth taken from its layer estimate.
 * @see /work/shared/docs/hls4ml.md §1.7 (one FIFO per layer output, default depth = pixels), §2.3 (line buffers)
 */
import type { LayerSignature } from '../signature.js';

/** How an output pixel depends on the input pixels. */
export type NeedRule = 'window' | 'same' | 'frame' | 'upsample' | 'pad';

/** One process of the dataflow (a layer). */
export interface StreamProcess {
  readonly name: string;
  /** Producer process of each input stream (−1: the top-level input port). */
  readonly inputs: readonly number[];
  /** Input pixels per frame read from the top-level input port (when `inputs` holds −1). */
  readonly inTokens: number;
  /** Output pixels per frame. */
  readonly outTokens: number;
  /** Minimum cycles between two reads. */
  readonly readCycles: number;
  /** Cycles from reading the needed input pixel to writing the output pixel. */
  readonly depth: number;
  readonly rule: NeedRule;
  /** Window geometry for `window`/`pad`/`upsample` rules (input grid, output grid, kernel, stride, pads). */
  readonly geometry: Pick<LayerSignature, 'inHeight' | 'inWidth' | 'outHeight' | 'outWidth' | 'filtHeight' | 'filtWidth' | 'strideHeight' | 'strideWidth'> & {
    readonly padTop: number;
    readonly padLeft: number;
  };
}

/** The need rule of a family: which input pixel an output pixel waits for. */
export function needRuleOf(sig: LayerSignature): NeedRule {
  switch (sig.family) {
    case 'conv1d': case 'conv2d': case 'pointwise': case 'depthwise': case 'separable': case 'pooling':
      return 'window';
    case 'activation': case 'table-activation': case 'batchnorm': case 'merge': case 'concat': case 'quantizer':
      return 'same';
    case 'upsampling':
      return 'upsample';
    case 'zeropad':
      return 'pad';
    default:
      return 'frame';
  }
}

/**
 * For each output pixel, the index of the last input pixel it needs, given `inTokens` input pixels per frame.
 * Window indices are clamped into the (unpadded) input grid; hls4ml inserts the zero padding as its own layer.
 */
export function needIndices(p: StreamProcess, inTokens: number): Int32Array {
  const out = new Int32Array(p.outTokens);
  const g = p.geometry;
  const last = Math.max(0, inTokens - 1);
  const clampIdx = (row: number, col: number) => {
    const r = Math.min(Math.max(row, 0), g.inHeight - 1);
    const c = Math.min(Math.max(col, 0), g.inWidth - 1);
    return Math.min(r * g.inWidth + c, last);
  };
  for (let j = 0; j < p.outTokens; j++) {
    const oy = Math.floor(j / Math.max(1, g.outWidth));
    const ox = j % Math.max(1, g.outWidth);
    switch (p.rule) {
      case 'window':
        out[j] = clampIdx(oy * g.strideHeight + g.filtHeight - 1 - g.padTop, ox * g.strideWidth + g.filtWidth - 1 - g.padLeft);
        break;
      case 'same':
        out[j] = Math.min(j, last);
        break;
      case 'upsample':
        out[j] = clampIdx(Math.floor((oy * g.inHeight) / Math.max(1, g.outHeight)), Math.floor((ox * g.inWidth) / Math.max(1, g.outWidth)));
        break;
      case 'pad':
        out[j] = clampIdx(oy - g.padTop, ox - g.padLeft);
        break;
      case 'frame':
        out[j] = last;
        break;
    }
  }
  return out;
}
