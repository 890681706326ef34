/**
 * The `auto` strategy: exhaustive when the whole space fits (at most {@link EXHAUSTIVE_LIMIT} points or no more
 * than the evaluation budget), otherwise NSGA-II for a share of the budget followed by local search on the
 * front it found — and NSGA-II again should the local search run out of neighbours. Every phase is told every
 * record, so the phase and each phase's state follow from the told records alone.
 */
import type { Rng } from '../../util/rng.js';
import type { Genome } from '../space/design-space.js';
import type { Strategy, StrategyContext, StrategyFactory, ToldRecord } from '../strategy.js';
import { exhaustiveStrategy } from './exhaustive.js';
import { localSearchStrategy } from './local-search.js';
import { nsga2Strategy } from './nsga2.js';

/** Spaces up to this many points are searched exhaustively. */
export const EXHAUSTIVE_LIMIT = 200_000;
/** Generations NSGA-II runs before local search when the run has no evaluation limit. */
const UNBOUNDED_GENERATIONS = 200;

/** `auto` settings (all optional). */
export interface AutoOptions {
  /** Share of the evaluation budget spent by NSGA-II before local search takes over (default 0.5). */
  readonly globalShare?: number;
  /** Spaces up to this many points are searched exhaustively (default {@link EXHAUSTIVE_LIMIT}). */
  readonly exhaustiveLimit?: number;
  /** Genomes to seed NSGA-II's first generation with, after the base point. */
  readonly seeds?: readonly Genome[];
}

class Hybrid implements Strategy {
  private readonly global: Strategy;
  private readonly local: Strategy;
  private readonly globalBudget: number;
  private told = 0;

  constructor(ctx: StrategyContext, options: AutoOptions) {
    this.global = nsga2Strategy({ seeds: options.seeds }).create(ctx);
    this.local = localSearchStrategy().create(ctx);
    const share = options.globalShare ?? 0.5;
    this.globalBudget = Number.isFinite(ctx.maxEvals) ? Math.ceil(share * ctx.maxEvals) : UNBOUNDED_GENERATIONS * ctx.batchSize;
  }

  ask(n: number, batch: number, rng: Rng): readonly Genome[] | 'done' {
    if (this.told < this.globalBudget) {
      const early = this.global.ask(Math.min(n, this.globalBudget - this.told), batch, rng);
      if (early !== 'done') return early;
    }
    const refined = this.local.ask(n, batch, rng);
    return refined !== 'done' ? refined : this.global.ask(n, batch, rng);
  }

  tell(records: readonly ToldRecord[]): void {
    this.told += records.length;
    this.global.tell(records);
    this.local.tell(records);
  }
}

/** True when `auto` would search this space exhaustively. */
export function autoIsExhaustive(ctx: StrategyContext, limit = EXHAUSTIVE_LIMIT): boolean {
  return ctx.space.size <= BigInt(limit) || (Number.isFinite(ctx.maxEvals) && ctx.space.size <= BigInt(Math.floor(ctx.maxEvals)));
}

/** The `auto` strategy: exhaustive for small spaces, NSGA-II then local search for large ones. */
export function autoStrategy(options: AutoOptions = {}): StrategyFactory {
  return {
    id: 'auto',
    description: `exhaustive up to ${EXHAUSTIVE_LIMIT.toLocaleString('en-US')} points (or the budget), else NSGA-II then local search`,
    create: (ctx) => (autoIsExhaustive(ctx, options.exhaustiveLimit) ? exhaustiveStrategy().create(ctx) : new Hybrid(ctx, options)),
  };
}
