import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crowdingDistance, dominates, nonDominatedSort } from '../../src/search/dominance.js';
import { hypervolume } from '../../src/search/hypervolume.js';
import { ParetoArchive } from '../../src/search/pareto-archive.js';

const vec = (m: number) => fc.array(fc.integer({ min: 0, max: 20 }), { minLength: m, maxLength: m });
const points = (m: number) => fc.array(vec(m), { minLength: 1, maxLength: 40 });

/** Hypervolume by counting unit cells (integer coordinates), an obviously correct oracle. */
function cellHv(ps: number[][], ref: number[]): number {
  const m = ref.length;
  let count = 0;
  const idx = new Array<number>(m).fill(0);
  const total = ref.reduce((a, b) => a * b, 1);
  for (let c = 0; c < total; c++) {
    let r = c;
    for (let k = 0; k < m; k++) {
      idx[k] = r % ref[k];
      r = Math.floor(r / ref[k]);
    }
    if (ps.some((p) => p.every((v, k) => v <= idx[k]))) count++;
  }
  return count;
}

describe('dominance', () => {
  it('is irreflexive, asymmetric and transitive', () => {
    fc.assert(
      fc.property(vec(3), vec(3), vec(3), (a, b, c) => {
        expect(dominates(a, a)).toBe(false);
        if (dominates(a, b)) expect(dominates(b, a)).toBe(false);
        if (dominates(a, b) && dominates(b, c)) expect(dominates(a, c)).toBe(true);
      }),
      { seed: 1, numRuns: 300 },
    );
  });

  it('sorts into fronts where nobody in a front dominates a fellow and each later member is dominated', () => {
    fc.assert(
      fc.property(points(2), (ps) => {
        const fronts = nonDominatedSort(ps.map((objectives) => ({ objectives, violation: 0 })));
        expect(fronts.flat().sort((a, b) => a - b)).toEqual(ps.map((_, i) => i));
        for (const f of fronts) for (const i of f) for (const j of f) expect(dominates(ps[i], ps[j])).toBe(false);
        for (let k = 1; k < fronts.length; k++) for (const j of fronts[k]) expect(fronts[k - 1].some((i) => dominates(ps[i], ps[j]))).toBe(true);
      }),
      { seed: 2, numRuns: 200 },
    );
  });

  it('puts feasible points ahead of infeasible ones', () => {
    const fronts = nonDominatedSort([
      { objectives: [0, 0], violation: 3 },
      { objectives: [9, 9], violation: 0 },
      { objectives: [1, 1], violation: 1 },
    ]);
    expect(fronts).toEqual([[1], [2], [0]]);
  });

  it('gives extremes infinite crowding distance', () => {
    const d = crowdingDistance([[0, 4], [1, 2], [4, 0]]);
    expect(d[0]).toBe(Infinity);
    expect(d[2]).toBe(Infinity);
    expect(d[1]).toBeCloseTo(2, 10);
  });
});

describe('ParetoArchive', () => {
  it('keeps a mutually non-dominated set independent of insertion order', () => {
    fc.assert(
      fc.property(points(3), fc.integer({ min: 0, max: 1000 }), (ps, seed) => {
        const build = (order: number[]) => {
          const a = new ParetoArchive();
          for (const i of order) a.add({ key: `p${i}:${ps[i].join(',')}`, objectives: ps[i], payload: i });
          return a.front().map((e) => e.key);
        };
        const order = ps.map((_, i) => i);
        const shuffled = [...order].sort((x, y) => ((x * 7919 + seed) % 101) - ((y * 7919 + seed) % 101));
        const f = build(order);
        expect(build(shuffled)).toEqual(f);
        const objs = f.map((k) => ps[Number(k.slice(1, k.indexOf(':')))]);
        for (const a of objs) for (const b of objs) expect(dominates(a, b)).toBe(false);
        for (const p of ps) expect(objs.some((o) => dominates(o, p) || o.every((v, i) => v === p[i]))).toBe(true);
      }),
      { seed: 3, numRuns: 200 },
    );
  });

  it('ignores a key it has seen', () => {
    const a = new ParetoArchive();
    expect(a.add({ key: 'x', objectives: [1, 1], payload: null })).toBe(true);
    expect(a.add({ key: 'x', objectives: [0, 0], payload: null })).toBe(false);
    expect(a.size).toBe(1);
  });
});

describe('hypervolume', () => {
  it('is exact in 2, 3 and 4 objectives (unit-cell oracle)', () => {
    for (const m of [2, 3, 4]) {
      fc.assert(
        fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: m, maxLength: m }), { minLength: 1, maxLength: 12 }), (ps) => {
          const ref = new Array<number>(m).fill(7);
          expect(hypervolume(ps, ref)).toBe(cellHv(ps, ref));
        }),
        { seed: 4 + m, numRuns: 60 },
      );
    }
  });

  it('ignores points outside the reference box', () => {
    expect(hypervolume([[1, 1], [5, 0]], [4, 4])).toBe(9);
  });
});
