/**
 * The conformance suite every registered strategy runs (after Optuna's `pytest_samplers.py`): determinism,
 * validity, no repeats, `done`, the evaluation limit, and exact resumption from any prefix of told batches.
 */
import { describe, expect, it } from 'vitest';
import { genomeKey, type Genome } from '../../../src/search/space/design-space.js';
import { autoStrategy } from '../../../src/search/strategies/auto.js';
import { strategyRegistry } from '../../../src/search/strategies/registry.js';
import type { StrategyFactory } from '../../../src/search/strategy.js';
import { createRng, forkSeed } from '../../../src/util/rng.js';
import { drive, huge, recordsOf, tiny, tradeOff, type Problem } from './problems.js';

const cases: [string, StrategyFactory][] = [
  ...strategyRegistry.map((f): [string, StrategyFactory] => [f.id, f]),
  ['auto (hybrid)', autoStrategy({ exhaustiveLimit: 0, globalShare: 0.4 })],
];

function allGenomesOf(p: Problem): Genome[] {
  const out: Genome[] = [[]];
  for (const k of p.space.knobs) {
    const next: Genome[] = [];
    for (const g of out) for (let v = 0; v < k.values.length; v++) next.push([...g, v]);
    out.splice(0, out.length, ...next);
  }
  return out;
}

describe.each(cases)('strategy %s', (_label, factory) => {
  it('asks the same genomes for the same seed', () => {
    const a = drive(factory, tradeOff, { seed: 11, batchSize: 7, batches: 12 });
    const b = drive(factory, tradeOff, { seed: 11, batchSize: 7, batches: 12 });
    expect(b.asked).toEqual(a.asked);
    expect(a.asked.length).toBeGreaterThan(0);
  });

  it.each([tradeOff, huge])('asks in-range genomes, at most n per batch, never a told key twice ($name)', (p) => {
    const t = drive(factory, p, { seed: 5, batchSize: 9, batches: p === huge ? 4 : 25 });
    const keys = new Set<string>();
    for (const batch of t.asked) {
      expect(batch.length).toBeLessThanOrEqual(9);
      for (const g of batch) {
        expect(g).toHaveLength(p.space.knobs.length);
        g.forEach((v, i) => {
          expect(Number.isInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThan(p.space.knobs[i].values.length);
        });
        const key = genomeKey(p.space, g);
        expect(keys.has(key), `repeated ${key}`).toBe(false);
        keys.add(key);
      }
    }
  });

  it('says done once the space is used up, and never exceeds it', () => {
    const t = drive(factory, tiny, { seed: 3, batchSize: 5, batches: 100 });
    expect(t.done).toBe(true);
    expect(t.asked.flat().length).toBeLessThanOrEqual(24);
    const s = factory.create({ space: tiny.space, objectives: 2, maxEvals: Number.POSITIVE_INFINITY, batchSize: 5 });
    s.tell(recordsOf(tiny, allGenomesOf(tiny), 0));
    expect(s.ask(5, 1, createRng(1))).toBe('done');
  });

  it('honours maxEvals, even when asked for more', () => {
    const t = drive(factory, tradeOff, { seed: 8, batchSize: 5, maxEvals: 23, batches: 100 });
    expect(t.done).toBe(true);
    expect(t.asked.flat().length).toBeLessThanOrEqual(23);
    const s = factory.create({ space: tradeOff.space, objectives: 2, maxEvals: 10, batchSize: 64 });
    const first = s.ask(64, 0, createRng(2));
    expect(first === 'done' ? 0 : first.length).toBeLessThanOrEqual(10);
    s.tell(recordsOf(tradeOff, first === 'done' ? [] : first, 0));
    const second = s.ask(64, 1, createRng(3));
    expect((first === 'done' ? 0 : first.length) + (second === 'done' ? 0 : second.length)).toBeLessThanOrEqual(10);
  });

  it('resumes from any prefix of told batches exactly as the uninterrupted run continued', () => {
    const o = { seed: 21, batchSize: 6, maxEvals: 57, batches: 12 };
    const a = drive(factory, tradeOff, o);
    const k = a.asked.length;
    expect(k).toBeGreaterThan(3);
    for (let j = 0; j < k - 1; j++) {
      const s = factory.create({ space: tradeOff.space, objectives: 2, maxEvals: o.maxEvals, batchSize: o.batchSize });
      let evaluated = 0;
      for (let b = 0; b <= j; b++) {
        s.tell(a.told[b]);
        evaluated += a.told[b].length;
      }
      for (let b = j + 1; b < k; b++) {
        const got = s.ask(Math.min(o.batchSize, o.maxEvals - evaluated), b, createRng(forkSeed(o.seed, `batch/${b}`)));
        expect(got, `resumed after batch ${j}, batch ${b}`).toEqual(a.asked[b]);
        const recs = recordsOf(tradeOff, got === 'done' ? [] : got, b);
        s.tell(recs);
        evaluated += recs.length;
      }
    }
  });
});
