/**
 * The search-strategy plug-in interface (ask/tell). A strategy keeps no state it cannot rebuild from the
 * records it was told: on resume the driver calls `init`, then `tell` with the journal's batches in order, and
 * the next `ask` must equal what the uninterrupted run would have asked. Randomness comes only from the `rng`
 * passed to `ask` (forked per batch from the run seed), never from a field initialised once.
 */
import type { Rng } from '../util/rng.js';
import type { DesignSpace, Genome } from './space/design-space.js';

/** What a strategy learns about one evaluated point. */
export interface ToldRecord {
  readonly key: string;
  readonly genome: Genome;
  /** Minimised objective vector (NaN-free for evaluated points). */
  readonly objectives: readonly number[];
  /** Total budget violation; 0 = feasible. Illegal points carry +Infinity. */
  readonly violation: number;
  /** The batch the point was asked in (batches are told whole, in order). */
  readonly batch: number;
}

/** Fixed facts a strategy is started with. */
export interface StrategyContext {
  readonly space: DesignSpace;
  readonly objectives: number;
  /** Points the run may evaluate at most (Infinity when unbounded). */
  readonly maxEvals: number;
  /** Preferred number of points per batch (the driver may ask for fewer at the end). */
  readonly batchSize: number;
}

/** A running strategy. */
export interface Strategy {
  /** Up to `n` new genomes for batch `batch`, or `'done'` when the strategy has nothing left to try. */
  ask(n: number, batch: number, rng: Rng): readonly Genome[] | 'done';
  /** The evaluated records of one batch, in the order they were asked. */
  tell(records: readonly ToldRecord[]): void;
}

/** A strategy kind: its id, a one-line description, and a factory. */
export interface StrategyFactory {
  readonly id: string;
  readonly description: string;
  create(ctx: StrategyContext): Strategy;
}
