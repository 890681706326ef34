import { describe, expect, it } from 'vitest';
import { adrs } from '../../src/search/quality.js';

describe('adrs', () => {
  const front = [[0, 10], [5, 5], [10, 0]];

  it('is 0 when every reference point is matched or beaten', () => {
    expect(adrs(front, front)).toBe(0);
    expect(adrs(front, [[0, 0]])).toBe(0);
  });

  it('averages the worst per-objective shortfall to the nearest found point, scaled by the front range', () => {
    // found only (5, 5): (0,10) is short by 5 on x → 0.5; (10,0) short by 5 on y → 0.5; (5,5) matched.
    expect(adrs(front, [[5, 5]])).toBeCloseTo(1 / 3, 12);
    expect(adrs(front, [[1, 10], [5, 5], [10, 0]])).toBeCloseTo(0.1 / 3, 12);
  });

  it('can scale by the reference value (Palermo et al.), treating a zero reference as 1', () => {
    expect(adrs([[10, 20]], [[12, 20]], 'relative')).toBeCloseTo(0.2, 12);
    expect(adrs([[0, 20]], [[1, 20]], 'relative')).toBeCloseTo(1, 12);
  });

  it('is infinite when nothing was found and 0 for an empty reference', () => {
    expect(adrs(front, [])).toBe(Number.POSITIVE_INFINITY);
    expect(adrs([], [[1, 1]])).toBe(0);
  });
});
