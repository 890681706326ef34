/**
 * Exact `ap_fixed` casts on BigInt mantissas: quantisation to the target's LSB, then the overflow mode, bit for bit
 * as Xilinx's `ap_fixed_base` conversions (UG1399 "Arbitrary Precision Data Types") do them.
 *
 * Semantics, with q the source quantised to the target LSB and f the source truncated (floor) to it:
 * - TRN floor; TRN_ZERO toward zero; RND half up; RND_ZERO half toward zero; RND_MIN_INF half down;
 *   RND_INF half away from zero; RND_CONV half to even.
 * - q inside [min, max] is kept. Otherwise: WRAP keeps the low W bits; SAT clamps; SAT_ZERO gives 0; SAT_SYM clamps
 *   to ±max (signed W ≥ 2; for ap_fixed<1,…> and unsigned types it is SAT, as in the Xilinx header).
 * - WRAP with N > 0: the low W−N bits wrap, the top N bits become 0 1…1 on positive and 1 0…0 on negative overflow
 *   (unsigned: 1…1 either way).
 * - WRAP_SM (signed only), N = 0: the W wrapped bits are all inverted when their MSB differs from bit W of f.
 *   N = 1: inverted when the MSB differs from the sign of q, then the MSB is the sign. N > 1: inverted when bit W−N
 *   equals the sign, then the top N bits are set as for WRAP with N > 0.
 */
import type { FixedType, RoundingMode } from './precision.js';
import { HlsdseError } from '../util/errors.js';

/** Smallest and largest mantissa of a fixed type (the value of mantissa m is m · 2^-(W−I)). */
export interface MantissaRange {
  readonly min: bigint;
  readonly max: bigint;
}

/** The outcome of a cast: the target mantissa, and whether the overflow mode had to act on the quantised value. */
export interface CastResult {
  readonly mantissa: bigint;
  readonly overflow: boolean;
}

/** Mantissa range of a type: signed [−2^(W−1), 2^(W−1)−1], unsigned [0, 2^W−1]. */
export function mantissaRange(t: FixedType): MantissaRange {
  const w = BigInt(t.width);
  return t.signed ? { min: -(1n << (w - 1n)), max: (1n << (w - 1n)) - 1n } : { min: 0n, max: (1n << w) - 1n };
}

/** Throws an `HlsdseError` for types no `ap_fixed` conversion accepts (unsigned WRAP_SM, N outside 0…W). */
export function assertCastable(t: FixedType): void {
  if (!Number.isInteger(t.width) || t.width < 1 || !Number.isInteger(t.integer)) {
    throw new HlsdseError('bad-precision', undefined, `invalid fixed type: width ${t.width}, integer ${t.integer}`);
  }
  const n = t.saturationBits;
  if (!Number.isInteger(n) || n < 0 || n > t.width) {
    throw new HlsdseError('bad-precision', undefined, `saturation bits N=${n} must be an integer in 0…${t.width}`);
  }
  if (t.overflow === 'WRAP_SM' && !t.signed) {
    throw new HlsdseError('bad-precision', undefined, 'ap_ufixed cannot use AP_WRAP_SM (it is defined for signed types only)');
  }
}

/** The increment (0 or 1) a rounding mode adds to floor(x) given the dropped remainder rem of `shift` bits. */
export function roundingIncrement(mode: RoundingMode, rem: bigint, shift: bigint, negative: boolean, floor: bigint): bigint {
  if (rem === 0n) return 0n;
  const half = 1n << (shift - 1n);
  switch (mode) {
    case 'TRN':
      return 0n;
    case 'TRN_ZERO':
      return negative ? 1n : 0n;
    case 'RND':
      return rem >= half ? 1n : 0n;
    case 'RND_ZERO':
      return rem > half || (rem === half && negative) ? 1n : 0n;
    case 'RND_MIN_INF':
      return rem > half ? 1n : 0n;
    case 'RND_INF':
      return rem > half || (rem === half && !negative) ? 1n : 0n;
    case 'RND_CONV':
      return rem > half || (rem === half && (floor & 1n) === 1n) ? 1n : 0n;
  }
}

/** Lowest mantissa the overflow mode accepts unchanged: −max for signed SAT_SYM of width ≥ 2, else the type's min. */
export function acceptedMin(t: FixedType, range: MantissaRange): bigint {
  return t.overflow === 'SAT_SYM' && t.signed && t.width > 1 ? range.min + 1n : range.min;
}

/** Applies the top-N-bit rule of WRAP / WRAP_SM with N > 0 to a W-bit pattern. */
function setTopBits(pattern: bigint, t: FixedType, negative: boolean): bigint {
  const n = BigInt(t.saturationBits);
  const lowBits = BigInt(t.width) - n;
  let top: bigint;
  if (!t.signed) top = (1n << n) - 1n;
  else top = negative ? 1n << (n - 1n) : (1n << (n - 1n)) - 1n;
  return (top << lowBits) | BigInt.asUintN(Number(lowBits), pattern);
}

/** Applies t's overflow mode to a quantised mantissa q; `floor` is the source truncated to t's LSB (for WRAP_SM). */
export function applyOverflow(q: bigint, floor: bigint, t: FixedType): CastResult {
  const range = mantissaRange(t);
  const lo = acceptedMin(t, range);
  if (q >= lo && q <= range.max) return { mantissa: q, overflow: false };
  const w = t.width;
  const negative = q < 0n;
  const toType = (pattern: bigint): bigint => (t.signed ? BigInt.asIntN(w, pattern) : BigInt.asUintN(w, pattern));
  let m: bigint;
  switch (t.overflow) {
    case 'SAT':
    case 'SAT_SYM':
      m = negative ? lo : range.max;
      break;
    case 'SAT_ZERO':
      m = 0n;
      break;
    case 'WRAP':
      m = toType(t.saturationBits === 0 ? q : setTopBits(q, t, negative));
      break;
    case 'WRAP_SM': {
      const ones = (1n << BigInt(w)) - 1n;
      let p = BigInt.asUintN(w, q);
      const msb = (p >> BigInt(w - 1)) & 1n;
      if (t.saturationBits === 0) {
        if (((floor >> BigInt(w)) & 1n) !== msb) p ^= ones;
      } else {
        const sign = negative ? 1n : 0n;
        const invert =
          t.saturationBits === 1 ? msb !== sign : ((p >> BigInt(w - t.saturationBits)) & 1n) === sign;
        if (invert) p ^= ones;
        p = setTopBits(p, t, negative);
      }
      m = toType(p);
      break;
    }
  }
  return { mantissa: m, overflow: true };
}

/** Casts the exact value `mantissa · 2^-frac` into t: quantisation to t's LSB, then t's overflow mode. */
export function castDyadic(mantissa: bigint, frac: number, t: FixedType): CastResult {
  assertCastable(t);
  const shift = frac - (t.width - t.integer);
  if (shift <= 0) {
    const q = mantissa << BigInt(-shift);
    return applyOverflow(q, q, t);
  }
  const s = BigInt(shift);
  const floor = mantissa >> s;
  const rem = mantissa - (floor << s);
  const q = floor + roundingIncrement(t.rounding, rem, s, mantissa < 0n, floor);
  return applyOverflow(q, floor, t);
}
