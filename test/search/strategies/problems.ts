/**
 * Synthetic test problems for the strategy suites: hand-made design spaces (no model file) and analytic
 * objective functions with budgets and illegal holes, plus a driver loop that mirrors the sweep's ask/tell.
 */
import type { DesignPoint, LayerKnobs } from '../../../src/ir/design-point.js';
import { genomeKey, type DesignSpace, type Genome } from '../../../src/search/space/design-space.js';
import type { Knob, KnobValue } from '../../../src/search/space/knob.js';
import type { StrategyFactory, ToldRecord } from '../../../src/search/strategy.js';
import { createRng, forkSeed } from '../../../src/util/rng.js';

const layerKnobs = (reuseFactor: number): LayerKnobs => ({
  strategy: 'latency',
  reuseFactor,
  parallelizationFactor: 1,
  convImplementation: 'LineBuffer',
  tableSize: 1024,
  precisions: {},
});

/** A design space over the given knobs (layers named by the knob ids), base point RF 1 / latency everywhere. */
export function makeSpace(knobs: readonly { id: string; values: readonly KnobValue[] }[]): DesignSpace {
  const layers: Record<string, LayerKnobs> = {};
  const full: Knob[] = knobs.map(({ id, values }) => {
    const [layer, name] = id.split('.') as [string, Knob['name']];
    layers[layer] = layerKnobs(1);
    return { id, name, layers: [layer], values };
  });
  const base: DesignPoint = { ioType: 'io_parallel', part: 'xcu250', clockPeriodNs: 5, bramFactor: 1e9, layers };
  const size = full.reduce((s, k) => s * BigInt(k.values.length), 1n);
  return { graphHash: 'synthetic', knobs: full, base, fifoPolicy: 'sized', size, hash: `synthetic-${size}` };
}

/** Scores of one evaluated genome (what the driver turns into a told record). */
export interface Scores {
  readonly objectives: readonly number[];
  readonly violation: number;
}

/** A test problem: a space and its objective function. */
export interface Problem {
  readonly name: string;
  readonly space: DesignSpace;
  readonly objectives: number;
  evaluate(genome: Genome): Scores;
}

const RF = [1, 2, 4, 8, 16, 32];
const ILLEGAL: Scores = { objectives: [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY], violation: Number.POSITIVE_INFINITY };

/**
 * hls4ml-like trade-off over three layers (reuse factor × strategy each, 1152 points): area falls and latency
 * rises with the reuse factor; an area budget makes small reuse factors infeasible; the latency strategy
 * beyond RF 16 is an illegal hole.
 */
export const tradeOff: Problem = {
  name: 'trade-off',
  space: makeSpace([
    { id: 'a.reuseFactor', values: RF },
    { id: 'a.strategy', values: ['latency', 'resource'] },
    { id: 'b.reuseFactor', values: RF },
    { id: 'b.strategy', values: ['latency', 'resource'] },
    { id: 'c.reuseFactor', values: RF.slice(0, 4) },
    { id: 'c.strategy', values: ['latency', 'resource'] },
  ]),
  objectives: 2,
  evaluate(g) {
    const weights = [4096, 2048, 512];
    let area = 0;
    let latency = 0;
    for (let l = 0; l < 3; l++) {
      const rf = RF[g[2 * l]];
      const resource = g[2 * l + 1] === 1;
      if (!resource && rf > 16) return ILLEGAL;
      area += (weights[l] / rf) * (resource ? 0.8 : 1) + (resource ? 150 : 0);
      latency += rf + (resource ? 3 : 1);
    }
    return { objectives: [area, latency], violation: Math.max(0, area - 4000) / 4000 };
  },
};

/** A space of 24 points, small enough to be exhausted by every strategy. */
export const tiny: Problem = {
  name: 'tiny',
  space: makeSpace([
    { id: 'a.reuseFactor', values: [1, 2] },
    { id: 'a.strategy', values: ['latency', 'resource'] },
    { id: 'b.reuseFactor', values: [1, 2, 4] },
    { id: 'c.reuseFactor', values: [1, 2] },
  ]),
  objectives: 2,
  evaluate(g) {
    const rf = [[1, 2][g[0]], [1, 2, 4][g[2]], [1, 2][g[3]]];
    if (g[1] === 0 && rf[0] === 2 && rf[1] === 4) return ILLEGAL;
    return { objectives: [1000 / rf[0] + 400 / rf[1] + 100 / rf[2], rf[0] + rf[1] + rf[2] + g[1]], violation: 0 };
  },
};

/** The discrete ZDT1-like problem: f1 = x1, f2 = g·(1 − √(x1/g)); the front is every genome with x2.. = 0. */
export function zdt(knobs: number, levels: number): Problem {
  const values = Array.from({ length: levels }, (_, i) => i);
  return {
    name: `zdt-${knobs}x${levels}`,
    space: makeSpace(Array.from({ length: knobs }, (_, i) => ({ id: `l${i}.reuseFactor`, values }))),
    objectives: 2,
    evaluate(g) {
      const x = g.map((v) => v / (levels - 1));
      const gx = 1 + (9 * x.slice(1).reduce((a, b) => a + b, 0)) / (knobs - 1);
      return { objectives: [x[0], gx * (1 - Math.sqrt(x[0] / gx))], violation: 0 };
    },
  };
}

/** The front of {@link zdt}: x1 over all levels, everything else 0. */
export function zdtFront(p: Problem, levels: number): number[][] {
  return Array.from({ length: levels }, (_, i) => [...p.evaluate([i, ...new Array<number>(p.space.knobs.length - 1).fill(0)]).objectives]);
}

/** A space of 2^60 points (beyond exact doubles), all feasible, objective = a simple sum trade-off. */
export const huge: Problem = {
  name: 'huge',
  space: makeSpace(Array.from({ length: 20 }, (_, i) => ({ id: `h${i}.reuseFactor`, values: [1, 2, 4, 8, 16, 32, 64, 128] }))),
  objectives: 2,
  evaluate(g) {
    const s = g.reduce((a, b) => a + b, 0);
    return { objectives: [s, g.reduce((a, b) => a + (7 - b) * (7 - b), 0)], violation: 0 };
  },
};

/** One run's trace: the batches asked (in order) and the records told for them. */
export interface Trace {
  readonly asked: Genome[][];
  readonly told: ToldRecord[][];
  readonly done: boolean;
}

/** Records of one batch as the driver would tell them. */
export function recordsOf(p: Problem, genomes: readonly Genome[], batch: number): ToldRecord[] {
  return genomes.map((genome) => ({ key: genomeKey(p.space, genome), genome: [...genome], batch, ...p.evaluate(genome) }));
}

/** Runs a strategy like the sweep driver: up to `batches` asks, each with its own forked generator. */
export function drive(factory: StrategyFactory, p: Problem, o: { seed: number; batchSize: number; maxEvals?: number; batches: number }): Trace {
  const ctx = { space: p.space, objectives: p.objectives, maxEvals: o.maxEvals ?? Number.POSITIVE_INFINITY, batchSize: o.batchSize };
  const s = factory.create(ctx);
  const asked: Genome[][] = [];
  const told: ToldRecord[][] = [];
  let evaluated = 0;
  for (let b = 0; b < o.batches; b++) {
    const n = Math.min(o.batchSize, ctx.maxEvals - evaluated);
    const got = n > 0 ? s.ask(n, b, createRng(forkSeed(o.seed, `batch/${b}`))) : 'done';
    if (got === 'done' || got.length === 0) return { asked, told, done: true };
    asked.push(got.map((g) => [...g]));
    const recs = recordsOf(p, got, b);
    told.push(recs);
    s.tell(recs);
    evaluated += recs.length;
  }
  return { asked, told, done: false };
}
