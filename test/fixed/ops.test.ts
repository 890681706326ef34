/** Full-precision arithmetic, comparison, printing and double conversion of FixedValue, against rationals. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { add, addType, mul, mulType, neg, sub, subType } from '../../src/fixed/fixed-ops.js';
import { compare, formatValue, fromBits, fromMantissa, toBits, toNumber } from '../../src/fixed/fixed-value.js';
import { fixed, formatPrecision } from '../../src/fixed/precision.js';
import { ratAdd, ratCompare, ratFromDecimal, ratFromFixed, ratMul, ratSub, rat } from '../../src/fixed/bigint-ref.js';
import { arbType } from './arbitraries.js';

const SEED = 42;
const arbValue = arbType({ maxWidth: 80, spread: 20 }).chain((t) =>
  fc.bigInt({ min: 0n, max: (1n << 80n) - 1n }).map((bits) => fromBits(bits, t)),
);
const ratOfValue = (v: { mantissa: bigint; type: Parameters<typeof ratFromFixed>[1] }) => ratFromFixed(v.mantissa, v.type);

describe('result types', () => {
  it('follow ap_fixed_base::RType', () => {
    const a = fixed(16, 6);
    const b = fixed(8, 3);
    const u = fixed(8, 4, { signed: false });
    expect(formatPrecision(addType(a, b))).toBe('ap_fixed<17,7>');
    expect(formatPrecision(mulType(a, b))).toBe('ap_fixed<24,9>');
    expect(formatPrecision(addType(u, b))).toBe('ap_fixed<11,6>'); // the unsigned side needs a sign bit: max(4+1, 3)+1
    expect(formatPrecision(addType(u, u))).toBe('ap_ufixed<9,5>');
    expect(formatPrecision(subType(u, u))).toBe('ap_fixed<9,5>');
    expect(formatPrecision(mulType(u, b))).toBe('ap_fixed<16,7>');
    expect(formatPrecision(addType(fixed(4, -2), fixed(6, 10)))).toBe('ap_fixed<17,11>');
  });
});

describe('arithmetic is exact and never overflows its result type', () => {
  it('add, sub, mul, neg', () => {
    fc.assert(
      fc.property(arbValue, arbValue, (a, b) => {
        const ra = ratOfValue(a);
        const rb = ratOfValue(b);
        expect(ratCompare(ratOfValue(add(a, b)), ratAdd(ra, rb))).toBe(0);
        expect(ratCompare(ratOfValue(sub(a, b)), ratSub(ra, rb))).toBe(0);
        expect(ratCompare(ratOfValue(mul(a, b)), ratMul(ra, rb))).toBe(0);
        expect(ratCompare(ratOfValue(neg(a)), rat(-ra.num, ra.den))).toBe(0);
        expect(add(a, b).type).toEqual(add(b, a).type);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});

describe('compare, formatValue, toNumber, bits', () => {
  it('agree with the rational values', () => {
    fc.assert(
      fc.property(arbValue, arbValue, (a, b) => {
        expect(compare(a, b)).toBe(ratCompare(ratOfValue(a), ratOfValue(b)));
        const s = formatValue(a);
        expect(ratCompare(ratFromDecimal(s), ratOfValue(a))).toBe(0);
        expect(s).not.toMatch(/\.\d*0$|^-0$/);
        expect(toNumber(a)).toBe(Number(s));
        expect(fromBits(toBits(a), a.type)).toEqual(a);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
  it('hand-checked values', () => {
    const t = fixed(16, 6);
    expect(formatValue(fromMantissa(-3216n, t))).toBe('-3.140625');
    expect(formatValue(fromMantissa(7n, fixed(4, 8)))).toBe('112');
    expect(formatValue(fromMantissa(-1n, fixed(4, -2)))).toBe('-0.015625');
    expect(toNumber(fromMantissa(-32768n, t))).toBe(-32);
    expect(toBits(fromMantissa(-1n, t))).toBe(0xffffn);
    expect(() => fromMantissa(32768n, t)).toThrow(RangeError);
    expect(() => fromMantissa(-1n, fixed(8, 8, { signed: false }))).toThrow(RangeError);
  });
});
