/** The double fast path (castNumber, castArray) against the rational reference, for every rounding × overflow pair. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { castArray, castNumber, isFastType, type OverflowCounter } from '../../src/fixed/fast-cast.js';
import { dyadicToNumber } from '../../src/fixed/dyadic.js';
import { fixed } from '../../src/fixed/precision.js';
import { ratFromNumber, refCast } from '../../src/fixed/bigint-ref.js';
import { arbDoubleFor, arbType, MODE_PAIRS } from './arbitraries.js';

const SEED = 42;

/** The reference result of casting x into t, as the double castNumber must return, and the overflow flag. */
function expected(x: number, t: ReturnType<typeof fixed>): { value: number; overflow: boolean } {
  const r = refCast(ratFromNumber(x), t);
  return { value: dyadicToNumber(r.mantissa, t.width - t.integer), overflow: r.overflow };
}

describe('castNumber matches the reference', () => {
  it.each(MODE_PAIRS)('%s / %s, widths 1..52', (rounding, overflow) => {
    const arb = arbType({ maxWidth: 52, rounding, overflow }).chain((t) => fc.tuple(fc.constant(t), arbDoubleFor(t)));
    fc.assert(
      fc.property(arb, ([t, x]) => {
        expect(isFastType(t)).toBe(true);
        expect(castNumber(x, t)).toBe(expected(x, t).value);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('types off the fast path (width 53..80, or |W − I| > 1000) give the double nearest the exact result', () => {
    const wide = arbType({ minWidth: 53, maxWidth: 80 });
    const farLsb = fc
      .tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1001, max: 1060 }), fc.boolean(), arbType({ maxWidth: 1 }))
      .map(([w, f, below, m]) =>
        fixed(w, below ? w - f : w + f, { signed: m.signed, rounding: m.rounding, overflow: m.overflow === 'WRAP_SM' ? 'SAT' : m.overflow }),
      );
    const arb = fc.oneof(wide, farLsb).chain((t) => fc.tuple(fc.constant(t), fc.oneof(arbDoubleFor(t), fc.double({ noNaN: true }))));
    fc.assert(
      fc.property(arb, ([t, x]) => {
        expect(isFastType(t)).toBe(false);
        expect(castNumber(x, t)).toBe(expected(x, t).value);
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });
});

describe('castArray', () => {
  it('equals castNumber element-wise and counts exactly the values the overflow mode acted on', () => {
    const arb = fc
      .oneof(arbType({ maxWidth: 52 }), arbType({ minWidth: 53, maxWidth: 64 }))
      .chain((t) => fc.tuple(fc.constant(t), fc.array(arbDoubleFor(t), { maxLength: 40 }), fc.boolean()));
    fc.assert(
      fc.property(arb, ([t, xs, single]) => {
        const src = single ? new Float32Array(xs) : new Float64Array(xs);
        const dst = new Float64Array(src.length);
        const counter: OverflowCounter = { count: 5 };
        const n = castArray(src, dst, t, counter);
        let want = 0;
        for (let i = 0; i < src.length; i++) {
          const e = expected(src[i], t);
          expect(dst[i]).toBe(e.value);
          expect(castNumber(src[i], t)).toBe(e.value);
          if (e.overflow) want++;
        }
        expect(n).toBe(want);
        expect(counter.count).toBe(5 + want);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('works in place and rejects a short destination', () => {
    const t = fixed(8, 3, { rounding: 'RND', overflow: 'SAT' });
    const a = new Float64Array([0.06, -0.06, 100, -100, 1.5]);
    expect(castArray(a, a, t)).toBe(2);
    expect(Array.from(a)).toEqual([0.0625, -0.0625, 3.96875, -4, 1.5]);
    expect(() => castArray(new Float64Array(3), new Float64Array(2), t)).toThrow(RangeError);
  });
});

describe('special inputs', () => {
  const t = fixed(8, 4, { rounding: 'RND', overflow: 'SAT' });
  it('NaN throws; ±Infinity act as ±2^1024; −0 gives +0', () => {
    expect(() => castNumber(Number.NaN, t)).toThrow(RangeError);
    expect(() => castArray(new Float64Array([1, Number.NaN]), new Float64Array(2), t)).toThrow(RangeError);
    expect(castNumber(Infinity, t)).toBe(7.9375);
    expect(castNumber(-Infinity, t)).toBe(-8);
    expect(castNumber(Infinity, fixed(8, 4))).toBe(0);
    expect(Object.is(castNumber(-0, t), 0)).toBe(true);
    expect(Object.is(castNumber(-0.01, t), 0)).toBe(true);
  });
  it('the smallest subnormals keep their sign under scaling (TRN floors them to −LSB)', () => {
    const neg = fixed(8, 20); // LSB 2^12, so x · 2^-12 underflows
    expect(castNumber(-Number.MIN_VALUE, neg)).toBe(-4096);
    expect(castNumber(Number.MIN_VALUE, neg)).toBe(0);
    expect(castNumber(-Number.MIN_VALUE, fixed(8, 20, { rounding: 'TRN_ZERO' }))).toBe(0);
  });
});
