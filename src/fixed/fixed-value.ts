/**
 * Exact fixed-point values: a {@link FixedType} and an integer mantissa m whose value is m · 2^-(W−I), with
 * conversions to and from doubles, raw bit patterns, comparison and exact decimal printing.
 */
import { fractionalBits, type FixedType } from './precision.js';
import { castDyadic, mantissaRange } from './quantize.js';
import { doubleToDyadic, dyadicToNumber } from './dyadic.js';

/** A value of a fixed type: `mantissa · 2^-(width − integer)`, the mantissa always inside the type's range. */
export interface FixedValue {
  readonly type: FixedType;
  readonly mantissa: bigint;
}

/** Wraps a mantissa that already lies in t's range; throws a `RangeError` otherwise (use {@link castValue} to cast). */
export function fromMantissa(mantissa: bigint, t: FixedType): FixedValue {
  const { min, max } = mantissaRange(t);
  if (mantissa < min || mantissa > max) {
    throw new RangeError(`mantissa ${mantissa} is outside [${min}, ${max}] of a ${t.width}-bit ${t.signed ? 'signed' : 'unsigned'} type`);
  }
  return { type: t, mantissa };
}

/** Reads the low W bits of `bits` as a raw register of type t (two's complement when signed). */
export function fromBits(bits: bigint, t: FixedType): FixedValue {
  return { type: t, mantissa: t.signed ? BigInt.asIntN(t.width, bits) : BigInt.asUintN(t.width, bits) };
}

/** The W-bit register of a value as an unsigned BigInt (two's complement pattern for negative values). */
export function toBits(v: FixedValue): bigint {
  return BigInt.asUintN(v.type.width, v.mantissa);
}

/** Casts a double (taken as its exact binary value) into t, as `ap_fixed<…> x = d;` does. */
export function fromNumber(x: number, t: FixedType): FixedValue {
  const d = doubleToDyadic(x);
  return { type: t, mantissa: castDyadic(d.mantissa, d.frac, t).mantissa };
}

/** Casts a fixed value into another type t (quantisation, then t's overflow mode), as `T y = x;` does. */
export function castValue(v: FixedValue, t: FixedType): FixedValue {
  return { type: t, mantissa: castDyadic(v.mantissa, fractionalBits(v.type), t).mantissa };
}

/** The double nearest to a value (exact whenever the value fits a double, ties to even otherwise). */
export function toNumber(v: FixedValue): number {
  return dyadicToNumber(v.mantissa, fractionalBits(v.type));
}

/** Compares two values of any types by their exact real values: −1, 0 or 1. */
export function compare(a: FixedValue, b: FixedValue): -1 | 0 | 1 {
  const fa = fractionalBits(a.type);
  const fb = fractionalBits(b.type);
  const f = Math.max(fa, fb);
  const ma = a.mantissa << BigInt(f - fa);
  const mb = b.mantissa << BigInt(f - fb);
  return ma < mb ? -1 : ma > mb ? 1 : 0;
}

/** Exact decimal string of `mantissa · 2^-frac` (no exponent, no trailing fractional zeros, "-" for negatives). */
export function formatDyadic(mantissa: bigint, frac: number): string {
  if (frac <= 0) return (mantissa << BigInt(-frac)).toString();
  const neg = mantissa < 0n;
  const a = neg ? -mantissa : mantissa;
  const f = BigInt(frac);
  const whole = a >> f;
  const part = a - (whole << f);
  const sign = neg ? '-' : '';
  if (part === 0n) return `${sign}${whole}`;
  const digits = (part * 5n ** f).toString().padStart(frac, '0').replace(/0+$/, '');
  return `${sign}${whole}.${digits}`;
}

/** Exact decimal string of a value, e.g. `-3.140625` for ap_fixed<16,6> mantissa −3216. */
export function formatValue(v: FixedValue): string {
  return formatDyadic(v.mantissa, fractionalBits(v.type));
}
