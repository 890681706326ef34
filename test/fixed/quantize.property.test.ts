/** The BigInt cast path (castDyadic) against the rational reference, for every rounding × overflow pair. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { castDyadic } from '../../src/fixed/quantize.js';
import { castValue, fromBits, fromNumber } from '../../src/fixed/fixed-value.js';
import { rat, ratFromFixed, ratFromNumber, refCast } from '../../src/fixed/bigint-ref.js';
import { arbDoubleFor, arbDyadicFor, arbType, MODE_PAIRS } from './arbitraries.js';

const SEED = 42;

function refOfDyadic(mantissa: bigint, frac: number) {
  return frac >= 0 ? rat(mantissa, 1n << BigInt(frac)) : rat(mantissa << BigInt(-frac));
}

describe('castDyadic matches the rational reference', () => {
  it.each(MODE_PAIRS)('%s / %s, widths 1..64, sources up to 130 bits', (rounding, overflow) => {
    const arb = arbType({ maxWidth: 64, rounding, overflow }).chain((t) =>
      arbDyadicFor(t, 130).map((v) => ({ t, ...v })),
    );
    fc.assert(
      fc.property(arb, ({ t, mantissa, frac }) => {
        const got = castDyadic(mantissa, frac, t);
        const want = refCast(refOfDyadic(mantissa, frac), t);
        expect(got).toEqual(want);
      }),
      { seed: SEED, numRuns: 250 },
    );
  });

  it('wide accumulators: targets up to 128 bits, sources up to 260 bits', () => {
    const arb = arbType({ minWidth: 40, maxWidth: 128, spread: 40 }).chain((t) =>
      arbDyadicFor(t, 260).map((v) => ({ t, ...v })),
    );
    fc.assert(
      fc.property(arb, ({ t, mantissa, frac }) => {
        expect(castDyadic(mantissa, frac, t)).toEqual(refCast(refOfDyadic(mantissa, frac), t));
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it('exact double casts (fromNumber) match the reference for any width', () => {
    const arb = arbType({ maxWidth: 96 }).chain((t) => arbDoubleFor(t).map((x) => ({ t, x })));
    fc.assert(
      fc.property(arb, ({ t, x }) => {
        expect(fromNumber(x, t).mantissa).toBe(refCast(ratFromNumber(x), t).mantissa);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });
});

describe('cast invariants', () => {
  it('a value cast into its own type is unchanged (bar SAT_SYM min → −max); results lie in the target range', () => {
    const arb = fc
      .tuple(arbType({ maxWidth: 70 }), arbType({ maxWidth: 70 }), fc.bigInt({ min: 0n, max: (1n << 70n) - 1n }))
      .map(([s, t, bits]) => ({ v: fromBits(bits, s), t }));
    fc.assert(
      fc.property(arb, ({ v, t }) => {
        const symMin = v.type.overflow === 'SAT_SYM' && v.type.signed && v.type.width > 1 && v.mantissa === -(1n << BigInt(v.type.width - 1));
        expect(castValue(v, v.type).mantissa).toBe(symMin ? v.mantissa + 1n : v.mantissa);
        const r = castValue(v, t);
        const w = BigInt(t.width);
        const [min, max] = t.signed ? [-(1n << (w - 1n)), (1n << (w - 1n)) - 1n] : [0n, (1n << w) - 1n];
        expect(r.mantissa >= min && r.mantissa <= max).toBe(true);
        expect(r.mantissa).toBe(refCast(ratFromFixed(v.mantissa, v.type), t).mantissa);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('saturating casts are monotone', () => {
    const arb = fc
      .constantFrom('SAT' as const, 'SAT_SYM' as const)
      .chain((overflow) => arbType({ maxWidth: 40, overflow }))
      .chain((t) => fc.tuple(fc.constant(t), arbDoubleFor(t), arbDoubleFor(t)));
    fc.assert(
      fc.property(arb, ([t, a, b]) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        expect(fromNumber(x, t).mantissa <= fromNumber(y, t).mantissa).toBe(true);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});
