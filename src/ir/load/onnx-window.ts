/**
 * Sliding-window attributes of ONNX `Conv`, `MaxPool` and `AveragePool` (kernel, strides, dilations, `pads` or
 * `auto_pad`) translated to the IR's: pads become `padding: 'valid' | 'same'` when they equal what Keras would
 * pad, and explicit `pads: [top, bottom, left, right]` otherwise. Pure functions only.
 */
import { attrInts, attrString, type AttrMap } from './onnx-decode.js';

/** The IR window attributes of one node (1D windows use one-element arrays). */
export interface IrWindow {
  readonly kernel: number[];
  readonly strides: number[];
  readonly dilation: number[];
  /** Either `'same'`/`'valid'` or explicit pads [top, bottom, left, right] (1D: [0, 0, left, right]). */
  readonly padding: 'same' | 'valid' | [number, number, number, number];
}

/** TensorFlow/Keras SAME padding of one axis as [before, after] (the odd pixel goes after). */
export function samePads(input: number, kernel: number, stride: number, dilation: number): [number, number] {
  const eff = (kernel - 1) * dilation + 1;
  const out = Math.ceil(input / stride);
  const total = Math.max((out - 1) * stride + eff - input, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

/** ONNX pads [x1_begin, x2_begin, …, x1_end, x2_end] → IR [top, bottom, left, right]. */
export function irPads(onnxPads: readonly number[]): [number, number, number, number] {
  if (onnxPads.length === 2) return [0, 0, onnxPads[0], onnxPads[1]];
  return [onnxPads[0], onnxPads[2], onnxPads[1], onnxPads[3]];
}

/**
 * Reads the window of a node over `spatial` input sizes (H, W or just W); returns an error message for an
 * attribute it cannot honour.
 */
export function readWindow(attrs: AttrMap, kernel: readonly number[], spatial: readonly number[]): IrWindow | string {
  const n = spatial.length;
  const ones = new Array<number>(n).fill(1);
  const strides = attrInts(attrs, 'strides', ones);
  const dilation = attrInts(attrs, 'dilations', ones);
  if (kernel.length !== n || strides.length !== n || dilation.length !== n) {
    return `window attributes do not match a ${n}D input`;
  }
  const autoPad = attrString(attrs, 'auto_pad', 'NOTSET');
  const same = spatial.flatMap((d, i) => samePads(d, kernel[i], strides[i], dilation[i]));
  let perAxis: number[];
  if (autoPad === 'NOTSET') {
    const pads = attrInts(attrs, 'pads', new Array<number>(2 * n).fill(0));
    if (pads.length !== 2 * n) return `pads [${pads.join(',')}] do not match a ${n}D input`;
    perAxis = spatial.flatMap((_, i) => [pads[i], pads[i + n]]);
  } else if (autoPad === 'VALID') {
    perAxis = new Array<number>(2 * n).fill(0);
  } else if (autoPad === 'SAME_UPPER') {
    perAxis = same;
  } else if (autoPad === 'SAME_LOWER') {
    perAxis = same.map((_, i) => same[i % 2 === 0 ? i + 1 : i - 1]);
  } else {
    return `unknown auto_pad '${autoPad}'`;
  }
  const begins = perAxis.filter((_, i) => i % 2 === 0);
  const ends = perAxis.filter((_, i) => i % 2 === 1);
  let padding: IrWindow['padding'];
  if (perAxis.every((p) => p === 0)) padding = 'valid';
  else if (perAxis.every((p, i) => p === same[i])) padding = 'same';
  else padding = irPads([...begins, ...ends]);
  return { kernel: [...kernel], strides, dilation, padding };
}

/** The IR attributes of a window: `padding` or `pads`. */
export function paddingAttr(w: IrWindow): { padding: 'same' | 'valid' } | { pads: number[] } {
  return typeof w.padding === 'string' ? { padding: w.padding } : { pads: [...w.padding] };
}

/** Output size of one axis with ONNX's `ceil_mode` (true) or the usual floor (false). */
export function windowOutput(input: number, padTotal: number, kernel: number, stride: number, ceil: boolean): number {
  const span = (input + padTotal - kernel) / stride;
  return (ceil ? Math.ceil(span) : Math.floor(span)) + 1;
}
