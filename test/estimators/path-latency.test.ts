/** The longest-path latency of a layer graph, with its spread; the scratch buffer grows across graph sizes. */
import { describe, expect, it } from 'vitest';
import { pathLatency } from '../../src/estimators/design-totals.js';

const iv = (mean: number, spread = 0) => ({ mean, lo: mean - spread, hi: mean + spread });

describe('pathLatency', () => {
  it('follows the slower branch of a diamond and adds hop cycles for counted layers', () => {
    // 0 → {1, 2} → 3; branch 2 is slower.
    const inputs = [[], [0], [0], [1, 2]];
    const r = pathLatency(inputs, [3], [iv(2, 1), iv(5), iv(9, 2), iv(1)], [true, true, true, false], 1);
    expect(r.mean).toBe(2 + 9 + 1 + 2);
    expect(r.hi - r.mean).toBeCloseTo(Math.sqrt(1 + 4), 12);
  });
  it('gives the same answer for a small graph after a large one (no state left between calls)', () => {
    const chain = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? [] : [i - 1]));
    const big = pathLatency(chain(500), [499], Array.from({ length: 500 }, () => iv(1)), Array(500).fill(false), 0);
    expect(big.mean).toBe(500);
    expect(pathLatency(chain(3), [], [iv(1), iv(2), iv(3)], [false, false, false], 0).mean).toBe(6);
    expect(pathLatency([], [], [], [], 0)).toEqual({ mean: 0, lo: 0, hi: 0 });
  });
});
