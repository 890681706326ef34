/**
 * Handlers for ONNX activation ops → the IR's `Activation` (or `Softmax`) layers, which keep their input's layout.
 */
import type { ActivationFn, ActivationSpec } from '../layer.js';
import type { LayerSpec } from '../layer-spec.js';
import type { Conversion, OnnxNode } from './onnx-context.js';
import { attrFloat, attrInt } from './onnx-decode.js';
import { irAxes, normalizeAxis } from './onnx-layout.js';

/** ONNX activation ops and the IR function each becomes. */
const FUNCTIONS: Readonly<Record<string, ActivationFn>> = {
  Relu: 'relu',
  Sigmoid: 'sigmoid',
  Tanh: 'tanh',
  LeakyRelu: 'leaky_relu',
  Elu: 'elu',
  Selu: 'selu',
  HardSigmoid: 'hard_sigmoid',
  Softplus: 'softplus',
  Softsign: 'softsign',
  ThresholdedRelu: 'thresholded_relu',
};

/** The op types {@link activation} handles. */
export const ACTIVATION_OPS: readonly string[] = Object.keys(FUNCTIONS);

/** Attribute defaults ONNX gives and that the IR's functions assume (warned about when a file differs). */
function activationSpec(cx: Conversion, node: OnnxNode): ActivationSpec {
  const fn = FUNCTIONS[node.op];
  if (fn === 'leaky_relu') return { fn, alpha: attrFloat(node.attrs, 'alpha', 0.01) };
  if (fn === 'elu') return { fn, alpha: attrFloat(node.attrs, 'alpha', 1) };
  if (fn === 'thresholded_relu') return { fn, theta: attrFloat(node.attrs, 'alpha', 1) };
  if (fn === 'hard_sigmoid') {
    const alpha = attrFloat(node.attrs, 'alpha', 0.2);
    const beta = attrFloat(node.attrs, 'beta', 0.5);
    if (Math.abs(alpha - 0.2) > 1e-6 || Math.abs(beta - 0.5) > 1e-6) {
      cx.warn(node, `HardSigmoid with alpha=${alpha}, beta=${beta} is modelled as hls4ml's hard_sigmoid (0.2x + 0.5)`);
    }
  }
  if (fn === 'selu') {
    const alpha = attrFloat(node.attrs, 'alpha', 1.67326319217681884765625);
    const gamma = attrFloat(node.attrs, 'gamma', 1.05070102214813232421875);
    if (Math.abs(alpha - 1.6732632) > 1e-5 || Math.abs(gamma - 1.050701) > 1e-5) {
      cx.warn(node, `Selu with alpha=${alpha}, gamma=${gamma} is modelled as the standard selu`);
    }
  }
  return { fn };
}

/** Relu, Sigmoid, Tanh, LeakyRelu(alpha), Elu(alpha), Selu, HardSigmoid, Softplus, Softsign, ThresholdedRelu → Activation. */
export const activation = (cx: Conversion, node: OnnxNode): void => {
  const x = cx.activ(node);
  const spec: LayerSpec = {
    name: cx.uniqueName(node.base),
    kind: 'Activation',
    sourceClass: node.op,
    inputs: [x.layer],
    activation: activationSpec(cx, node),
  };
  cx.bind(node.outputs[0], cx.emit(spec, x.layout, x.onnxShape));
};

/**
 * `Softmax` → Softmax over the IR's last (channel) axis. When ONNX's axis (default 1 before opset 13, −1 from 13)
 * means something else, a warning says what was modelled.
 */
export const softmax = (cx: Conversion, node: OnnxNode): void => {
  const x = cx.activ(node);
  const rank = x.onnxShape.length;
  const raw = attrInt(node.attrs, 'axis', cx.opset >= 13 ? -1 : 1);
  const axis = normalizeAxis(raw, rank);
  if (axis === undefined) cx.corrupt(node, `axis ${raw} for a rank-${rank} input`);
  const channel = irAxes(rank, x.layout)[rank - 2];
  // Before opset 13 the softmax spans the flattened axes from `axis` on.
  const ok = cx.opset >= 13 ? axis === channel : channel >= axis && x.onnxShape.every((d, i) => i < axis || i === channel || d === 1);
  if (!ok) {
    cx.warn(node, `softmax over ONNX axis ${raw} of [${x.onnxShape.join(',')}] is modelled as a softmax over the channel axis`);
  }
  const spec: LayerSpec = {
    name: cx.uniqueName(node.base),
    kind: 'Softmax',
    sourceClass: node.op,
    inputs: [x.layer],
    activation: { fn: 'softmax' },
  };
  cx.bind(node.outputs[0], cx.emit(spec, x.layout, x.onnxShape));
};
