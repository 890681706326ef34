import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestReuseFactor, divisors, isValidReuseFactor, isValidReuseFactorByRule, validReuseFactors } from '../../../src/estimators/legality/reuse-factor.js';

describe('reuse factors', () => {
  it('lists hls4ml\'s example: Dense 16→64', () => {
    expect(validReuseFactors(16, 64)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024]);
  });

  it('matches hls4ml\'s three conditions for every rf (brute force)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 50 }), (nIn, nOut) => {
        const brute: number[] = [];
        for (let rf = 1; rf <= nIn * nOut; rf++) if (isValidReuseFactorByRule(nIn, nOut, rf)) brute.push(rf);
        expect(validReuseFactors(nIn, nOut)).toEqual(brute);
        for (const rf of [1, 2, 3, nIn, nIn + 1, nIn * nOut]) expect(isValidReuseFactor(nIn, nOut, rf)).toBe(isValidReuseFactorByRule(nIn, nOut, rf));
      }),
      { seed: 11, numRuns: 150 },
    );
  });

  it('snaps to the nearest valid value, the smaller on a tie', () => {
    const valid = validReuseFactors(16, 64);
    expect(closestReuseFactor(valid, 3)).toBe(2);
    expect(closestReuseFactor(valid, 6)).toBe(4);
    expect(closestReuseFactor(valid, 100)).toBe(128);
    expect(closestReuseFactor(valid, 5000)).toBe(1024);
  });

  it('finds divisors', () => {
    expect(divisors(36)).toEqual([1, 2, 3, 4, 6, 9, 12, 18, 36]);
    expect(divisors(1)).toEqual([1]);
  });
});
