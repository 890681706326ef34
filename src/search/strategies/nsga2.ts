/**
 * NSGA-II over genomes, one generation per batch. The population is never stored beyond what the told records
 * rebuild: the first batch is the initial population (the base point, user seeds, then uniform draws), and every
 * later batch — whoever asked it — is offspring merged by environmental selection over parents ∪ offspring.
 * Offspring come from binary tournaments, uniform crossover and ordinal mutation; a child already seen is
 * moved one knob further a few times before the slot falls back to a random new point.
 * @see Deb et al., "A fast and elitist multiobjective genetic algorithm: NSGA-II", IEEE TEC 6(2), 2002
 */
import type { Rng } from '../../util/rng.js';
import type { Genome } from '../space/design-space.js';
import type { Strategy, StrategyContext, StrategyFactory, ToldRecord } from '../strategy.js';
import { BatchBuilder, checkSeeds, roomLeft } from './batch-builder.js';
import { neighbour } from './genome-ops.js';
import { DEFAULT_RATES, mutate, uniformCrossover, type VariationRates } from './nsga2-operators.js';
import { binaryTournament, selectSurvivors, type Member } from './nsga2-selection.js';
import { SeenSet } from './seen-set.js';

/** NSGA-II settings (all optional). */
export interface Nsga2Options {
  /** Population size; defaults to the batch size. */
  readonly population?: number;
  /** Genomes to put in the first generation after the base point (e.g. known good designs). */
  readonly seeds?: readonly Genome[];
  /** Variation rates; defaults to {@link DEFAULT_RATES}. */
  readonly rates?: VariationRates;
}

/** Tries per offspring slot (tournament + crossover + mutation) before the slot is filled at random. */
const TRIES_PER_SLOT = 8;
/** One-knob moves tried on a child that was already seen. */
const REPAIR_MOVES = 4;

class Nsga2 implements Strategy {
  private readonly seen: SeenSet;
  private readonly seeds: readonly Genome[];
  private readonly size: number;
  private readonly rates: VariationRates;
  private population: Member[] = [];
  private told = 0;

  constructor(
    private readonly ctx: StrategyContext,
    options: Nsga2Options,
  ) {
    this.seen = new SeenSet(ctx.space);
    this.seeds = checkSeeds(ctx.space, options.seeds ?? []);
    this.size = Math.max(2, options.population ?? ctx.batchSize);
    this.rates = options.rates ?? DEFAULT_RATES;
  }

  ask(n: number, _batch: number, rng: Rng): readonly Genome[] | 'done' {
    const room = roomLeft(n, this.ctx.maxEvals, this.told);
    if (room === 0) return 'done';
    const batch = new BatchBuilder(this.ctx.space, this.seen, room);
    if (this.population.length === 0) batch.offerSeeds(this.seeds);
    else this.offspring(batch, rng);
    batch.fillRandom(rng);
    return batch.genomes.length > 0 ? batch.genomes : 'done';
  }

  private offspring(batch: BatchBuilder, rng: Rng): void {
    const pick = (k: number) => rng.int(k);
    const space = this.ctx.space;
    for (let tries = 0; !batch.full && tries < batch.limit * TRIES_PER_SLOT; tries++) {
      const a = binaryTournament(this.population, pick);
      const b = binaryTournament(this.population, pick);
      for (const child of uniformCrossover(a.genome, b.genome, rng, this.rates.crossover)) {
        mutate(space, child, rng, this.rates);
        let c: Genome = child;
        for (let m = 0; m < REPAIR_MOVES && !batch.isNew(c); m++) c = neighbour(space, c, rng, 1, this.rates.step);
        batch.offer(c);
      }
    }
  }

  tell(records: readonly ToldRecord[]): void {
    this.told += records.length;
    for (const r of records) this.seen.add(r.genome);
    if (records.length > 0) this.population = selectSurvivors([...this.population, ...records], this.size);
  }
}

/** The NSGA-II strategy (population = batch size unless set), seeded with the base point. */
export function nsga2Strategy(options: Nsga2Options = {}): StrategyFactory {
  return {
    id: 'nsga2',
    description: 'NSGA-II: elitist genetic search with constrained non-dominated sorting and crowding',
    create: (ctx) => new Nsga2(ctx, options),
  };
}
