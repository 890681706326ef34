/**
 * Decoding of ONNX protobuf messages into plain values: the model itself, tensors (initializers and `Constant`
 * values), node attributes and the shapes of graph inputs.
 * @see https://github.com/onnx/onnx/blob/main/onnx/onnx.proto
 */
import onnxProto from 'onnx-proto';
import type { onnx } from 'onnx-proto';
import { fail } from '../../util/errors.js';

/** A constant tensor as the file stores it (ONNX layout, batch dimension included where there is one). */
export interface ConstTensor {
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

/** A 64-bit protobuf integer as protobufjs hands it out (a `Long` object when the `long` package is present). */
type ProtoInt = number | { toNumber(): number } | null | undefined;

/** Converts a protobuf integer (number or `Long`) to a JavaScript number. */
export function toNumber(v: ProtoInt): number {
  if (v === null || v === undefined) return 0;
  return typeof v === 'number' ? v : v.toNumber();
}

/** Decodes an ONNX `ModelProto`; anything that is not one (truncated, garbage, no graph) is a `corrupt-file` error. */
export function decodeModel(buf: Uint8Array, file: string): onnx.ModelProto {
  let model: onnx.ModelProto;
  try {
    model = onnxProto.onnx.ModelProto.decode(buf);
  } catch (e) {
    fail('corrupt-file', file, `not a valid ONNX model: ${(e as Error).message}`, e);
  }
  if (!model.graph) fail('corrupt-file', file, 'not a valid ONNX model: it has no graph');
  if (!model.graph.node?.length) fail('corrupt-file', file, 'not a valid ONNX model: its graph has no nodes');
  return model;
}

/** Bytes per element and a little-endian reader for each ONNX data type stored as `raw_data`. */
const RAW_READERS: Readonly<Record<number, readonly [number, (dv: DataView, off: number) => number]>> = {
  1: [4, (dv, o) => dv.getFloat32(o, true)],
  2: [1, (dv, o) => dv.getUint8(o)],
  3: [1, (dv, o) => dv.getInt8(o)],
  4: [2, (dv, o) => dv.getUint16(o, true)],
  5: [2, (dv, o) => dv.getInt16(o, true)],
  6: [4, (dv, o) => dv.getInt32(o, true)],
  7: [8, (dv, o) => Number(dv.getBigInt64(o, true))],
  9: [1, (dv, o) => dv.getUint8(o)],
  10: [2, (dv, o) => halfToFloat(dv.getUint16(o, true))],
  11: [8, (dv, o) => dv.getFloat64(o, true)],
  12: [4, (dv, o) => dv.getUint32(o, true)],
  13: [8, (dv, o) => Number(dv.getBigUint64(o, true))],
  16: [2, (dv, o) => bfloatToFloat(dv.getUint16(o, true))],
};

/** Converts IEEE-754 half-precision bits to a number. */
function halfToFloat(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >> 10) & 0x1f;
  const frac = bits & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 0x1f) return frac ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

function bfloatToFloat(bits: number): number {
  const dv = new DataView(new ArrayBuffer(4));
  dv.setUint32(0, bits << 16, true);
  return dv.getFloat32(0, true);
}

function typedValues(t: onnx.ITensorProto): readonly number[] {
  const type = t.dataType ?? 0;
  if (type === 1) return t.floatData ?? [];
  if (type === 11) return t.doubleData ?? [];
  if (type === 7) return (t.int64Data ?? []).map(toNumber);
  if (type === 12 || type === 13) return (t.uint64Data ?? []).map(toNumber);
  if (type === 10) return (t.int32Data ?? []).map(halfToFloat);
  if (type === 16) return (t.int32Data ?? []).map(bfloatToFloat);
  return t.int32Data ?? [];
}

/** Reads a `TensorProto` (raw or typed storage, any numeric type) into float64 values with its shape. */
export function decodeTensor(t: onnx.ITensorProto, file: string): ConstTensor {
  const name = t.name ? `'${t.name}'` : '(unnamed)';
  if (t.dataLocation === 1 || (t.externalData && t.externalData.length > 0)) {
    fail('unsupported-format', file, `tensor ${name} keeps its data in an external file, which hlsdse does not read`);
  }
  const shape = (t.dims ?? []).map(toNumber);
  const count = shape.reduce((n, d) => n * d, 1);
  const type = t.dataType ?? 0;
  const raw = t.rawData;
  let data: Float64Array;
  if (raw && raw.length > 0) {
    const reader = RAW_READERS[type];
    if (!reader) fail('unsupported-format', file, `tensor ${name} has data type ${type}, which hlsdse cannot read`);
    const [size, read] = reader;
    if (raw.length !== count * size) {
      fail('corrupt-file', file, `tensor ${name} of shape [${shape.join(',')}] holds ${raw.length} bytes, expected ${count * size}`);
    }
    const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    data = new Float64Array(count);
    for (let i = 0; i < count; i++) data[i] = read(dv, i * size);
  } else {
    if (!(type in RAW_READERS)) fail('unsupported-format', file, `tensor ${name} has data type ${type}, which hlsdse cannot read`);
    data = Float64Array.from(typedValues(t));
    if (data.length !== count) {
      fail('corrupt-file', file, `tensor ${name} of shape [${shape.join(',')}] holds ${data.length} values, expected ${count}`);
    }
  }
  return { shape, data };
}

/** Dimensions of a graph input or output: numbers, or the symbolic name (`dim_param`) of an unknown dimension. */
export function valueShape(vi: onnx.IValueInfoProto): (number | string)[] | undefined {
  const dims = vi.type?.tensorType?.shape?.dim;
  if (!dims) return undefined;
  return dims.map((d) => (d.dimParam ? d.dimParam : d.dimValue === null || d.dimValue === undefined ? '?' : toNumber(d.dimValue)));
}

/** The attributes of one node by name. */
export type AttrMap = ReadonlyMap<string, onnx.IAttributeProto>;

/** Collects a node's attributes into a map by name. */
export function attrMap(node: onnx.INodeProto): AttrMap {
  return new Map((node.attribute ?? []).map((a) => [a.name ?? '', a]));
}

/** Integer attribute, or `fallback` when absent. */
export function attrInt(attrs: AttrMap, name: string, fallback: number): number {
  const a = attrs.get(name);
  return a ? toNumber(a.i) : fallback;
}

/** Float attribute, or `fallback` when absent. */
export function attrFloat(attrs: AttrMap, name: string, fallback: number): number {
  const a = attrs.get(name);
  return a ? (a.f ?? 0) : fallback;
}

/** Integer-list attribute, or `fallback` when absent. */
export function attrInts(attrs: AttrMap, name: string, fallback: readonly number[]): number[] {
  const a = attrs.get(name);
  return a ? (a.ints ?? []).map(toNumber) : [...fallback];
}

/** String attribute, or `fallback` when absent. */
export function attrString(attrs: AttrMap, name: string, fallback: string): string {
  const a = attrs.get(name);
  return a?.s ? new TextDecoder().decode(a.s) : fallback;
}
