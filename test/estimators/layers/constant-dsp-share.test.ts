/**
 * The constant-product rule: signed-digit counts, the share of constants the tool builds in DSPs (from the weights
 * when they are known, from Glorot-scaled Gaussian weights when not), and the per-weight histogram behind it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultParameters } from '../../../src/estimators/calibration/parameters.js';
import { constantDigits, erfc, gaussianDigits } from '../../../src/estimators/layers/constant-dsp-share.js';
import { BLANK_SIGNATURE, type LayerSignature } from '../../../src/estimators/signature.js';
import { csdDigits, weightStatsOf, weightStatsOfValues } from '../../../src/estimators/weight-stats.js';
import { fixed } from '../../../src/fixed/precision.js';
import { skipCnn } from '../graphs.js';

/** Reference: minimum number of ±2^k terms summing to q, by dynamic programming over small q. */
function minSignedTerms(limit: number): number[] {
  const best = Array.from({ length: 2 * limit + 1 }, () => Infinity);
  best[limit] = 0;
  for (let round = 0; round < 12; round++) {
    for (let q = -limit; q <= limit; q++) {
      for (let k = 0; 2 ** k <= 2 * limit; k++) {
        for (const t of [2 ** k, -(2 ** k)]) {
          const r = q - t;
          if (r >= -limit && r <= limit && best[r + limit] + 1 < best[q + limit]) best[q + limit] = best[r + limit] + 1;
        }
      }
    }
  }
  return best;
}

describe('csdDigits', () => {
  it('counts the non-zero digits of the canonical signed-digit form, the fewest ±2^k terms', () => {
    expect([0, 1, 2, 3, 5, 7, 11, 127, -11].map(csdDigits)).toEqual([0, 1, 1, 2, 2, 2, 3, 2, 3]);
    const limit = 256;
    const best = minSignedTerms(limit);
    for (let q = -limit; q <= limit; q++) expect(csdDigits(q), String(q)).toBe(best[q + limit]);
  });
  it('handles codes beyond 32 bits', () => {
    expect(csdDigits(2 ** 40 + 2 ** 20 + 1)).toBe(3);
    expect(csdDigits(2 ** 40 - 1)).toBe(2);
  });
});

describe('erfc', () => {
  it('matches known values', () => {
    expect(erfc(0)).toBeCloseTo(1, 6);
    expect(erfc(1)).toBeCloseTo(0.157299207, 6);
    expect(erfc(-1)).toBeCloseTo(1.842700793, 6);
    expect(erfc(3)).toBeCloseTo(2.209e-5, 6);
  });
});

const dense = (nIn: number, nOut: number, extra: Partial<LayerSignature> = {}): LayerSignature => ({
  ...BLANK_SIGNATURE, family: 'dense', label: 'Dense', nIn, nOut, nWeights: nIn * nOut, weightWidth: 8, weightInteger: 2, ...extra,
});

describe('constantDigits', () => {
  const p = defaultParameters();
  it('counts the known weights with enough signed digits', () => {
    // digit histogram: 6 weights with 2 digits, 3 with 3, 1 with 4 → 4 of 10 have ≥ 3.
    const s = dense(4, 4, { weightsKnown: true, weightDigitCounts: [0, 0, 6, 3, 1], tool: 'vitis_hls' });
    expect(constantDigits(s, { ...p, constDspMinDigitsVitis: 3 }).wideShare).toBeCloseTo(0.4, 12);
    expect(constantDigits(s, { ...p, constDspMinDigitsVitis: 2 }).wideShare).toBe(1);
    expect(constantDigits(s, { ...p, constDspMinDigitsVitis: 5 }).wideShare).toBe(0);
  });
  it('falls with the fan and rises with fraction bits when the weights are unknown', () => {
    const share = (nIn: number, nOut: number, w: number, i: number) => constantDigits(dense(nIn, nOut, { weightWidth: w, weightInteger: i }), p).wideShare;
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 300 }), fc.integer({ min: 2, max: 300 }), (a, b) => {
        expect(share(a, b, 8, 2)).toBeGreaterThanOrEqual(share(a * 4, b * 4, 8, 2) - 1e-9);
      }),
      { numRuns: 40 },
    );
    expect(share(32, 32, 16, 6)).toBeGreaterThan(share(32, 32, 8, 2));
    for (const x of [share(3, 3, 8, 2), share(500, 500, 8, 2), share(16, 16, 24, 4)]) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
    }
  });
  it('samples wide code ranges without running away (stride) and memoises', () => {
    const a = gaussianDigits(1e6, 2 ** 31, 3);
    expect(a.wideShare).toBeGreaterThan(0.5);
    expect(gaussianDigits(1e6, 2 ** 31, 3)).toBe(a);
    expect(gaussianDigits(0.3, 127, 3).wideShare).toBe(0);
  });
  it('gives the adders of narrow and of all constants, and the expected zeros and powers of two', () => {
    const known = constantDigits(dense(4, 4, { weightsKnown: true, weightDigitCounts: [0, 0, 6, 3, 1], tool: 'vitis_hls' }), { ...p, constDspMinDigitsVitis: 3 });
    expect(known.narrowAdders).toBe(1);
    expect(known.allAdders).toBeCloseTo((6 * 1 + 3 * 2 + 1 * 3) / 10, 12);
    expect([known.zeroShare, known.pow2Share]).toEqual([0, 0]);
    // σ = 1 LSB: P(q = 0) = erf(0.5/√2) ≈ 0.383; ±1, ±2, ±4 take most of the rest.
    const tiny = gaussianDigits(1, 127, 3);
    expect(tiny.zeroShare).toBeCloseTo(0.3829, 3);
    expect(tiny.pow2Share).toBeGreaterThan(0.5);
    expect(tiny.zeroShare + tiny.pow2Share).toBeLessThanOrEqual(1);
    // Wider weights: fewer zeros, more signed digits.
    const wide = gaussianDigits(200, 2 ** 15, 3);
    expect(wide.zeroShare).toBeLessThan(0.01);
    expect(wide.allAdders).toBeGreaterThan(tiny.allAdders);
  });
});

describe('weightStatsOf digit histogram', () => {
  it('sums with zeros and powers of two to the kernel size', () => {
    const conv = skipCnn().layers.find((l) => l.name === 'c2');
    if (!conv) throw new Error('no c2');
    const s = weightStatsOf(conv, fixed(8, 2));
    const nonTrivial = s.digitCounts.reduce((a, b) => a + b, 0);
    expect(s.zeros + s.pow2 + nonTrivial).toBe(s.weights);
    expect(s.digitCounts[0] ?? 0).toBe(0);
    expect(s.digitCounts[1] ?? 0).toBe(0);
  });
  it('counts plain value arrays (weight files) exactly as a layer\'s kernels', () => {
    const conv = skipCnn().layers.find((l) => l.name === 'c2');
    const kernel = conv?.params['weight']?.data;
    if (!conv || !kernel) throw new Error('no c2 kernel');
    const filters = conv.params['weight']?.shape.at(-1) ?? 1;
    expect(weightStatsOfValues([{ data: kernel, rowLength: filters }], fixed(8, 2))).toEqual(weightStatsOf(conv, fixed(8, 2)));
    // ap_fixed<6,1> codes v·32: 0 → 0, 0.5 → 16 (2^k), −0.25 → −8 (2^k), 0.34375 → 11 (16 − 4 − 1: 3 digits),
    // 0.09375 → 3 (4 − 1: 2 digits); two arrays add up.
    const two = [{ data: [0, 0.5, -0.25], rowLength: 3 }, { data: [0.34375, 0.09375], rowLength: 2 }];
    expect(weightStatsOfValues(two, fixed(6, 1))).toEqual({ weights: 5, zeros: 1, pow2: 2, digitCounts: [0, 0, 1, 1], distinctDigitCounts: [0, 0, 1, 1] });
  });
  it('counts a code repeated on one input once among the distinct products, on another input again', () => {
    // ap_fixed<6,1>: 0.34375 → 11 (3 digits), −0.34375 → −11 (another product), 0.09375 → 3 (2 digits).
    // Rows of 3 (one input each): row 0 has 11 twice and −11 once; row 1 has 11 once and 3 twice.
    const kernel = { data: [0.34375, 0.34375, -0.34375, 0.34375, 0.09375, 0.09375], rowLength: 3 };
    const s = weightStatsOfValues([kernel], fixed(6, 1));
    expect(s.digitCounts).toEqual([0, 0, 2, 4]);
    expect(s.distinctDigitCounts).toEqual([0, 0, 1, 3]);
    // Per-element scales (row length 1) share nothing.
    expect(weightStatsOfValues([{ ...kernel, rowLength: 1 }], fixed(6, 1)).distinctDigitCounts).toEqual([0, 0, 2, 4]);
  });
});
