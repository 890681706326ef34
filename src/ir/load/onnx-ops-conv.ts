/**
 * Handlers for the sliding-window ONNX ops (channels-first in ONNX, channels-last in the IR): `Conv` (1D/2D,
 * depthwise when group = channels), `MaxPool`, `AveragePool`, `GlobalAveragePool` and `GlobalMaxPool`.
 */
import type { LayerKind } from '../layer-kinds.js';
import type { LayerSpec } from '../layer-spec.js';
import { tensor } from '../tensor.js';
import type { Activ, Conversion, OnnxNode } from './onnx-context.js';
import { attrInt, attrInts } from './onnx-decode.js';
import { quantizersOf } from './onnx-ops-dense.js';
import { paddingAttr, readWindow, samePads, windowOutput, type IrWindow } from './onnx-window.js';
import { channelVector, convKernel, depthwiseKernel } from './onnx-weights.js';

/** The input of a window op in channels-first layout, checked to be 1D (N,C,W) or 2D (N,C,H,W). */
function windowInput(cx: Conversion, node: OnnxNode): { x: Activ; dims: '1D' | '2D' } {
  const x = cx.ensureLayout(cx.activ(node), 'cf');
  const rank = x.onnxShape.length;
  if (rank !== 3 && rank !== 4) cx.unsupported(node, `a rank-${rank} input [${x.onnxShape.join(',')}] (only 1D and 2D windows are)`);
  return { x, dims: rank === 4 ? '2D' : '1D' };
}

function window(cx: Conversion, node: OnnxNode, kernel: readonly number[], x: Activ): IrWindow {
  const w = readWindow(node.attrs, kernel, x.onnxShape.slice(2));
  if (typeof w === 'string') cx.corrupt(node, w);
  return w;
}

/** `Conv` → Conv1D/Conv2D (group 1) or DepthwiseConv1D/2D (group = input channels); weights to Keras layout. */
export const conv = (cx: Conversion, node: OnnxNode): void => {
  const { x, dims } = windowInput(cx, node);
  const w = cx.requireConst(node, 1, 'weight');
  const channels = x.onnxShape[1];
  const filters = w.shape[0];
  const group = attrInt(node.attrs, 'group', 1);
  if (w.shape.length !== x.onnxShape.length || w.shape[1] * group !== channels) {
    cx.corrupt(node, `a weight of shape [${w.shape.join(',')}] with group ${group} does not fit ${channels} input channels`);
  }
  const depthwise = group > 1 && group === channels && filters % channels === 0;
  if (group !== 1 && !depthwise) cx.unsupported(node, `grouped convolution (group=${group} with ${channels} channels)`);
  const kernel = w.shape.slice(2);
  const declared = attrInts(node.attrs, 'kernel_shape', kernel);
  if (declared.join() !== kernel.join()) cx.corrupt(node, `kernel_shape [${declared.join(',')}] differs from the weight's [${kernel.join(',')}]`);
  const win = window(cx, node, kernel, x);
  const b = node.inputs[2] ? cx.requireConst(node, 2, 'bias') : undefined;
  const bias = b ? channelVector(b, 1, 0, filters) : undefined;
  if (typeof bias === 'string') cx.corrupt(node, `bias: ${bias}`);
  const weight = depthwise ? depthwiseKernel(w, channels) : convKernel(w);
  const quant = quantizersOf({ weight: w, bias: b });
  const spec: LayerSpec = {
    name: cx.uniqueName(node.base),
    kind: `${depthwise ? 'DepthwiseConv' : 'Conv'}${dims}` as LayerKind,
    sourceClass: node.op,
    inputs: [x.layer],
    params: bias ? { weight, bias: tensor([filters], bias) } : { weight },
    attrs: {
      kernel: win.kernel,
      strides: win.strides,
      dilation: win.dilation,
      ...paddingAttr(win),
      ...(depthwise ? { depthMultiplier: filters / channels } : { filters }),
    },
    ...(quant ? { quantizers: quant } : {}),
  };
  cx.bind(node.outputs[0], cx.emit(spec, 'cf'));
};

function padTotals(win: IrWindow, spatial: readonly number[]): number[] {
  if (win.padding === 'valid') return spatial.map(() => 0);
  if (win.padding === 'same') return spatial.map((d, i) => samePads(d, win.kernel[i], win.strides[i], 1).reduce((a, p) => a + p, 0));
  const [t, b, l, r] = win.padding;
  return spatial.length === 1 ? [l + r] : [t + b, l + r];
}

/** `MaxPool` / `AveragePool` → MaxPooling1D/2D / AveragePooling1D/2D (ONNX strides default to 1, not the pool size). */
export const pool = (cx: Conversion, node: OnnxNode): void => {
  const { x, dims } = windowInput(cx, node);
  const spatial = x.onnxShape.slice(2);
  const kernel = attrInts(node.attrs, 'kernel_shape', []);
  if (kernel.length === 0) cx.corrupt(node, 'kernel_shape is missing');
  const win = window(cx, node, kernel, x);
  if (win.dilation.some((d) => d !== 1)) cx.unsupported(node, `dilated pooling (dilations [${win.dilation.join(',')}])`);
  if (attrInt(node.attrs, 'ceil_mode', 0) === 1) {
    const pads = padTotals(win, spatial);
    const differs = spatial.some(
      (d, i) => windowOutput(d, pads[i], kernel[i], win.strides[i], true) !== windowOutput(d, pads[i], kernel[i], win.strides[i], false),
    );
    if (differs) cx.unsupported(node, 'ceil_mode=1 where it changes the output size');
  }
  const spec: LayerSpec = {
    name: cx.uniqueName(node.base),
    kind: `${node.op === 'MaxPool' ? 'Max' : 'Average'}Pooling${dims}` as LayerKind,
    sourceClass: node.op,
    inputs: [x.layer],
    attrs: { pool: win.kernel, strides: win.strides, ...paddingAttr(win) },
  };
  cx.bind(node.outputs[0], cx.emit(spec, 'cf'));
};

/** `GlobalAveragePool` / `GlobalMaxPool` → GlobalAveragePooling1D/2D / GlobalMaxPooling1D/2D (IR shape [C]). */
export const globalPool = (cx: Conversion, node: OnnxNode): void => {
  const { x, dims } = windowInput(cx, node);
  const spec: LayerSpec = {
    name: cx.uniqueName(node.base),
    kind: `Global${node.op === 'GlobalMaxPool' ? 'Max' : 'Average'}Pooling${dims}` as LayerKind,
    sourceClass: node.op,
    inputs: [x.layer],
  };
  const onnxShape = x.onnxShape.map((d, i) => (i < 2 ? d : 1));
  cx.bind(node.outputs[0], cx.emit(spec, 'cf', onnxShape));
};
