/**
 * Handlers for the QONNX quantisers `Quant` and `BipolarQuant`. On a constant (a weight or bias) the values are
 * quantised and the constant carries the precision into its consumer's `quantizers.weight`/`bias`; on an
 * activation a linear Activation with `quantizers.result` is emitted, later merged into its producer.
 */
import type { FixedType } from '../../fixed/precision.js';
import type { LayerSpec } from '../layer-spec.js';
import type { Conversion, OnnxNode } from './onnx-context.js';
import { attrInt, attrString } from './onnx-decode.js';
import { BIPOLAR_PRECISION, bipolarValues, isRoundingMode, quantizeValues, quantPrecision, type QuantParams } from './onnx-quant.js';

function readQuantParams(cx: Conversion, node: OnnxNode): QuantParams {
  const scale = cx.requireConst(node, 1, 'scale');
  const zeroPoint = cx.requireConst(node, 2, 'zero point');
  const bitwidth = cx.requireConst(node, 3, 'bit width');
  if (bitwidth.data.length !== 1) cx.unsupported(node, `a bit width with ${bitwidth.data.length} values (only a scalar is)`);
  const rounding = attrString(node.attrs, 'rounding_mode', 'ROUND').toUpperCase();
  if (!isRoundingMode(rounding)) cx.corrupt(node, `unknown rounding_mode '${rounding}'`);
  return {
    scale,
    zeroPoint,
    bitwidth: bitwidth.data[0],
    signed: attrInt(node.attrs, 'signed', 1) === 1,
    narrow: attrInt(node.attrs, 'narrow', 0) === 1,
    rounding,
  };
}

function precisionOf(cx: Conversion, node: OnnxNode, q: QuantParams): FixedType {
  let result;
  try {
    result = quantPrecision(q);
  } catch (e) {
    cx.corrupt(node, (e as Error).message);
  }
  for (const note of result.notes) cx.warn(node, note);
  return result.precision;
}

function emitQuantActivation(cx: Conversion, node: OnnxNode, precision: FixedType, fn: 'linear' | 'binary_tanh'): void {
  const x = cx.activ(node);
  const spec: LayerSpec = {
    name: cx.uniqueName(node.base),
    kind: 'Activation',
    sourceClass: node.op,
    inputs: [x.layer],
    activation: { fn },
    quantizers: { result: precision },
  };
  if (fn === 'linear') cx.quantActs.add(spec.name);
  cx.bind(node.outputs[0], cx.emit(spec, x.layout, x.onnxShape));
}

function broadcastError(cx: Conversion, node: OnnxNode, e: unknown): never {
  cx.corrupt(node, (e as Error).message);
}

/** QONNX `Quant` (x, scale, zero point, bit width; attributes signed, narrow, rounding_mode). */
export const quant = (cx: Conversion, node: OnnxNode): void => {
  const q = readQuantParams(cx, node);
  const precision = precisionOf(cx, node, q);
  const c = cx.constant(node.inputs[0]);
  if (!c) return emitQuantActivation(cx, node, precision, 'linear');
  let data: Float64Array;
  try {
    data = quantizeValues(c, q);
  } catch (e) {
    broadcastError(cx, node, e);
  }
  cx.setConst(node.outputs[0], { shape: c.shape, data, precision });
};

/** QONNX `BipolarQuant` (x, scale): ±scale, hls4ml's binary type `fixed(1,1)` marked binary. */
export const bipolarQuant = (cx: Conversion, node: OnnxNode): void => {
  const scale = cx.requireConst(node, 1, 'scale');
  const c = cx.constant(node.inputs[0]);
  if (!c) return emitQuantActivation(cx, node, BIPOLAR_PRECISION, 'binary_tanh');
  let data: Float64Array;
  try {
    data = bipolarValues(c, scale);
  } catch (e) {
    broadcastError(cx, node, e);
  }
  cx.setConst(node.outputs[0], { shape: c.shape, data, precision: BIPOLAR_PRECISION });
};
