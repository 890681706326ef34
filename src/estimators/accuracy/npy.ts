/**
 * NumPy `.npy` files (format versions 1–3, little-endian, C order) read into and written from typed data.
 * @see NEP 1 / numpy.lib.format: magic `\x93NUMPY`, major/minor version, little-endian header length (uint16 in
 *   v1.0, uint32 in v2.0/v3.0), a Python dict literal header (`descr`, `fortran_order`, `shape`) padded with
 *   spaces and ended by `\n` so the data starts on a 64-byte boundary, then the raw data.
 */
import { fail } from '../../util/errors.js';

/** Element types of `.npy` files hlsdse reads and writes (`descr` without its byte-order character). */
export const NPY_DTYPES = ['f2', 'f4', 'f8', 'i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8', 'b1'] as const;
/** An `.npy` element type. */
export type NpyDtype = (typeof NPY_DTYPES)[number];

/** A decoded `.npy` array: values as doubles in C order. */
export interface NpyArray {
  readonly shape: readonly number[];
  readonly dtype: NpyDtype;
  readonly version: 1 | 2 | 3;
  readonly data: Float64Array;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const ITEM_SIZE: Readonly<Record<NpyDtype, number>> = { f2: 2, f4: 4, f8: 8, i1: 1, i2: 2, i4: 4, i8: 8, u1: 1, u2: 2, u4: 4, u8: 8, b1: 1 };

function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

/** Rounds `full >>> shift` to nearest, ties to even. */
function roundShift(full: number, shift: number): number {
  const q = full >>> shift;
  const rem = full & ((1 << shift) - 1);
  const half = 1 << (shift - 1);
  return rem > half || (rem === half && q & 1) ? q + 1 : q;
}

/** float64 → IEEE half bits, through float32, rounding to nearest even as numpy's cast does. */
function floatToHalf(v: number): number {
  const x = new Uint32Array(new Float32Array([v]).buffer)[0];
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  const mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 31) return sign | 0x7c00;
  if (e <= 0) return e < -10 ? sign : sign | roundShift(mant | 0x800000, 14 - e);
  return sign | roundShift((e << 23) | mant, 13); // a carry into the exponent (up to infinity) is correct
}

function headerField(header: string, key: string): string | undefined {
  const m = new RegExp(`['"]${key}['"]\\s*:\\s*('[^']*'|"[^"]*"|\\([^)]*\\)|\\[[^\\]]*\\]|True|False)`).exec(header);
  return m?.[1];
}

/** Decodes an `.npy` file (versions 1.0–3.0, little-endian numeric dtypes, C order). */
export function parseNpy(bytes: Uint8Array, file: string): NpyArray {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) fail('corrupt-file', file, 'not a NumPy .npy file (no \\x93NUMPY magic string)');
  const major = bytes[6];
  if (major !== 1 && major !== 2 && major !== 3) fail('unsupported-format', file, `.npy format version ${major}.${bytes[7]} is not supported (expected 1.0, 2.0 or 3.0)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lenSize = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lenSize) fail('corrupt-file', file, 'truncated .npy header');
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = 8 + lenSize;
  if (bytes.length < start + headerLen) fail('corrupt-file', file, `truncated .npy header: needs ${headerLen} bytes, the file has ${bytes.length - start}`);
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(start, start + headerLen));
  const descrRaw = headerField(header, 'descr');
  const fortranRaw = headerField(header, 'fortran_order');
  const shapeRaw = headerField(header, 'shape');
  if (!descrRaw || !fortranRaw || !shapeRaw) fail('corrupt-file', file, `.npy header lacks descr, fortran_order or shape: ${header.trim()}`);
  if (descrRaw.startsWith('[')) fail('unsupported-format', file, 'structured .npy arrays (record dtypes) are not supported; save a plain numeric array');
  const descr = descrRaw.slice(1, -1);
  const order = descr[0];
  const code = (/^[<>|=]/.test(descr) ? descr.slice(1) : descr) as NpyDtype;
  if (!NPY_DTYPES.includes(code)) fail('unsupported-format', file, `.npy dtype '${descr}' is not supported (expected float16/32/64, int8–64, uint8–64 or bool)`);
  if (order === '>' && ITEM_SIZE[code] > 1) fail('unsupported-format', file, `.npy dtype '${descr}' is big-endian; save it little-endian (arr.astype('<${code}'))`);
  if (fortranRaw === 'True') fail('unsupported-format', file, '.npy array is in Fortran order; save it in C order (np.ascontiguousarray)');
  const dims = shapeRaw.slice(1, -1).split(',').map((s) => s.trim().replace(/L$/, '')).filter((s) => s !== '');
  if (dims.some((d) => !/^\d+$/.test(d))) fail('corrupt-file', file, `.npy shape ${shapeRaw} is not a tuple of integers`);
  const shape = dims.map(Number);
  const n = shape.reduce((a, b) => a * b, 1);
  const size = ITEM_SIZE[code];
  const dataStart = start + headerLen;
  if (bytes.length - dataStart < n * size) {
    fail('corrupt-file', file, `truncated .npy data: shape (${shape.join(', ')}) of ${code} needs ${n * size} bytes, the file has ${bytes.length - dataStart}`);
  }
  const data = new Float64Array(n);
  for (let i = 0, o = dataStart; i < n; i++, o += size) data[i] = readValue(view, o, code);
  return { shape, dtype: code, version: major, data };
}

function readValue(v: DataView, o: number, code: NpyDtype): number {
  switch (code) {
    case 'f2': return halfToFloat(v.getUint16(o, true));
    case 'f4': return v.getFloat32(o, true);
    case 'f8': return v.getFloat64(o, true);
    case 'i1': return v.getInt8(o);
    case 'i2': return v.getInt16(o, true);
    case 'i4': return v.getInt32(o, true);
    case 'i8': return Number(v.getBigInt64(o, true));
    case 'u1': return v.getUint8(o);
    case 'u2': return v.getUint16(o, true);
    case 'u4': return v.getUint32(o, true);
    case 'u8': return Number(v.getBigUint64(o, true));
    case 'b1': return v.getUint8(o) ? 1 : 0;
  }
}

function writeValue(v: DataView, o: number, code: NpyDtype, x: number): void {
  if (code[0] !== 'f' && code !== 'b1' && !Number.isInteger(x)) throw new RangeError(`cannot store ${x} as ${code}: not an integer`);
  switch (code) {
    case 'f2': return v.setUint16(o, floatToHalf(x), true);
    case 'f4': return v.setFloat32(o, x, true);
    case 'f8': return v.setFloat64(o, x, true);
    case 'i1': return v.setInt8(o, x);
    case 'i2': return v.setInt16(o, x, true);
    case 'i4': return v.setInt32(o, x, true);
    case 'i8': return v.setBigInt64(o, BigInt(x), true);
    case 'u1': return v.setUint8(o, x);
    case 'u2': return v.setUint16(o, x, true);
    case 'u4': return v.setUint32(o, x, true);
    case 'u8': return v.setBigUint64(o, BigInt(x), true);
    case 'b1': return v.setUint8(o, x ? 1 : 0);
  }
}

/** Encodes an array as `.npy` bytes exactly as `numpy.save` (numpy ≥ 1.24) lays them out: little-endian, C order. */
export function encodeNpy(
  array: { readonly shape: readonly number[]; readonly data: ArrayLike<number> },
  options: { readonly dtype?: NpyDtype; readonly version?: 1 | 2 | 3 } = {},
): Uint8Array {
  const dtype = options.dtype ?? 'f8';
  const n = array.shape.reduce((a, b) => a * b, 1);
  if (n !== array.data.length) throw new RangeError(`shape (${array.shape.join(', ')}) needs ${n} values, got ${array.data.length}`);
  const order = ITEM_SIZE[dtype] === 1 ? '|' : '<';
  const shape = array.shape.length === 1 ? `(${array.shape[0]},)` : `(${array.shape.join(', ')})`;
  let dict = `{'descr': '${order}${dtype}', 'fortran_order': False, 'shape': ${shape}, }`;
  // numpy leaves room for the first axis to grow to 21 digits, then pads so the data starts on 64 bytes.
  if (array.shape.length > 0) dict += ' '.repeat(Math.max(0, 21 - String(array.shape[0]).length));
  const version = options.version ?? (dict.length + 75 > 65535 ? 2 : 1);
  const pre = version === 1 ? 10 : 12;
  dict += ' '.repeat(64 - ((pre + dict.length + 1) % 64)) + '\n';
  const head = new TextEncoder().encode(dict);
  const out = new Uint8Array(pre + head.length + n * ITEM_SIZE[dtype]);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  out[6] = version;
  out[7] = 0;
  if (version === 1) view.setUint16(8, head.length, true);
  else view.setUint32(8, head.length, true);
  out.set(head, pre);
  for (let i = 0, o = pre + head.length; i < n; i++, o += ITEM_SIZE[dtype]) writeValue(view, o, dtype, array.data[i]);
  return out;
}
