import { describe, expect, it } from 'vitest';
import { EXACT_LIMIT, SeenSet } from '../../../src/search/strategies/seen-set.js';
import type { DesignSpace } from '../../../src/search/space/design-space.js';

const space = (sizes: number[]): DesignSpace => ({
  graphHash: 'g',
  knobs: sizes.map((n, i) => ({ id: `k${i}.reuseFactor`, name: 'reuseFactor' as const, layers: [`k${i}`], values: [...Array(n).keys()] })),
  base: { ioType: 'io_parallel', part: 'p', clockPeriodNs: 5, bramFactor: Infinity, layers: {} },
  fifoPolicy: 'sized',
  size: sizes.reduce((a, b) => a * BigInt(b), 1n),
  hash: 'h',
});

describe('SeenSet', () => {
  it('is exact while small and never forgets a member after turning into a Bloom filter', () => {
    const s = new SeenSet(space([1000, 1000, 10]));
    const g = (i: number) => [Math.floor(i / 10000) % 1000, Math.floor(i / 10) % 1000, i % 10];
    for (let i = 0; i < EXACT_LIMIT + 1000; i++) s.add(g(i * 3));
    for (let i = 0; i < EXACT_LIMIT + 1000; i += 997) expect(s.has(g(i * 3))).toBe(true);
    let falsePositives = 0;
    for (let i = 0; i < 20000; i++) if (s.has(g(i * 3 + 1))) falsePositives++;
    expect(falsePositives / 20000).toBeLessThan(0.01);
    expect(s.add(g(3))).toBe(false);
  });
});
