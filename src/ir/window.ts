/**
 * Sliding-window geometry (convolution and pooling) with Keras' padding rules.
 * @see Keras `conv_utils.conv_output_length`; TensorFlow's SAME padding puts the odd pixel at the end (bottom/right).
 */
import type { WindowGeometry } from './layer.js';

/** Raw window parameters as a loader gives them (1D: height terms are 1/0). */
export interface WindowRequest {
  readonly inHeight: number;
  readonly inWidth: number;
  readonly nChan: number;
  readonly filtHeight: number;
  readonly filtWidth: number;
  readonly strideHeight: number;
  readonly strideWidth: number;
  readonly dilationHeight: number;
  readonly dilationWidth: number;
  readonly nFilt: number;
  /** `same`/`valid` (Keras) or explicit pads [top, bottom, left, right] (ONNX). */
  readonly padding: 'same' | 'valid' | readonly [number, number, number, number];
}

function samePads(input: number, kernel: number, stride: number): [number, number, number] {
  const out = Math.ceil(input / stride);
  const total = Math.max((out - 1) * stride + kernel - input, 0);
  const before = Math.floor(total / 2);
  return [out, before, total - before];
}

/** Resolves padding and output size; throws a `RangeError` when the window does not fit the input. */
export function resolveWindow(r: WindowRequest): WindowGeometry {
  const effH = (r.filtHeight - 1) * r.dilationHeight + 1;
  const effW = (r.filtWidth - 1) * r.dilationWidth + 1;
  let padTop = 0;
  let padBottom = 0;
  let padLeft = 0;
  let padRight = 0;
  let outHeight: number;
  let outWidth: number;
  let padding: WindowGeometry['padding'];
  if (r.padding === 'same') {
    [outHeight, padTop, padBottom] = samePads(r.inHeight, effH, r.strideHeight);
    [outWidth, padLeft, padRight] = samePads(r.inWidth, effW, r.strideWidth);
    padding = 'same';
  } else {
    if (r.padding !== 'valid') [padTop, padBottom, padLeft, padRight] = r.padding;
    padding = r.padding === 'valid' ? 'valid' : 'explicit';
    outHeight = Math.floor((r.inHeight + padTop + padBottom - effH) / r.strideHeight) + 1;
    outWidth = Math.floor((r.inWidth + padLeft + padRight - effW) / r.strideWidth) + 1;
  }
  if (!(outHeight >= 1 && outWidth >= 1)) {
    throw new RangeError(
      `a ${r.filtHeight}x${r.filtWidth} window does not fit a ${r.inHeight}x${r.inWidth} input (output ${outHeight}x${outWidth})`,
    );
  }
  return {
    inHeight: r.inHeight,
    inWidth: r.inWidth,
    nChan: r.nChan,
    filtHeight: r.filtHeight,
    filtWidth: r.filtWidth,
    strideHeight: r.strideHeight,
    strideWidth: r.strideWidth,
    dilationHeight: r.dilationHeight,
    dilationWidth: r.dilationWidth,
    padTop,
    padBottom,
    padLeft,
    padRight,
    outHeight,
    outWidth,
    nFilt: r.nFilt,
    padding,
  };
}
