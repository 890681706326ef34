/**
 * Allocation-free `ap_fixed` casts on JS doubles for types of width ≤ 52 (every mantissa and bound is then an exact
 * double): the same semantics as {@link castDyadic}, computed with exact double arithmetic. Wider types, or types
 * whose LSB is below 2^-1000 or above 2^1000, fall back to the BigInt path.
 */
import type { FixedType } from './precision.js';
import { assertCastable, castDyadic } from './quantize.js';
import { doubleToDyadic, dyadicToNumber } from './dyadic.js';

/** Widest type the double fast path handles. */
export const FAST_MAX_WIDTH = 52;

/** A running count of values the overflow mode acted on (saturated, zeroed or wrapped). */
export interface OverflowCounter {
  count: number;
}

const TRN = 0, TRN_ZERO = 1, RND = 2, RND_ZERO = 3, RND_MIN_INF = 4, RND_INF = 5, RND_CONV = 6;
const ROUNDING_CODE = { TRN, TRN_ZERO, RND, RND_ZERO, RND_MIN_INF, RND_INF, RND_CONV } as const;
const WRAP = 0, WRAP_SM = 1, SAT = 2, SAT_ZERO = 3;
const OVERFLOW_CODE = { WRAP, WRAP_SM, SAT, SAT_ZERO, SAT_SYM: SAT } as const;

/** Scaled magnitudes at or beyond 2^1000 are multiples of 2^948: all W ≤ 52 low bits are zero, only the sign matters. */
const BIG = 2 ** 1000;

interface Plan {
  readonly fast: boolean;
  readonly type: FixedType;
  readonly scale: number; // 2^F
  readonly inv: number; // 2^-F
  readonly rnd: number;
  readonly ovf: number;
  readonly lo: number; // smallest mantissa kept unchanged (−max for SAT_SYM)
  readonly hi: number;
  readonly signed: boolean;
  readonly n: number; // saturation bits
  readonly pow2W: number;
  readonly half: number; // 2^(W−1)
  readonly lowMod: number; // 2^(W−N)
}

const plans = new WeakMap<FixedType, Plan>();
let lastPlan: Plan | undefined; // one-entry cache in front of the WeakMap for scalar loops over one type

function planFor(t: FixedType): Plan {
  if (lastPlan !== undefined && lastPlan.type === t) return lastPlan;
  let p = plans.get(t);
  if (p) return (lastPlan = p);
  assertCastable(t);
  const w = t.width;
  const f = t.width - t.integer;
  const min = t.signed ? -(2 ** (w - 1)) : 0;
  const max = t.signed ? 2 ** (w - 1) - 1 : 2 ** w - 1;
  p = {
    fast: w <= FAST_MAX_WIDTH && f >= -1000 && f <= 1000,
    type: t,
    scale: 2 ** f,
    inv: 2 ** -f,
    rnd: ROUNDING_CODE[t.rounding],
    ovf: OVERFLOW_CODE[t.overflow],
    lo: t.overflow === 'SAT_SYM' && t.signed && w > 1 ? min + 1 : min,
    hi: max,
    signed: t.signed,
    n: t.saturationBits,
    pow2W: 2 ** w,
    half: 2 ** (w - 1),
    lowMod: 2 ** (w - t.saturationBits),
  };
  plans.set(t, p);
  return (lastPlan = p);
}

/** x mod m in [0, m) for a power of two m; exact for every integer-valued double x. */
function mod(x: number, m: number): number {
  return x - Math.floor(x / m) * m;
}

/** The top-N-bit rule of WRAP / WRAP_SM with N > 0, on a W-bit pattern. */
function setTop(pattern: number, p: Plan, negative: boolean): number {
  const top = !p.signed ? 2 ** p.n - 1 : negative ? 2 ** (p.n - 1) : 2 ** (p.n - 1) - 1;
  return top * p.lowMod + mod(pattern, p.lowMod);
}

/** The mantissa the overflow mode makes of an out-of-range quantised q (f: the source floored to the LSB). */
function overflowed(q: number, f: number, p: Plan): number {
  const negative = q < 0;
  let pattern: number;
  switch (p.ovf) {
    case SAT:
      return negative ? p.lo : p.hi;
    case SAT_ZERO:
      return 0;
    case WRAP:
      pattern = mod(q, p.pow2W);
      if (p.n > 0) pattern = setTop(pattern, p, negative);
      break;
    default: {
      // WRAP_SM (signed only)
      pattern = mod(q, p.pow2W);
      const msb = pattern >= p.half;
      let invert: boolean;
      if (p.n === 0) invert = (mod(Math.floor(f / p.pow2W), 2) === 1) !== msb; // bit W of f vs the MSB
      else if (p.n === 1) invert = negative !== msb;
      else invert = (mod(Math.floor(pattern / p.lowMod), 2) === 1) === negative;
      if (invert) pattern = p.pow2W - 1 - pattern;
      if (p.n > 0) pattern = setTop(pattern, p, negative);
    }
  }
  return p.signed && pattern >= p.half ? pattern - p.pow2W : pattern;
}

/** Set by {@link castFast}: whether the last cast overflowed (module state, so the hot loop allocates nothing). */
let lastOverflow = false;

/** Casts x on the double fast path (p.fast must hold); sets {@link lastOverflow}. */
function castFast(x: number, p: Plan): number {
  let y = x * p.scale;
  if (!(y < BIG && y > -BIG)) {
    if (y !== y) throw new RangeError('cannot cast NaN to a fixed-point value');
    y = y > 0 ? BIG : -BIG;
  } else if (y === 0 && x !== 0) {
    y = x > 0 ? Number.MIN_VALUE : -Number.MIN_VALUE; // keep the sign of an underflowed product
  }
  const f = Math.floor(y);
  const d = y - f; // exact; for −2^-53 < y < 0 it may round up, but stays above 1/2 as the true fraction does
  let q = f;
  if (d !== 0) {
    switch (p.rnd) {
      case TRN:
        break;
      case TRN_ZERO:
        if (y < 0) q += 1;
        break;
      case RND:
        if (d >= 0.5) q += 1;
        break;
      case RND_ZERO:
        if (d > 0.5 || (d === 0.5 && y < 0)) q += 1;
        break;
      case RND_MIN_INF:
        if (d > 0.5) q += 1;
        break;
      case RND_INF:
        if (d > 0.5 || (d === 0.5 && y > 0)) q += 1;
        break;
      default: // RND_CONV
        if (d > 0.5 || (d === 0.5 && mod(f, 2) === 1)) q += 1;
    }
  }
  if (q >= p.lo && q <= p.hi) {
    lastOverflow = false;
    return q * p.inv + 0; // + 0 turns −0 into 0
  }
  lastOverflow = true;
  return overflowed(q, f, p) * p.inv;
}

/** Casts x on the BigInt path (any type); sets {@link lastOverflow}. */
function castSlow(x: number, t: FixedType): number {
  const d = doubleToDyadic(x);
  const r = castDyadic(d.mantissa, d.frac, t);
  lastOverflow = r.overflow;
  return dyadicToNumber(r.mantissa, t.width - t.integer);
}

/** True when t takes the allocation-free double path (width ≤ 52, |W − I| ≤ 1000). */
export function isFastType(t: FixedType): boolean {
  return planFor(t).fast;
}

/**
 * `(double)(T)x`: casts a double (its exact binary value) into t and returns the result as a double — exact for
 * fast types, otherwise the double nearest the exact result. NaN throws a `RangeError`; ±Infinity acts as ±2^1024.
 */
export function castNumber(x: number, t: FixedType): number {
  const p = planFor(t);
  return p.fast ? castFast(x, p) : castSlow(x, t);
}

/**
 * Casts every element of src into t, writing dst[i] (dst may be src when both are Float64Array). Returns how many
 * values overflowed and adds that to `overflowCounter.count` when given. Allocation-free for fast types.
 */
export function castArray(
  src: Float64Array | Float32Array,
  dst: Float64Array,
  t: FixedType,
  overflowCounter?: OverflowCounter,
): number {
  if (dst.length < src.length) throw new RangeError(`dst has ${dst.length} elements, src has ${src.length}`);
  const p = planFor(t);
  const len = src.length;
  let overflows = 0;
  if (p.fast) {
    for (let i = 0; i < len; i++) {
      dst[i] = castFast(src[i], p);
      if (lastOverflow) overflows++;
    }
  } else {
    for (let i = 0; i < len; i++) {
      dst[i] = castSlow(src[i], t);
      if (lastOverflow) overflows++;
    }
  }
  if (overflowCounter) overflowCounter.count += overflows;
  return overflows;
}
