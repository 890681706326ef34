/**
 * QONNX quantisers: the arithmetic of `Quant` and `BipolarQuant` (to quantise constant weights) and the fixed-point
 * type hls4ml records for them. Pure functions only.
 * @see qonnx `src/qonnx/custom_op/general/quant.py` (`quant`, `min_int`, `max_int`, `resolve_rounding_mode`)
 * @see hls4ml `model/optimizer/passes/quant_opt.py` (`_calculate_precision_quantizer`, power-of-two scales)
 */
import { fixed, formatPrecision, type FixedType, type OverflowMode, type RoundingMode } from '../../fixed/precision.js';
import type { ConstTensor } from './onnx-decode.js';

/** The parameters of a QONNX `Quant` node once its scale, zero point and bit width are known constants. */
export interface QuantParams {
  readonly scale: ConstTensor;
  readonly zeroPoint: ConstTensor;
  readonly bitwidth: number;
  readonly signed: boolean;
  readonly narrow: boolean;
  /** `ROUND` (half to even), `HALF_EVEN`, `FLOOR`, `CEIL`, `UP`, `DOWN`, `HALF_UP` or `HALF_DOWN`. */
  readonly rounding: string;
}

/** The type hls4ml gives a `BipolarQuant` (±1 in one bit, its `XnorPrecisionType`). */
export const BIPOLAR_PRECISION: FixedType = fixed(1, 1, { signed: false, binary: true });

/** Broadcasts a tensor to `shape` with numpy's rules; throws a `RangeError` when the shapes are incompatible. */
export function broadcastTo(t: ConstTensor, shape: readonly number[]): Float64Array {
  const rank = shape.length;
  if (t.shape.length > rank) throw new RangeError(`cannot broadcast [${t.shape.join(',')}] to [${shape.join(',')}]`);
  const src = [...new Array<number>(rank - t.shape.length).fill(1), ...t.shape];
  const strides = new Array<number>(rank).fill(0);
  let s = 1;
  for (let i = rank - 1; i >= 0; i--) {
    if (src[i] !== 1 && src[i] !== shape[i]) throw new RangeError(`cannot broadcast [${t.shape.join(',')}] to [${shape.join(',')}]`);
    strides[i] = src[i] === 1 ? 0 : s;
    s *= src[i];
  }
  const n = shape.reduce((a, d) => a * d, 1);
  const out = new Float64Array(n);
  const idx = new Array<number>(rank).fill(0);
  for (let o = 0; o < n; o++) {
    let k = 0;
    for (let a = 0; a < rank; a++) k += idx[a] * strides[a];
    out[o] = t.data[k];
    for (let a = rank - 1; a >= 0; a--) {
      if (++idx[a] < shape[a]) break;
      idx[a] = 0;
    }
  }
  return out;
}

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 ? 2 * Math.round(x / 2) : r;
}

const ROUNDERS: Readonly<Record<string, (x: number) => number>> = {
  ROUND: roundHalfEven,
  HALF_EVEN: roundHalfEven,
  CEIL: Math.ceil,
  FLOOR: Math.floor,
  UP: (x) => Math.sign(x) * Math.ceil(Math.abs(x)),
  DOWN: Math.trunc,
  HALF_UP: (x) => Math.sign(x) * Math.floor(Math.abs(x) + 0.5),
  HALF_DOWN: (x) => Math.sign(x) * Math.ceil(Math.abs(x) - 0.5),
};

/** The ap_fixed quantisation mode of each QONNX rounding mode (hls4ml maps ROUND and FLOOR; the rest by meaning). */
const AP_ROUNDING: Readonly<Record<string, RoundingMode>> = {
  ROUND: 'RND_CONV',
  HALF_EVEN: 'RND_CONV',
  FLOOR: 'TRN',
  DOWN: 'TRN_ZERO',
  HALF_UP: 'RND_INF',
  HALF_DOWN: 'RND_ZERO',
};

/** True when `mode` is a rounding mode QONNX defines. */
export function isRoundingMode(mode: string): boolean {
  return mode in ROUNDERS;
}

/** Smallest and largest integer of a QONNX quantiser (`min_int`, `max_int`). */
export function intRange(signed: boolean, narrow: boolean, bits: number): [number, number] {
  if (signed) return [-(2 ** (bits - 1)) + (narrow ? 1 : 0), 2 ** (bits - 1) - 1];
  return [0, 2 ** bits - 1 - (narrow ? 1 : 0)];
}

/** Applies a `Quant` to constant values: clip(x/scale + zp) → round → (q − zp)·scale, as QONNX executes it. */
export function quantizeValues(x: ConstTensor, q: QuantParams): Float64Array {
  const scale = broadcastTo(q.scale, x.shape);
  const zp = broadcastTo(q.zeroPoint, x.shape);
  const bits = Math.ceil(q.bitwidth);
  const [lo, hi] = intRange(q.signed, q.narrow, bits);
  const round = ROUNDERS[q.rounding] ?? roundHalfEven;
  const out = new Float64Array(x.data.length);
  for (let i = 0; i < out.length; i++) {
    const v = x.data[i] / scale[i] + zp[i];
    const n = bits === 1 && q.signed ? (v >= 0 ? 1 : -1) : round(Math.min(Math.max(v, lo), hi));
    out[i] = (n - zp[i]) * scale[i];
  }
  return out;
}

/** Applies a `BipolarQuant` to constant values: +scale where x ≥ 0, −scale elsewhere. */
export function bipolarValues(x: ConstTensor, scale: ConstTensor): Float64Array {
  const s = broadcastTo(scale, x.shape);
  return x.data.map((v, i) => (v >= 0 ? s[i] : -s[i]));
}

/** A quantiser's fixed-point type and what could not be represented exactly. */
export interface QuantPrecision {
  readonly precision: FixedType;
  /** Explanations for warnings (non-power-of-two scale, per-channel scales, zero point, rounding mode). */
  readonly notes: readonly string[];
}

/**
 * The fixed type of a `Quant`: bit width b and scale 2^e give `ap_fixed<b, b+e>` (hls4ml's rule), rounding
 * RND_CONV for ROUND and TRN for FLOOR, saturation SAT (SAT_SYM when narrow). A scale that is not a power of two
 * takes the nearest power; per-channel scales 2^e1…2^e2 widen the type to cover them all; both add a note.
 */
export function quantPrecision(q: QuantParams): QuantPrecision {
  const bits = Math.ceil(q.bitwidth);
  if (bits < 1) throw new RangeError(`bit width ${q.bitwidth} is below 1`);
  if (bits === 1 && q.signed) return { precision: BIPOLAR_PRECISION, notes: [] };
  const notes: string[] = [];
  const rounding = AP_ROUNDING[q.rounding];
  if (!rounding) notes.push(`rounding mode ${q.rounding} has no ap_fixed equivalent, recorded as RND_CONV`);
  let overflow: OverflowMode = 'SAT';
  if (q.narrow && q.signed) overflow = 'SAT_SYM';
  else if (q.narrow) notes.push('narrow range of an unsigned quantiser is not representable, recorded as SAT');
  const scales = [...new Set(q.scale.data)];
  if (scales.some((s) => !(s > 0) || !Number.isFinite(s))) throw new RangeError(`scale must be positive, got ${scales.join(', ')}`);
  const logs = scales.map(Math.log2);
  const exps = logs.map(Math.round);
  const eMax = Math.max(...exps);
  const eMin = Math.min(...exps);
  const precision = fixed(bits + eMax - eMin, bits + eMax, { signed: q.signed, rounding: rounding ?? 'RND_CONV', overflow });
  if (logs.some((l) => !Number.isInteger(l))) {
    const shown = scales.length === 1 ? `scale ${scales[0]}` : `scales ${scales.length} values`;
    notes.push(`${shown} is not a power of two, recorded as the nearest fixed type ${formatPrecision(precision)}`);
  }
  if (eMax !== eMin) notes.push(`per-channel scales 2^${eMin}…2^${eMax} recorded as one type covering all: ${formatPrecision(precision)}`);
  if (q.zeroPoint.data.some((z) => z !== 0)) notes.push('a non-zero zero point has no fixed-point equivalent and is ignored');
  return { precision, notes };
}
