/** Double ↔ dyadic conversions: lossless one way, correctly rounded the other (V8's decimal parser as the oracle). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bitLength, doubleToDyadic, dyadicToNumber, ldexp } from '../../src/fixed/dyadic.js';
import { formatDyadic } from '../../src/fixed/fixed-value.js';
import { rat, ratCompare, ratFromNumber } from '../../src/fixed/bigint-ref.js';

const SEED = 42;
const ratOf = (m: bigint, f: number) => (f >= 0 ? rat(m, 1n << BigInt(f)) : rat(m << BigInt(-f)));

describe('doubleToDyadic', () => {
  it('is the exact value of every finite double and converts back to it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: -1e-305, max: 1e-305, noNaN: true })), (x) => {
        const d = doubleToDyadic(x);
        expect(ratCompare(ratOf(d.mantissa, d.frac), ratFromNumber(x))).toBe(0);
        expect(dyadicToNumber(d.mantissa, d.frac)).toBe(x === 0 ? 0 : x);
        if (d.mantissa !== 0n) expect(d.mantissa & 1n).toBe(1n); // trailing zeros stripped
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });
  it('reads ±Infinity as ±2^1024 and rejects NaN', () => {
    expect(doubleToDyadic(Infinity)).toEqual({ mantissa: 1n, frac: -1024 });
    expect(doubleToDyadic(-Infinity)).toEqual({ mantissa: -1n, frac: -1024 });
    expect(() => doubleToDyadic(Number.NaN)).toThrow(RangeError);
    expect(doubleToDyadic(Number.MIN_VALUE)).toEqual({ mantissa: 1n, frac: 1074 });
    expect(doubleToDyadic(-1.5)).toEqual({ mantissa: -3n, frac: 1 });
  });
});

describe('dyadicToNumber', () => {
  it('rounds to nearest-even like parsing the exact decimal, subnormals and overflow included', () => {
    const arb = fc.oneof(
      fc.tuple(fc.bigInt({ min: -(1n << 200n), max: 1n << 200n }), fc.integer({ min: -1100, max: 1300 })),
      fc.tuple(fc.bigInt({ min: -(1n << 70n), max: 1n << 70n }), fc.integer({ min: 1020, max: 1150 })),
      fc.tuple(fc.bigInt({ min: -(1n << 60n), max: 1n << 60n }), fc.integer({ min: -1000, max: -960 })),
    );
    fc.assert(
      fc.property(arb, ([m, f]) => {
        expect(dyadicToNumber(m, f)).toBe(Number(formatDyadic(m, f)));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
  it('handles the subnormal and overflow boundaries', () => {
    expect(dyadicToNumber(1n, 1075)).toBe(0); // exactly half of MIN_VALUE: ties to even (0)
    expect(dyadicToNumber(3n, 1076)).toBe(Number.MIN_VALUE); // 0.75 · MIN_VALUE
    expect(dyadicToNumber(-1n, 1074)).toBe(-Number.MIN_VALUE);
    expect(dyadicToNumber(1n, -1024)).toBe(Infinity);
    expect(dyadicToNumber((1n << 53n) - 1n, 53 - 1024)).toBe(Number.MAX_VALUE);
  });
});

describe('helpers', () => {
  it('bitLength and ldexp', () => {
    expect([0n, 1n, 2n, 255n, 256n, 1n << 100n].map(bitLength)).toEqual([0, 1, 2, 8, 9, 101]);
    expect(ldexp(1, -1074)).toBe(Number.MIN_VALUE);
    expect(ldexp(2 ** 52, -1126)).toBe(Number.MIN_VALUE);
    expect(ldexp(1, 1023)).toBe(2 ** 1023);
    expect(ldexp(2 ** -1074, 2000)).toBe(2 ** 926);
  });
});
