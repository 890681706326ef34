/**
 * A slow, deliberately plain reference for `ap_fixed` casts on BigInt rationals, written independently of the
 * bit-twiddling in `quantize.ts` and `fast-cast.ts` (floor division, remainders compared with one half, modular
 * arithmetic instead of masks and shifts). Tests compare the real implementations against it.
 */
import type { FixedType } from './precision.js';

/** An exact rational num/den with den > 0 (not necessarily reduced). */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

/** Builds a rational, moving the sign to the numerator; throws on a zero denominator. */
export function rat(num: bigint, den = 1n): Rational {
  if (den === 0n) throw new RangeError('zero denominator');
  return den < 0n ? { num: -num, den: -den } : { num, den };
}

/** Floor of a/b for b > 0. */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return q * b > a ? q - 1n : q;
}

/** a mod b in [0, b) for b > 0. */
export function posMod(a: bigint, b: bigint): bigint {
  return a - floorDiv(a, b) * b;
}

/** 2^k as a BigInt, k ≥ 0. */
function pow2(k: number): bigint {
  return 2n ** BigInt(k);
}

/** Bit k (0 or 1) of an integer in infinite two's complement, by floor division. */
function bitOf(x: bigint, k: number): bigint {
  return posMod(floorDiv(x, pow2(k)), 2n);
}

/** The exact value of a double by repeated doubling (±Infinity as ±2^1024, like ap_fixed's double constructor). */
export function ratFromNumber(x: number): Rational {
  if (Number.isNaN(x)) throw new RangeError('NaN has no rational value');
  if (!Number.isFinite(x)) return rat(x > 0 ? pow2(1024) : -pow2(1024));
  let v = x;
  let den = 1n;
  while (!Number.isInteger(v)) {
    v *= 2;
    den *= 2n;
  }
  return rat(BigInt(v), den);
}

/** Parses a plain decimal string such as `-12.5` or `3` into a rational. */
export function ratFromDecimal(s: string): Rational {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) throw new SyntaxError(`not a plain decimal: '${s}'`);
  const frac = m[3] ?? '';
  const num = BigInt(m[2] + frac) * (m[1] ? -1n : 1n);
  return rat(num, 10n ** BigInt(frac.length));
}

/** The rational value of a fixed-point mantissa: m / 2^F (or m · 2^-F when F < 0). */
export function ratFromFixed(mantissa: bigint, t: FixedType): Rational {
  const f = t.width - t.integer;
  return f >= 0 ? rat(mantissa, pow2(f)) : rat(mantissa * pow2(-f));
}

/** Sum of two rationals. */
export function ratAdd(a: Rational, b: Rational): Rational {
  return rat(a.num * b.den + b.num * a.den, a.den * b.den);
}

/** Difference of two rationals. */
export function ratSub(a: Rational, b: Rational): Rational {
  return rat(a.num * b.den - b.num * a.den, a.den * b.den);
}

/** Product of two rationals. */
export function ratMul(a: Rational, b: Rational): Rational {
  return rat(a.num * b.num, a.den * b.den);
}

/** Sign of a − b: −1, 0 or 1. */
export function ratCompare(a: Rational, b: Rational): -1 | 0 | 1 {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** Integer quantisation of a rational by a rounding mode name, from floor and the remainder's relation to 1/2. */
function roundRational(r: Rational, mode: FixedType['rounding']): { q: bigint; floor: bigint } {
  const floor = floorDiv(r.num, r.den);
  const rem = r.num - floor * r.den; // 0 ≤ rem < den
  if (rem === 0n) return { q: floor, floor };
  const twice = 2n * rem;
  const above = twice > r.den;
  const tie = twice === r.den;
  const negative = r.num < 0n;
  const odd = posMod(floor, 2n) === 1n;
  const up: Record<FixedType['rounding'], boolean> = {
    TRN: false,
    TRN_ZERO: negative,
    RND: above || tie,
    RND_ZERO: above || (tie && negative),
    RND_MIN_INF: above,
    RND_INF: above || (tie && !negative),
    RND_CONV: above || (tie && odd),
  };
  return { q: up[mode] ? floor + 1n : floor, floor };
}

/** Reference cast of an exact rational into t: the mantissa and whether the overflow mode acted. */
export function refCast(value: Rational, t: FixedType): { mantissa: bigint; overflow: boolean } {
  const w = t.width;
  const n = t.saturationBits;
  if (t.overflow === 'WRAP_SM' && !t.signed) throw new Error('WRAP_SM needs a signed type');
  if (n < 0 || n > w) throw new Error('N out of range');
  const f = w - t.integer;
  const scaled = f >= 0 ? rat(value.num * pow2(f), value.den) : rat(value.num, value.den * pow2(-f));
  const { q, floor } = roundRational(scaled, t.rounding);
  const size = pow2(w);
  const min = t.signed ? -pow2(w - 1) : 0n;
  const max = min + size - 1n;
  const lo = t.overflow === 'SAT_SYM' && t.signed && w > 1 ? -max : min;
  if (q >= lo && q <= max) return { mantissa: q, overflow: false };
  const negative = q < 0n;
  const asValue = (pattern: bigint): bigint => (t.signed && pattern >= pow2(w - 1) ? pattern - size : pattern);
  const lowSize = pow2(w - n);
  const topOf = (): bigint => {
    if (!t.signed) return pow2(n) - 1n;
    return negative ? pow2(n - 1) : pow2(n - 1) - 1n;
  };
  let mantissa: bigint;
  if (t.overflow === 'SAT' || t.overflow === 'SAT_SYM') mantissa = negative ? lo : max;
  else if (t.overflow === 'SAT_ZERO') mantissa = 0n;
  else if (t.overflow === 'WRAP') {
    mantissa = n === 0 ? posMod(q - min, size) + min : asValue(topOf() * lowSize + posMod(q, lowSize));
  } else if (n === 0) {
    // WRAP_SM: ones' complement (−r − 1) of the wrapped value when its sign differs from bit W of the floor.
    const r = posMod(q - min, size) + min;
    const lD = bitOf(floor, w) === 1n;
    mantissa = lD !== (r < 0n) ? -r - 1n : r;
  } else {
    let pattern = posMod(q, size);
    const msb = pattern >= pow2(w - 1);
    const invert = n === 1 ? negative !== msb : (bitOf(pattern, w - n) === 1n) === negative;
    if (invert) pattern = size - 1n - pattern;
    mantissa = asValue(topOf() * lowSize + posMod(pattern, lowSize));
  }
  return { mantissa, overflow: true };
}
