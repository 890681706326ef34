/**
 * Exact binary fractions (`mantissa · 2^-frac`, a BigInt and a shift): the common currency between JS doubles and
 * fixed-point mantissas, with lossless double → dyadic and correctly rounded dyadic → double conversions.
 */

/** An exact binary fraction whose value is `mantissa · 2^-frac`. */
export interface Dyadic {
  readonly mantissa: bigint;
  readonly frac: number;
}

const view = new DataView(new ArrayBuffer(8));

/** Number of trailing zero bits of a non-zero 32-bit integer. */
function ctz32(v: number): number {
  return 31 - Math.clz32(v & -v);
}

/**
 * The exact value of a double as a {@link Dyadic} (trailing zeros stripped). ±Infinity reads as ±2^1024, as
 * `ap_fixed`'s double constructor reads it (exponent 1024, implicit one, zero fraction); NaN throws a `RangeError`.
 */
export function doubleToDyadic(x: number): Dyadic {
  if (Number.isNaN(x)) throw new RangeError('cannot convert NaN to a fixed-point value');
  if (x === 0) return { mantissa: 0n, frac: 0 };
  if (!Number.isFinite(x)) return { mantissa: x > 0 ? 1n : -1n, frac: -1024 };
  view.setFloat64(0, x);
  const hiWord = view.getUint32(0);
  let lo = view.getUint32(4);
  const biased = (hiWord >>> 20) & 0x7ff;
  let hi = (hiWord & 0xfffff) | (biased === 0 ? 0 : 0x100000);
  let frac = biased === 0 ? 1074 : 1075 - biased;
  if (lo === 0) {
    lo = hi;
    hi = 0;
    frac -= 32;
  }
  const tz = ctz32(lo);
  if (tz > 0) {
    lo = ((lo >>> tz) | (hi << (32 - tz))) >>> 0;
    hi >>>= tz;
    frac -= tz;
  }
  const mag = (BigInt(hi) << 32n) | BigInt(lo >>> 0);
  return { mantissa: hiWord >>> 31 ? -mag : mag, frac };
}

/** Multiplies a double by 2^e in steps, so no intermediate power of two overflows or underflows on its own. */
export function ldexp(x: number, e: number): number {
  let r = x;
  let k = e;
  while (k > 1023) {
    r *= 2 ** 1023;
    k -= 1023;
  }
  while (k < -1022) {
    r *= 2 ** -1022;
    k += 1022;
  }
  return r * 2 ** k;
}

/** Number of bits of a non-negative BigInt (0 for 0). */
export function bitLength(a: bigint): number {
  if (a === 0n) return 0;
  const hex = a.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0], 16)));
}

/** The double nearest to `mantissa · 2^-frac` (ties to even, subnormals and overflow to ±Infinity included). */
export function dyadicToNumber(mantissa: bigint, frac: number): number {
  if (mantissa === 0n) return 0;
  const neg = mantissa < 0n;
  let a = neg ? -mantissa : mantissa;
  const bits = bitLength(a);
  const lead = bits - 1 - frac; // exponent of the leading one bit
  const precision = lead >= -1022 ? 53 : 53 - (-1022 - lead); // fewer bits are left in the subnormal range
  let exp = -frac;
  const drop = bits - precision;
  if (drop > 0) {
    const d = BigInt(drop);
    const q = a >> d;
    const rem = a - (q << d);
    const half = 1n << (d - 1n);
    a = rem > half || (rem === half && (q & 1n) === 1n) ? q + 1n : q;
    exp += drop;
  }
  const r = ldexp(Number(a), exp);
  return neg ? -r : r;
}
