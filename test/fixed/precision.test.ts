import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixed, formatPrecision, OVERFLOW_MODES, parsePrecision, PrecisionParseError, ROUNDING_MODES } from '../../src/fixed/precision.js';

describe('parsePrecision', () => {
  it('reads the forms hls4ml accepts', () => {
    expect(parsePrecision('ap_fixed<16,6>')).toEqual(fixed(16, 6));
    expect(parsePrecision('fixed<16,6>')).toEqual(fixed(16, 6));
    expect(parsePrecision('ap_ufixed<8,0>')).toEqual(fixed(8, 0, { signed: false }));
    expect(parsePrecision('ap_fixed<8,3,AP_RND,AP_SAT>')).toEqual(fixed(8, 3, { rounding: 'RND', overflow: 'SAT' }));
    expect(parsePrecision('fixed<12,9,TRN,WRAP>')).toEqual(fixed(12, 9));
    expect(parsePrecision('ap_fixed<10,4,AP_RND_CONV,AP_WRAP_SM,2>')).toEqual(fixed(10, 4, { rounding: 'RND_CONV', overflow: 'WRAP_SM', saturationBits: 2 }));
    expect(parsePrecision('ap_int<8>')).toEqual(fixed(8, 8, { isInteger: true }));
    expect(parsePrecision('uint<4>')).toEqual(fixed(4, 4, { signed: false, isInteger: true }));
    expect(parsePrecision(' auto ')).toEqual({ kind: 'auto' });
    expect(parsePrecision('ap_fixed<4,-2>')).toEqual(fixed(4, -2));
  });

  it.each([
    ['ap_fixed<0,0>', 'width must be at least 1'],
    ['ap_fixed<16>', 'takes 2 to 5 arguments'],
    ['ap_fixed<16,6,AP_BOGUS>', "unknown rounding mode 'AP_BOGUS'"],
    ['ap_fixed<16,6,AP_RND,AP_CLAMP>', "unknown overflow mode 'AP_CLAMP'"],
    ['ap_int<8,2>', 'exactly one argument'],
    ['float32', 'expected ap_fixed'],
    ['ap_fixed<a,6>', "width must be an integer, got 'a'"],
  ])('refuses %s', (text, reason) => {
    expect(() => parsePrecision(text)).toThrow(PrecisionParseError);
    expect(() => parsePrecision(text)).toThrow(reason);
  });

  it('prints as hls4ml does, dropping default modes', () => {
    expect(formatPrecision(parsePrecision('ap_fixed<16,6,AP_TRN,AP_WRAP,0>'))).toBe('ap_fixed<16,6>');
    expect(formatPrecision(parsePrecision('ap_fixed<16,6,AP_RND>'))).toBe('ap_fixed<16,6,AP_RND>');
    expect(formatPrecision(parsePrecision('ap_fixed<16,6,AP_TRN,AP_SAT>'))).toBe('ap_fixed<16,6,AP_TRN,AP_SAT>');
    expect(formatPrecision(parsePrecision('ap_uint<3>'))).toBe('ap_uint<3>');
  });

  it('round-trips every type through its string', () => {
    const arb = fc.record({
      width: fc.integer({ min: 1, max: 128 }),
      integer: fc.integer({ min: -16, max: 140 }),
      signed: fc.boolean(),
      rounding: fc.constantFrom(...ROUNDING_MODES),
      overflow: fc.constantFrom(...OVERFLOW_MODES),
      saturationBits: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(arb, (a) => {
        const t = fixed(a.width, a.integer, a);
        expect(parsePrecision(formatPrecision(t))).toEqual(t);
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});
