/**
 * Full-precision `ap_fixed` arithmetic: the result types Xilinx's `ap_fixed_base::RType` gives `+`, `-`, `*` and
 * unary `-`, and exact BigInt operations producing values of those types (which never overflow them).
 */
import { fixed, fractionalBits, type FixedType } from './precision.js';
import { fromMantissa, type FixedValue } from './fixed-value.js';

/** Integer bits both operands need once a signed operand forces an unsigned one to gain a sign bit. */
function joinedInteger(a: FixedType, b: FixedType): number {
  const ia = a.integer + (b.signed && !a.signed ? 1 : 0);
  const ib = b.integer + (a.signed && !b.signed ? 1 : 0);
  return Math.max(ia, ib);
}

/** Type of `a + b`: integer bits max(Ia, Ib) + 1 (one more for a mixed-sign pair), fraction max(Fa, Fb). */
export function addType(a: FixedType, b: FixedType): FixedType {
  const i = joinedInteger(a, b) + 1;
  return fixed(i + Math.max(fractionalBits(a), fractionalBits(b)), i, { signed: a.signed || b.signed });
}

/** Type of `a - b`: as {@link addType} but always signed. */
export function subType(a: FixedType, b: FixedType): FixedType {
  const i = joinedInteger(a, b) + 1;
  return fixed(i + Math.max(fractionalBits(a), fractionalBits(b)), i, { signed: true });
}

/** Type of `a * b`: width Wa + Wb, integer bits Ia + Ib, signed if either is. */
export function mulType(a: FixedType, b: FixedType): FixedType {
  return fixed(a.width + b.width, a.integer + b.integer, { signed: a.signed || b.signed });
}

/** Type of `-a`: width W + 1, integer bits I + 1, signed. */
export function negType(a: FixedType): FixedType {
  return fixed(a.width + 1, a.integer + 1, { signed: true });
}

/** The mantissa of v re-expressed with `frac` fractional bits (frac ≥ v's own). */
function aligned(v: FixedValue, frac: number): bigint {
  return v.mantissa << BigInt(frac - fractionalBits(v.type));
}

/** Exact sum in {@link addType}. */
export function add(a: FixedValue, b: FixedValue): FixedValue {
  const t = addType(a.type, b.type);
  const f = fractionalBits(t);
  return fromMantissa(aligned(a, f) + aligned(b, f), t);
}

/** Exact difference in {@link subType}. */
export function sub(a: FixedValue, b: FixedValue): FixedValue {
  const t = subType(a.type, b.type);
  const f = fractionalBits(t);
  return fromMantissa(aligned(a, f) - aligned(b, f), t);
}

/** Exact product in {@link mulType}. */
export function mul(a: FixedValue, b: FixedValue): FixedValue {
  return fromMantissa(a.mantissa * b.mantissa, mulType(a.type, b.type));
}

/** Exact negation in {@link negType}. */
export function neg(a: FixedValue): FixedValue {
  return fromMantissa(-a.mantissa, negType(a.type));
}
