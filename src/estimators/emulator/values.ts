/**
 * The values flowing between emulated layers: a batch of doubles, the fixed type every value is in (the producer's
 * `result_t` as the consumer reads it) and, for types wider than the double fast path, the exact mantissas.
 */
import { doubleToDyadic, dyadicToNumber } from '../../fixed/dyadic.js';
import { isFastType } from '../../fixed/fast-cast.js';
import { fractionalBits, type FixedType } from '../../fixed/precision.js';

/** One tensor of a batch: `count` samples of `size` values, each a value of `type`. */
export interface Values {
  readonly count: number;
  readonly size: number;
  /** Row-major values; exact whenever `type` is a fast type, the nearest double otherwise. */
  readonly data: Float64Array;
  readonly type: FixedType;
  /** Mantissas (value · 2^F, F = fractional bits of `type`) when `type` is wider than the fast path. */
  readonly exact?: readonly bigint[];
}

/** True when values of t cannot all be held exactly by a double (the BigInt path then carries mantissas). */
export function isWide(t: FixedType): boolean {
  return !isFastType(t);
}

/** The mantissa of value i at F = fractional bits of v.type (the value is on that grid by construction). */
export function mantissaAt(v: Values, i: number): bigint {
  if (v.exact) return v.exact[i];
  return mantissaOf(v.data[i], fractionalBits(v.type));
}

/** The integer x · 2^frac of a double on the 2^-frac grid, exactly. */
export function mantissaOf(x: number, frac: number): bigint {
  const d = doubleToDyadic(x);
  if (d.mantissa === 0n) return 0n;
  const shift = frac - d.frac;
  if (shift < 0) throw new RangeError(`value ${x} is not on the 2^-${frac} grid`);
  return d.mantissa << BigInt(shift);
}

/** Builds Values from mantissas at F = fractional bits of t (doubles filled in; exact kept when t is wide). */
export function fromMantissas(count: number, size: number, t: FixedType, m: readonly bigint[]): Values {
  const f = fractionalBits(t);
  const data = new Float64Array(m.length);
  for (let i = 0; i < m.length; i++) data[i] = dyadicToNumber(m[i], f);
  return isWide(t) ? { count, size, data, type: t, exact: m } : { count, size, data, type: t };
}

/**
 * Significant bits of the odd part of |x| (0 for 0): the width a product with x adds to the other factor's
 * mantissa. Used to decide whether a double product is exact.
 */
export function oddBits(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return 0;
  const d = doubleToDyadic(Math.abs(x));
  let m = d.mantissa;
  while ((m & 1n) === 0n) m >>= 1n;
  return m.toString(2).length;
}

/** Smallest f with x · 2^f an integer (−∞ handled as 0 for 0). */
export function minimalFrac(x: number): number {
  if (x === 0) return -1075;
  return doubleToDyadic(x).frac;
}

/** Largest value of a type and the most negative one the overflow mode keeps unchanged, as doubles. */
export function rangeOf(t: FixedType): { lo: number; hi: number } {
  const f = fractionalBits(t);
  const w = t.width;
  const hiM = t.signed ? 2 ** (w - 1) - 1 : 2 ** w - 1;
  let loM = t.signed ? -(2 ** (w - 1)) : 0;
  if (t.overflow === 'SAT_SYM' && t.signed && w > 1) loM += 1;
  return { lo: loM * 2 ** -f, hi: hiM * 2 ** -f };
}
