/**
 * Hand-checked casts: UG1399's rounding and overflow examples plus corners worked out bit by bit from the
 * `ap_fixed_base` conversion rules (N saturation bits, WRAP_SM, width 1, I > W, I < 0, unsigned targets).
 */
import { describe, expect, it } from 'vitest';
import { castArray, castNumber } from '../../src/fixed/fast-cast.js';
import { fromNumber, toNumber } from '../../src/fixed/fixed-value.js';
import { castDyadic } from '../../src/fixed/quantize.js';
import { doubleToDyadic } from '../../src/fixed/dyadic.js';
import { fixed, parsePrecision, type FixedType } from '../../src/fixed/precision.js';
import { HlsdseError } from '../../src/util/errors.js';

function type(s: string): FixedType {
  const p = parsePrecision(s);
  if (p.kind !== 'fixed') throw new Error(s);
  return p;
}

/** [type, input, expected result, overflow mode acted?] */
const CASES: ReadonlyArray<readonly [string, number, number, boolean]> = [
  // quantisation, LSB 0.5 (UG1399 examples)
  ['ap_fixed<3,2,AP_RND,AP_SAT>', 1.25, 1.5, false],
  ['ap_fixed<3,2,AP_RND,AP_SAT>', -1.25, -1.0, false],
  ['ap_fixed<3,2,AP_RND_ZERO,AP_SAT>', 1.25, 1.0, false],
  ['ap_fixed<3,2,AP_RND_ZERO,AP_SAT>', -1.25, -1.0, false],
  ['ap_fixed<3,2,AP_RND_ZERO,AP_SAT>', 1.3, 1.5, false],
  ['ap_fixed<3,2,AP_RND_MIN_INF,AP_SAT>', 1.25, 1.0, false],
  ['ap_fixed<3,2,AP_RND_MIN_INF,AP_SAT>', -1.25, -1.5, false],
  ['ap_fixed<3,2,AP_RND_MIN_INF,AP_SAT>', -1.2, -1.0, false],
  ['ap_fixed<3,2,AP_RND_INF,AP_SAT>', 1.25, 1.5, false],
  ['ap_fixed<3,2,AP_RND_INF,AP_SAT>', -1.25, -1.5, false],
  ['ap_fixed<3,2,AP_RND_CONV,AP_SAT>', 0.75, 1.0, false],
  ['ap_fixed<3,2,AP_RND_CONV,AP_SAT>', 1.25, 1.0, false],
  ['ap_fixed<3,2,AP_RND_CONV,AP_SAT>', -1.25, -1.0, false],
  ['ap_fixed<3,2,AP_RND_CONV,AP_SAT>', -0.75, -1.0, false],
  ['ap_fixed<3,2,AP_TRN,AP_SAT>', 1.25, 1.0, false],
  ['ap_fixed<3,2,AP_TRN,AP_SAT>', -1.25, -1.5, false],
  ['ap_fixed<3,2,AP_TRN_ZERO,AP_SAT>', 1.25, 1.0, false],
  ['ap_fixed<3,2,AP_TRN_ZERO,AP_SAT>', -1.25, -1.0, false],
  // overflow, range −8…7 (UG1399 examples and N > 0)
  ['ap_fixed<4,4,AP_RND,AP_SAT>', 19, 7, true],
  ['ap_fixed<4,4,AP_RND,AP_SAT>', -19, -8, true],
  ['ap_fixed<4,4,AP_RND,AP_SAT_ZERO>', 19, 0, true],
  ['ap_fixed<4,4,AP_RND,AP_SAT_ZERO>', -19, 0, true],
  ['ap_fixed<4,4,AP_RND,AP_SAT_SYM>', 19, 7, true],
  ['ap_fixed<4,4,AP_RND,AP_SAT_SYM>', -19, -7, true],
  ['ap_fixed<4,4,AP_RND,AP_SAT_SYM>', -8, -7, true],
  ['ap_fixed<4,4,AP_RND,AP_WRAP>', 19, 3, true], // 10011 → 0011
  ['ap_fixed<4,4,AP_RND,AP_WRAP>', -19, -3, true], // …101101 → 1101
  ['ap_fixed<4,4,AP_RND,AP_WRAP>', 31.5, 0, true], // rounds to 32
  ['ap_fixed<4,4,AP_RND,AP_WRAP,1>', 12, 4, true], // 1100 → MSB forced to the sign (0): 0100
  ['ap_fixed<4,4,AP_RND,AP_WRAP,1>', -12, -4, true], // 0100 → 1100
  ['ap_fixed<4,4,AP_RND,AP_WRAP,2>', 19, 7, true], // top bits 01, low bits 11
  ['ap_fixed<4,4,AP_RND,AP_WRAP,2>', -19, -7, true], // top bits 10, low bits 01
  ['ap_fixed<4,4,AP_RND,AP_WRAP,4>', 100, 7, true], // N = W saturates
  ['ap_ufixed<4,4,AP_RND,AP_WRAP,2>', 19, 15, true], // unsigned: top N bits 11
  ['ap_ufixed<4,4,AP_RND,AP_WRAP,2>', -3, 13, true], // …also on underflow: 11 01
  ['ap_fixed<4,4,AP_RND,AP_WRAP_SM>', 19, -4, true], // 0011, bit 4 = 1 ≠ MSB → invert: 1100
  ['ap_fixed<4,4,AP_RND,AP_WRAP_SM>', -19, 2, true], // 1101, bit 4 = 0 ≠ MSB → invert: 0010
  ['ap_fixed<4,4,AP_RND,AP_WRAP_SM>', 15.5, 0, true], // q = 16 but bit 4 is read before rounding (15): no inversion
  ['ap_fixed<4,4,AP_RND,AP_WRAP_SM,1>', 19, 3, true], // MSB 0 = sign: kept
  ['ap_fixed<4,4,AP_RND,AP_WRAP_SM,1>', -19, -3, true],
  ['ap_fixed<4,4,AP_RND,AP_WRAP_SM,1>', 27, 4, true], // 1011: MSB ≠ sign → 0100
  ['ap_fixed<4,4,AP_RND,AP_WRAP_SM,2>', 19, 4, true], // 0011: bit 2 = sign → invert 1100, top 01 → 0100
  ['ap_fixed<4,4,AP_RND,AP_WRAP_SM,2>', -19, -6, true], // 1101: bit 2 = sign → invert 0010, top 10 → 1010
  // width 1: ap_fixed<1,1> holds {−1, 0}
  ['ap_fixed<1,1>', 0.5, 0, false],
  ['ap_fixed<1,1>', -0.5, -1, false],
  ['ap_fixed<1,1>', 1, -1, true],
  ['ap_fixed<1,1>', 2, 0, true],
  ['ap_fixed<1,1,AP_RND,AP_SAT>', 0.5, 0, true],
  ['ap_fixed<1,1,AP_RND,AP_SAT>', -5, -1, true],
  ['ap_fixed<1,1,AP_TRN,AP_SAT_SYM>', -5, -1, true], // the header's SAT_SYM gives −1 here, not −max = 0
  ['ap_fixed<1,1,AP_TRN,AP_SAT_SYM>', -1, -1, false],
  ['ap_fixed<1,1,AP_TRN,AP_SAT_SYM>', 3, 0, true],
  ['ap_ufixed<1,1,AP_RND,AP_SAT>', 0.5, 1, false],
  ['ap_ufixed<1,1,AP_RND,AP_SAT>', 7, 1, true],
  ['ap_ufixed<1,1,AP_RND,AP_SAT>', -1, 0, true],
  // I > W (LSB 16) and I < 0 (LSB 1/64)
  ['ap_fixed<4,8>', 100, 96, false],
  ['ap_fixed<4,8,AP_RND>', 104, 112, false],
  ['ap_fixed<4,8,AP_RND>', 130, -128, true],
  ['ap_fixed<4,-2>', 0.1, 0.09375, false],
  ['ap_fixed<4,-2,AP_RND,AP_SAT>', 0.2, 0.109375, true],
  ['ap_fixed<4,-2,AP_RND,AP_SAT>', -0.2, -0.125, true],
  ['ap_ufixed<8,0,AP_RND,AP_SAT>', 0.999, 0.99609375, true],
  ['ap_ufixed<8,0,AP_RND,AP_SAT>', -0.001, 0, false],
  ['ap_ufixed<8,0,AP_RND,AP_SAT>', -0.003, 0, true],
  // typical hls4ml types
  ['ap_fixed<16,6>', 3.14159, 3.140625, false],
  ['ap_fixed<16,6,AP_RND,AP_SAT>', 3.14159, 3.1416015625, false],
  ['ap_fixed<16,6,AP_RND,AP_SAT>', 40, 31.9990234375, true],
  ['ap_fixed<16,6,AP_RND,AP_SAT>', -40, -32, true],
  ['ap_int<8>', 200.7, -56, true],
  ['ap_uint<8>', -1, 255, true],
];

describe('hand-checked casts', () => {
  it.each(CASES)('%s ← %d gives %d', (s, x, want, overflow) => {
    const t = type(s);
    expect(castNumber(x, t)).toBe(want);
    expect(toNumber(fromNumber(x, t))).toBe(want);
    const d = doubleToDyadic(x);
    expect(castDyadic(d.mantissa, d.frac, t).overflow).toBe(overflow);
    expect(castArray(new Float64Array([x]), new Float64Array(1), t)).toBe(overflow ? 1 : 0);
  });
});

describe('rejected types', () => {
  it('ap_ufixed with WRAP_SM, and N beyond the width', () => {
    expect(() => castNumber(1, fixed(8, 4, { signed: false, overflow: 'WRAP_SM' }))).toThrow(HlsdseError);
    expect(() => fromNumber(1, fixed(8, 4, { overflow: 'WRAP', saturationBits: 9 }))).toThrow(/saturation bits/);
  });
});
