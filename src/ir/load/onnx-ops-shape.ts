/**
 * Handlers for the ONNX ops that move data without arithmetic, and element-wise merges: `Flatten`, `Reshape`,
 * `Transpose`, `Concat`, `Identity`/`Dropout` (dropped), and `Add`/`Sub`/`Mul` of two activations.
 * Flatten and Reshape follow ONNX's element order, so after a channels-first conv they get an explicit Transpose
 * ([H,W,C] → [C,H,W]) in front, as hls4ml inserts for PyTorch models.
 */
import type { LayerKind } from '../layer-kinds.js';
import type { LayerSpec } from '../layer-spec.js';
import type { Activ, Conversion, OnnxNode } from './onnx-context.js';
import { attrInt, attrInts } from './onnx-decode.js';
import { fuseBiasAdd } from './onnx-ops-dense.js';
import { irAxes, normalizeAxis, permBetween, resolveReshape, sameOrder, sameShape, type Layout } from './onnx-layout.js';

/** `Identity` / `Dropout` (inference): no layer; consumers read the input directly. */
export const passThrough = (cx: Conversion, node: OnnxNode): void => {
  const c = cx.constant(node.inputs[0]);
  if (c) cx.setConst(node.outputs[0], c);
  else cx.alias(node.outputs[0], cx.activ(node));
};

function emitSimple(cx: Conversion, node: OnnxNode, kind: LayerKind, x: Activ, layout: Layout, onnxShape: readonly number[], attrs?: LayerSpec['attrs']): void {
  const spec: LayerSpec = { name: cx.uniqueName(node.base), kind, sourceClass: node.op, inputs: [x.layer], ...(attrs ? { attrs } : {}) };
  cx.bind(node.outputs[0], cx.emit(spec, layout, onnxShape));
}

/** `Flatten` → Flatten over ONNX's element order (axis 0 or 1: with a batch of one both give [1, n]). */
export const flatten = (cx: Conversion, node: OnnxNode): void => {
  const raw = cx.activ(node);
  const axis = normalizeAxis(attrInt(node.attrs, 'axis', 1), raw.onnxShape.length + 1);
  if (axis !== 0 && axis !== 1) cx.unsupported(node, `axis ${attrInt(node.attrs, 'axis', 1)} (only 0 or 1, flattening everything but the batch, is supported)`);
  const x = cx.ensureOrder(raw, 'cl');
  const n = x.onnxShape.slice(1).reduce((a, d) => a * d, 1);
  emitSimple(cx, node, 'Flatten', x, 'cl', [x.onnxShape[0], n]);
};

/** `Reshape` with a constant target shape → Reshape (`targetShape` without the batch dimension). */
export const reshape = (cx: Conversion, node: OnnxNode): void => {
  const raw = cx.activ(node);
  const shape = cx.requireConst(node, 1, 'target shape');
  const target = resolveReshape(raw.onnxShape, Array.from(shape.data), attrInt(node.attrs, 'allowzero', 0) === 1);
  if (typeof target === 'string') cx.corrupt(node, target);
  if (target[0] !== raw.onnxShape[0]) cx.unsupported(node, `it changes the batch dimension (target [${target.join(',')}])`);
  const x = cx.ensureOrder(raw, 'cl');
  emitSimple(cx, node, 'Reshape', x, 'cl', target, { targetShape: target.slice(1) });
};

/**
 * `Transpose` keeping the batch axis first: folded away when it only changes which layout the IR tensor is read in
 * (tf2onnx's NHWC ↔ NCHW pairs around convolutions); otherwise a Transpose layer with `perm` over IR axes.
 */
export const transposeOp = (cx: Conversion, node: OnnxNode): void => {
  const x = cx.activ(node);
  const rank = x.onnxShape.length;
  const perm = attrInts(node.attrs, 'perm', Array.from({ length: rank }, (_, i) => rank - 1 - i));
  if (perm.length !== rank || [...perm].sort((a, b) => a - b).some((p, i) => p !== i)) cx.corrupt(node, `perm [${perm.join(',')}] for a rank-${rank} input`);
  if (perm[0] !== 0) cx.unsupported(node, `perm [${perm.join(',')}] moves the batch axis`);
  const onnxShape = perm.map((p) => x.onnxShape[p]);
  const have = irAxes(rank, x.layout);
  const candidates = (['cl', 'cf'] as const).filter((l) => sameOrder(x.onnxShape, have, irAxes(rank, l).map((a) => perm[a])));
  const fold = candidates.find((l) => sameShape(x.irShape, irAxes(rank, l).map((a) => onnxShape[a]))) ?? candidates[0];
  if (fold) {
    cx.alias(node.outputs[0], { ...x, onnxShape, layout: fold, viewOf: node.base });
    return;
  }
  const exact = cx.ensureLayout(x, x.layout);
  const irPerm = permBetween(have, irAxes(rank, 'cl').map((a) => perm[a]));
  emitSimple(cx, node, 'Transpose', exact, 'cl', onnxShape, { perm: irPerm });
};

/** `Concat` of activations → Concatenate, the axis converted to the IR layout (negative, batch excluded). */
export const concat = (cx: Conversion, node: OnnxNode): void => {
  const first = cx.activ(node);
  const rank = first.onnxShape.length;
  const axis = normalizeAxis(attrInt(node.attrs, 'axis', 1), rank);
  if (axis === undefined) cx.corrupt(node, `axis ${attrInt(node.attrs, 'axis', 1)} for rank ${rank}`);
  if (axis === 0) cx.unsupported(node, 'concatenation along the batch axis');
  const layout: Layout = rank > 2 ? first.layout : 'cl';
  const parts = node.inputs.map((_, i) => cx.ensureLayout(cx.activ(node, i), layout));
  if (parts.some((p) => p.onnxShape.length !== rank)) cx.corrupt(node, 'its inputs differ in rank');
  const onnxShape = [...first.onnxShape];
  onnxShape[axis] = parts.reduce((n, p) => n + p.onnxShape[axis], 0);
  const irAxis = irAxes(rank, layout).indexOf(axis) - (rank - 1);
  const spec: LayerSpec = {
    name: cx.uniqueName(node.base),
    kind: 'Concatenate',
    sourceClass: node.op,
    inputs: parts.map((p) => p.layer),
    attrs: { axis: irAxis },
  };
  cx.bind(node.outputs[0], cx.emit(spec, layout, onnxShape));
};

const MERGE_KIND: Readonly<Record<string, LayerKind>> = { Add: 'Add', Sub: 'Subtract', Mul: 'Multiply' };

/** `Add`/`Sub`/`Mul` of two same-shape activations → Add/Subtract/Multiply; `Add` of a constant → a fused bias. */
export const merge = (cx: Conversion, node: OnnxNode): void => {
  const constIndex = [0, 1].find((i) => cx.constant(node.inputs[i]) !== undefined);
  if (constIndex !== undefined) {
    if (node.op === 'Add' && fuseBiasAdd(cx, node, 1 - constIndex)) return;
    cx.unsupported(node, 'an operand is a constant (only a bias added right after MatMul/Gemm/Conv is supported)');
  }
  const a = cx.activ(node, 0);
  const b = cx.activ(node, 1);
  if (!sameShape(a.onnxShape, b.onnxShape)) {
    cx.unsupported(node, `broadcasting [${a.onnxShape.join(',')}] with [${b.onnxShape.join(',')}]`);
  }
  const layout: Layout = a.onnxShape.length > 2 ? a.layout : 'cl';
  const x = cx.ensureLayout(a, layout);
  const y = cx.ensureLayout(b, layout);
  const spec: LayerSpec = { name: cx.uniqueName(node.base), kind: MERGE_KIND[node.op], sourceClass: node.op, inputs: [x.layer, y.layer] };
  cx.bind(node.outputs[0], cx.emit(spec, layout, x.onnxShape));
};
