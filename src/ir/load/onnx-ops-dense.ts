/**
 * Handlers for the ONNX ops that become Dense and BatchNormalization layers: `Gemm`, `MatMul` (with a following
 * `Add` of a constant folded in as the bias, also after `Conv`) and `BatchNormalization` (folded to scale/bias).
 */
import type { Precision } from '../../fixed/precision.js';
import { CONV_KINDS, type LayerKind } from '../layer-kinds.js';
import type { LayerSpec } from '../layer-spec.js';
import { tensor, type Tensor } from '../tensor.js';
import type { Activ, ConstVal, Conversion, OnnxNode } from './onnx-context.js';
import { attrFloat, attrInt } from './onnx-decode.js';
import { irAxes, irShapeOf, sameShape } from './onnx-layout.js';
import { channelVector, denseKernel } from './onnx-weights.js';

/** The `quantizers` of a layer from the precisions its constant inputs carry (QONNX `Quant` on weights). */
export function quantizersOf(entries: Readonly<Record<string, ConstVal | undefined>>): Record<string, Precision> | undefined {
  const q: Record<string, Precision> = {};
  for (const [key, c] of Object.entries(entries)) if (c?.precision) q[key] = c.precision;
  return Object.keys(q).length > 0 ? q : undefined;
}

function emitDense(cx: Conversion, node: OnnxNode, x: Activ, weight: Tensor, bias: Float32Array | undefined, quant?: Record<string, Precision>): void {
  const [nIn, nOut] = weight.shape;
  const features = x.irShape[x.irShape.length - 1];
  if (features !== nIn) cx.corrupt(node, `a weight of shape [${weight.shape.join(',')}] does not fit an input with ${features} features`);
  const spec: LayerSpec = {
    name: cx.uniqueName(node.base),
    kind: 'Dense',
    sourceClass: node.op,
    inputs: [x.layer],
    params: bias ? { weight, bias: tensor([nOut], bias) } : { weight },
    attrs: { units: nOut },
    ...(quant ? { quantizers: quant } : {}),
  };
  cx.bind(node.outputs[0], cx.emit(spec, 'cl', [...x.onnxShape.slice(0, -1), nOut]));
}

/** `Gemm` (Y = alpha·A·B' + beta·C, B constant) → Dense; transB=1 (PyTorch `Linear`) transposes the weight. */
export const gemm = (cx: Conversion, node: OnnxNode): void => {
  if (attrInt(node.attrs, 'transA', 0) !== 0) cx.unsupported(node, 'transA=1 (a transposed activation)');
  const x = cx.ensureLayout(cx.activ(node), 'cl');
  const b = cx.requireConst(node, 1, 'weight');
  if (b.shape.length !== 2) cx.corrupt(node, `its weight has rank ${b.shape.length}, Gemm needs a matrix`);
  const weight = denseKernel(b, attrInt(node.attrs, 'transB', 0) === 1, attrFloat(node.attrs, 'alpha', 1));
  const c = node.inputs[2] ? cx.requireConst(node, 2, 'bias') : undefined;
  let bias: Float32Array | undefined;
  if (c) {
    const v = channelVector(c, 2, 1, weight.shape[1]);
    if (typeof v === 'string') cx.corrupt(node, `bias: ${v}`);
    const beta = attrFloat(node.attrs, 'beta', 1);
    bias = beta === 1 ? v : v.map((e) => e * beta);
  }
  emitDense(cx, node, x, weight, bias, quantizersOf({ weight: b, bias: c }));
};

/** `MatMul` of an activation by a constant matrix → Dense without bias (a following `Add` supplies it). */
export const matMul = (cx: Conversion, node: OnnxNode): void => {
  const x = cx.ensureLayout(cx.activ(node), 'cl');
  const b = cx.requireConst(node, 1, 'weight');
  if (b.shape.length !== 2) cx.unsupported(node, `a weight of rank ${b.shape.length} (only a constant matrix is supported)`);
  emitDense(cx, node, x, denseKernel(b, false), undefined, quantizersOf({ weight: b }));
};

const BIAS_KINDS: ReadonlySet<LayerKind> = new Set<LayerKind>(['Dense', ...CONV_KINDS]);

/**
 * Folds `Add(x, constant)` into the bias of the Dense/Conv layer producing x when x has no other reader and the
 * constant is one value per channel; returns false (changing nothing) otherwise.
 */
export function fuseBiasAdd(cx: Conversion, node: OnnxNode, activIndex: number): boolean {
  const x = cx.activ(node, activIndex);
  const c = cx.constant(node.inputs[1 - activIndex]);
  const spec = cx.spec(x.layer);
  if (!c || !spec || !BIAS_KINDS.has(spec.kind) || cx.layerReads(x.layer) !== 1) return false;
  if (!sameShape(x.irShape, irShapeOf(x.onnxShape, x.layout))) return false;
  const rank = x.onnxShape.length;
  const n = x.irShape[x.irShape.length - 1];
  const v = channelVector(c, rank, irAxes(rank, x.layout)[rank - 2], n);
  if (typeof v === 'string') return false;
  const old = spec.params?.bias;
  const bias = tensor([n], old ? old.data.map((b, i) => b + v[i]) : v);
  cx.patch(x.layer, (s) => ({
    ...s,
    params: { ...s.params, bias },
    ...(c.precision ? { quantizers: { ...s.quantizers, bias: c.precision } } : {}),
  }));
  cx.alias(node.outputs[0], x);
  return true;
}

function channelParam(cx: Conversion, node: OnnxNode, index: number, what: string, n: number): Float64Array {
  const c = cx.requireConst(node, index, what);
  if (c.data.length !== n) cx.corrupt(node, `${what} has ${c.data.length} values for ${n} channels`);
  return c.data;
}

/** `BatchNormalization` (inference form) → BatchNormalization with hls4ml's folded scale = γ/√(σ²+ε), bias = β − μ·scale. */
export const batchNorm = (cx: Conversion, node: OnnxNode): void => {
  const raw = cx.activ(node);
  const x = cx.ensureLayout(raw, raw.onnxShape.length > 2 ? 'cf' : 'cl');
  const n = x.onnxShape[1];
  const gamma = channelParam(cx, node, 1, 'scale (gamma)', n);
  const beta = channelParam(cx, node, 2, 'bias (beta)', n);
  const mean = channelParam(cx, node, 3, 'mean', n);
  const variance = channelParam(cx, node, 4, 'variance', n);
  const epsilon = attrFloat(node.attrs, 'epsilon', 1e-5);
  const scale = gamma.map((g, i) => g / Math.sqrt(variance[i] + epsilon));
  const bias = beta.map((b, i) => b - mean[i] * scale[i]);
  const spec: LayerSpec = {
    name: cx.uniqueName(node.base),
    kind: 'BatchNormalization',
    sourceClass: node.op,
    inputs: [x.layer],
    params: { scale: tensor([n], scale), bias: tensor([n], bias) },
    attrs: { epsilon },
    fileParamCount: 4 * n,
  };
  cx.bind(node.outputs[0], cx.emit(spec, x.layout, x.onnxShape));
};
