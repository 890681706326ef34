/**
 * Constant folding: `Constant` nodes, and `Transpose`/`Reshape`/`Flatten` applied to constants (exporters put
 * them on weights), so that weights reach their layer as plain constants.
 */
import { transpose } from '../tensor.js';
import type { ConstVal, Conversion, OnnxNode } from './onnx-context.js';
import { attrInt, attrInts, decodeTensor, toNumber } from './onnx-decode.js';
import { resolveReshape } from './onnx-layout.js';

/** `Constant` (value, value_float(s), value_int(s)) → a constant tensor; no layer. */
export const constantNode = (cx: Conversion, node: OnnxNode): void => {
  const a = node.attrs;
  let value: ConstVal;
  if (a.get('value')?.t) value = decodeTensor(a.get('value')?.t ?? {}, cx.file);
  else if (a.has('value_float')) value = { shape: [], data: Float64Array.of(a.get('value_float')?.f ?? 0) };
  else if (a.has('value_floats')) value = vector(a.get('value_floats')?.floats ?? []);
  else if (a.has('value_int')) value = { shape: [], data: Float64Array.of(toNumber(a.get('value_int')?.i)) };
  else if (a.has('value_ints')) value = vector((a.get('value_ints')?.ints ?? []).map(toNumber));
  else cx.unsupported(node, `a constant given as '${[...a.keys()].join(', ')}'`);
  cx.setConst(node.outputs[0], value);
};

function vector(values: readonly number[]): ConstVal {
  return { shape: [values.length], data: Float64Array.from(values) };
}

/** Folds `Transpose`, `Reshape` or `Flatten` of a constant into a new constant; false when the input is no constant. */
export function foldShapeOfConstant(cx: Conversion, node: OnnxNode): boolean {
  const c = cx.constant(node.inputs[0]);
  if (!c) return false;
  let shape: readonly number[];
  let data = c.data;
  if (node.op === 'Transpose') {
    const rank = c.shape.length;
    const perm = attrInts(node.attrs, 'perm', Array.from({ length: rank }, (_, i) => rank - 1 - i));
    if (perm.length !== rank) cx.corrupt(node, `perm [${perm.join(',')}] for a rank-${rank} constant`);
    const t = transpose({ shape: c.shape, data: Float32Array.from(c.data) }, perm); // weights are float32 already
    shape = t.shape;
    data = Float64Array.from(t.data);
  } else if (node.op === 'Reshape') {
    const target = resolveReshape(c.shape, Array.from(cx.requireConst(node, 1, 'target shape').data), attrInt(node.attrs, 'allowzero', 0) === 1);
    if (typeof target === 'string') cx.corrupt(node, target);
    shape = target;
  } else {
    const axis = attrInt(node.attrs, 'axis', 1);
    const a = axis < 0 ? axis + c.shape.length : axis;
    shape = [c.shape.slice(0, a).reduce((n, d) => n * d, 1), c.shape.slice(a).reduce((n, d) => n * d, 1)];
  }
  cx.setConst(node.outputs[0], { ...c, shape, data });
  return true;
}
