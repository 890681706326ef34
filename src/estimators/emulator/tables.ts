/**
 * Activation and softmax lookup tables, filled as hls4ml's `nnet_activation.h` fills them (HEAD, compile-time
 * tables): the index → x mapping in single precision, the function in single or double precision as the C++
 * expression evaluates it (float `exp` clamped to ±80, `1 + float` in float, `1.0 / float` in double, …), every
 * entry then cast to the table type. JS has no `expf`/`tanhf`: `Math.fround(Math.exp(x))` stands in for them, which
 * can differ from the C library in the last float bit (never visible after the cast unless the entry sits on a
 * rounding boundary of the table type).
 */
import { fractionalBits, type FixedType } from '../../fixed/precision.js';
import { castOne, lastCastOverflowed } from './overflow.js';

const f32 = Math.fround;
const FLT_MIN = 1.1754943508222875e-38;

/** A table cast to its type, with how many entries overflowed the type. */
export interface Table {
  readonly values: Float64Array;
  readonly overflows: number;
}

/** Table functions of the activation layer. */
export type TableFn = 'sigmoid' | 'tanh' | 'softplus' | 'softsign' | 'elu' | 'selu';

function expClamped(x: number): number {
  return f32(Math.exp(f32(Math.min(80, Math.max(-80, x)))));
}

/** The x of table entry i: [−8, 8) for sigmoid/softplus/softsign, [−4, 4) for tanh, (−8, 0] for elu/selu. */
export function tableInput(fn: TableFn, i: number, n: number): number {
  if (fn === 'tanh') return f32((2 * 4.0 * (i - n / 2.0)) / n);
  if (fn === 'elu' || fn === 'selu') return f32((-8.0 * i) / n);
  return f32((2 * 8.0 * (i - n / 2.0)) / n);
}

/** The real value hls4ml computes for entry x of fn (before the cast to table_t). */
export function tableFunction(fn: TableFn, x: number): number {
  switch (fn) {
    case 'sigmoid':
      return f32(1.0 / f32(1 + expClamped(-x)));
    case 'tanh':
      return f32(Math.tanh(x));
    case 'softplus':
      return f32(Math.log(expClamped(x) + 1.0));
    case 'softsign':
      return f32(x / f32(Math.abs(x) + 1.0));
    case 'elu':
      return f32(expClamped(x) - 1.0);
    case 'selu':
      return f32(1.0507009873554805 * (1.6732632423543772 * (expClamped(x) - 1.0)));
  }
}

function castAll(n: number, t: FixedType, value: (i: number) => number): Table {
  const values = new Float64Array(n);
  let overflows = 0;
  for (let i = 0; i < n; i++) {
    values[i] = castOne(value(i), t);
    if (lastCastOverflowed) overflows++;
  }
  return { values, overflows };
}

/** The activation table of fn with n entries of type t. */
export function activationTable(fn: TableFn, n: number, t: FixedType): Table {
  return castAll(n, t, (i) => tableFunction(fn, tableInput(fn, i, n)));
}

/** Address bits of a softmax table: N = ceil(log2(size)). */
export function addressBits(size: number): number {
  return Math.ceil(Math.log2(size));
}

/**
 * `softmax_real_val_from_idx`: the value of type t whose top N bits are i and the rest 0, as a float.
 */
export function valueFromIndex(i: number, nBits: number, t: FixedType): number {
  let pattern = i * 2 ** (t.width - nBits);
  if (t.signed && pattern >= 2 ** (t.width - 1)) pattern -= 2 ** t.width;
  return f32(pattern * 2 ** -fractionalBits(t));
}

/** `softmax_idx_from_real_val`: the top N bits of x's W-bit pattern in type t. */
export function indexFromValue(x: number, nBits: number, t: FixedType): number {
  const f = fractionalBits(t);
  const w = t.width;
  let m = Math.round(x * 2 ** f);
  if (m < 0) m += 2 ** w;
  return Math.floor(m / 2 ** (w - nBits));
}

/** exp table addressed by type `addr` (negated input for the stable implementation, which addresses x_max − x). */
export function softmaxExpTable(size: number, addr: FixedType, t: FixedType, negative: boolean, expScale = 1): Table {
  const nBits = addressBits(size);
  return castAll(size, t, (i) => {
    let x = f32(valueFromIndex(i, nBits, addr) * f32(expScale));
    if (negative) x = -x;
    return expClamped(x);
  });
}

/** 1/x table addressed by type `addr` (x = 0 reads as FLT_MIN). */
export function softmaxInvTable(size: number, addr: FixedType, t: FixedType): Table {
  const nBits = addressBits(size);
  return castAll(size, t, (i) => {
    const x = valueFromIndex(i, nBits, addr);
    return f32(1 / (x === 0 ? FLT_MIN : x));
  });
}

/** Legacy softmax exp table: exp over [−8, 8). */
export function legacyExpTable(size: number, t: FixedType): Table {
  return castAll(size, t, (i) => expClamped(f32((2 * 8.0 * (i - size / 2.0)) / size)));
}

/** Legacy softmax inverse table: 1/x over [0, 64), 0 at 0. */
export function legacyInvTable(size: number, t: FixedType): Table {
  return castAll(size, t, (i) => {
    const x = f32((64.0 * i) / size);
    return x > 0 ? 1.0 / x : 0;
  });
}

/**
 * The lookup index of the sigmoid-style tables: `int data_round = x·N/range; index = data_round + (half·N)/range`
 * (C truncation toward zero), clamped to [0, N−1]. `range` is 16 (sigmoid, softplus, softsign) or 8 (tanh).
 */
export function centredIndex(x: number, n: number, range: number): number {
  const round = Math.trunc((x * n) / range);
  const idx = round + Math.floor(((range / 2) * n) / range);
  return idx < 0 ? 0 : idx > n - 1 ? n - 1 : idx;
}
