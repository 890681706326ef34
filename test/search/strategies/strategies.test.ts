/**
 * Behaviour specific to each strategy: exhaustive order, random coverage, NSGA-II convergence and seeding,
 * annealing progress, local search refining a front, `auto`'s choice, and the registry.
 */
import { describe, expect, it } from 'vitest';
import { hypervolume } from '../../../src/search/hypervolume.js';
import { genomeKey, indexGenome } from '../../../src/search/space/design-space.js';
import { annealingStrategy } from '../../../src/search/strategies/annealing.js';
import { autoIsExhaustive, autoStrategy } from '../../../src/search/strategies/auto.js';
import { baseGenome } from '../../../src/search/strategies/base-genome.js';
import { exhaustiveStrategy } from '../../../src/search/strategies/exhaustive.js';
import { localSearchStrategy, oneKnobNeighbours } from '../../../src/search/strategies/local-search.js';
import { nsga2Strategy } from '../../../src/search/strategies/nsga2.js';
import { randomStrategy } from '../../../src/search/strategies/random.js';
import { strategyById, strategyRegistry } from '../../../src/search/strategies/registry.js';
import { HlsdseError } from '../../../src/util/errors.js';
import { createRng } from '../../../src/util/rng.js';
import { drive, huge, makeSpace, recordsOf, tiny, tradeOff, zdt, zdtFront } from './problems.js';

const feasibleHv = (records: { objectives: readonly number[]; violation: number }[], ref: number[]) =>
  hypervolume(records.filter((r) => r.violation === 0).map((r) => r.objectives), ref);

describe('exhaustive', () => {
  it('streams every point in index order, then is done', () => {
    const t = drive(exhaustiveStrategy(), tiny, { seed: 1, batchSize: 5, batches: 10 });
    expect(t.done).toBe(true);
    expect(t.asked.map((b) => b.length)).toEqual([5, 5, 5, 5, 4]);
    expect(t.asked.flat()).toEqual(Array.from({ length: 24 }, (_, i) => indexGenome(tiny.space, BigInt(i))));
  });

  it('continues after the highest told index, also in spaces beyond 2^53 points', () => {
    const s = exhaustiveStrategy().create({ space: huge.space, objectives: 2, maxEvals: Number.POSITIVE_INFINITY, batchSize: 3 });
    s.tell(recordsOf(huge, [indexGenome(huge.space, 0n), indexGenome(huge.space, 1n)], 0));
    expect(s.ask(3, 1, createRng(0))).toEqual([2n, 3n, 4n].map((i) => indexGenome(huge.space, i)));
  });
});

describe('random', () => {
  it('covers a tiny space exactly once, then is done', () => {
    const t = drive(randomStrategy(), tiny, { seed: 4, batchSize: 7, batches: 10 });
    expect(t.done).toBe(true);
    expect(new Set(t.asked.flat().map((g) => genomeKey(tiny.space, g))).size).toBe(24);
  });

  it('draws the last unseen points by enumeration when almost everything was seen', () => {
    const all = Array.from({ length: 1152 }, (_, i) => indexGenome(tradeOff.space, BigInt(i)));
    const s = randomStrategy().create({ space: tradeOff.space, objectives: 2, maxEvals: Number.POSITIVE_INFINITY, batchSize: 8 });
    s.tell(recordsOf(tradeOff, all.filter((_, i) => i !== 17 && i !== 900), 0));
    const got = s.ask(8, 1, createRng(9));
    expect(got === 'done' ? [] : got.map((g) => genomeKey(tradeOff.space, g)).sort()).toEqual([(17).toString(36), (900).toString(36)].sort());
  });
});

describe('nsga2', () => {
  it('raises the hypervolume generation by generation towards the known front', () => {
    const p = zdt(6, 16);
    const ref = [1.1, 11];
    const full = hypervolume(zdtFront(p, 16), ref);
    const t = drive(nsga2Strategy(), p, { seed: 2, batchSize: 20, batches: 30 });
    const hvAt = (gens: number) => feasibleHv(t.told.slice(0, gens).flat(), ref) / full;
    expect(hvAt(3)).toBeLessThan(hvAt(10));
    expect(hvAt(10)).toBeLessThanOrEqual(hvAt(30));
    expect(hvAt(30)).toBeGreaterThan(0.99);
    const random = drive(randomStrategy(), p, { seed: 2, batchSize: 20, batches: 30 });
    expect(hvAt(30)).toBeGreaterThan(feasibleHv(random.told.flat(), ref) / full);
  });

  it('puts the base point and the given seeds first in the first generation, and rejects foreign seeds', () => {
    const seeds = [[1, 1, 1, 1, 1, 1], [5, 0, 3, 1, 2, 0]];
    const t = drive(nsga2Strategy({ seeds }), tradeOff, { seed: 1, batchSize: 6, batches: 1 });
    expect(t.asked[0].slice(0, 3)).toEqual([[0, 0, 0, 0, 0, 0], ...seeds]);
    expect(() => nsga2Strategy({ seeds: [[9, 9, 9, 9, 9, 9]] }).create({ space: tradeOff.space, objectives: 2, maxEvals: 10, batchSize: 4 })).toThrow(RangeError);
  });
});

describe('annealing', () => {
  it('improves on its first batch and on random search at equal evaluations', () => {
    const p = zdt(6, 16);
    const ref = [1.1, 11];
    const t = drive(annealingStrategy(), p, { seed: 3, batchSize: 10, maxEvals: 600, batches: 60 });
    const random = drive(randomStrategy(), p, { seed: 3, batchSize: 10, maxEvals: 600, batches: 60 });
    const hv = feasibleHv(t.told.flat(), ref);
    expect(hv).toBeGreaterThan(feasibleHv(t.told[0], ref));
    expect(hv).toBeGreaterThan(feasibleHv(random.told.flat(), ref));
  });
});

describe('local search', () => {
  it('lists one-knob neighbours nearest first', () => {
    const s = makeSpace([{ id: 'a.reuseFactor', values: [1, 2, 4, 8] }, { id: 'b.reuseFactor', values: [1, 2] }]);
    expect([...oneKnobNeighbours(s, [1, 0])]).toEqual([[0, 0], [2, 0], [1, 1], [3, 0]]);
  });

  it('walks the whole connected front from the base point, then is done', () => {
    const p = zdt(4, 8);
    const t = drive(localSearchStrategy(), p, { seed: 5, batchSize: 4, batches: 500 });
    expect(t.done).toBe(true);
    const found = new Set(t.told.flat().map((r) => r.key));
    for (let x = 0; x < 8; x++) expect(found.has(genomeKey(p.space, [x, 0, 0, 0]))).toBe(true);
    expect(found.size).toBeLessThan(8 ** 4 / 4);
  });

  it('after the first batch proposes only one-knob neighbours of told points', () => {
    const t = drive(localSearchStrategy(), tradeOff, { seed: 6, batchSize: 8, batches: 6 });
    const told = t.told.slice(0, 5).flat().map((r) => r.genome);
    for (const g of t.asked[5]) expect(told.some((h) => h.filter((v, i) => v !== g[i]).length === 1)).toBe(true);
  });
});

describe('auto', () => {
  it('is exhaustive for small spaces or budgets covering the space, hybrid otherwise', () => {
    const ctx = (space = tradeOff.space, maxEvals = Number.POSITIVE_INFINITY) => ({ space, objectives: 2, maxEvals, batchSize: 8 });
    expect(autoIsExhaustive(ctx())).toBe(true);
    expect(autoIsExhaustive(ctx(huge.space))).toBe(false);
    expect(autoIsExhaustive(ctx(tradeOff.space, 2000), 100)).toBe(true);
    expect(drive(autoStrategy(), tiny, { seed: 1, batchSize: 5, batches: 10 }).asked).toEqual(drive(exhaustiveStrategy(), tiny, { seed: 1, batchSize: 5, batches: 10 }).asked);
  });

  it('runs NSGA-II for its share of the budget, then local search', () => {
    const o = { seed: 7, batchSize: 10, maxEvals: 100, batches: 10 };
    const auto = drive(autoStrategy({ exhaustiveLimit: 0, globalShare: 0.5 }), tradeOff, o);
    const nsga = drive(nsga2Strategy(), tradeOff, o);
    expect(auto.asked.slice(0, 5)).toEqual(nsga.asked.slice(0, 5));
    const told = auto.told.slice(0, 5).flat().map((r) => r.genome);
    for (const g of auto.asked[5]) expect(told.some((h) => h.filter((v, i) => v !== g[i]).length === 1)).toBe(true);
  });
});

describe('registry', () => {
  it('has unique ids with descriptions and finds each by id', () => {
    const ids = strategyRegistry.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(['auto', 'exhaustive', 'random', 'nsga2', 'annealing', 'local-search']);
    for (const s of strategyRegistry) {
      expect(s.description.length).toBeGreaterThan(10);
      expect(strategyById(s.id)).toBe(s);
    }
  });

  it('answers an unknown id with one line naming the valid ones', () => {
    expect(() => strategyById('grid')).toThrow(HlsdseError);
    try {
      strategyById('grid');
    } catch (e) {
      expect((e as HlsdseError).line).toBe("error: --strategy: unknown strategy 'grid' (expected auto, exhaustive, random, nsga2, annealing, local-search)");
    }
  });
});

describe('baseGenome', () => {
  it('finds the base point in the space, or reports it outside', () => {
    expect(baseGenome(tradeOff.space)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(baseGenome(makeSpace([{ id: 'a.reuseFactor', values: [2, 4] }]))).toBeUndefined();
  });
});
