/**
 * Multi-chain simulated annealing. Each chain minimises its own scalarisation (fixed random weights), so the
 * chains spread along the front. A batch is one proposal per chain — a one- or few-knob neighbour of the
 * chain's current point — and record i of a told batch is chain i's proposal, accepted or not by the
 * Metropolis test. Chain positions are a function of the told records only, so resuming is exact.
 */
import type { Rng } from '../../util/rng.js';
import type { Genome } from '../space/design-space.js';
import type { Strategy, StrategyContext, StrategyFactory, ToldRecord } from '../strategy.js';
import { acceptanceUniform, chainWeights, energy, metropolis, ObjectiveBounds, temperature } from './annealing-energy.js';
import { BatchBuilder, checkSeeds, roomLeft } from './batch-builder.js';
import { neighbour } from './genome-ops.js';
import { SeenSet } from './seen-set.js';

/** Annealing settings (all optional). */
export interface AnnealingOptions {
  /** Number of chains; defaults to the batch size. */
  readonly chains?: number;
  /** Starting temperature, in units of normalised scalarised objective (default 0.05). */
  readonly t0?: number;
  /** Final temperature, reached when the evaluation budget is spent (default 0.0005). */
  readonly t1?: number;
  /** Genomes the first chains start from, after the base point. */
  readonly seeds?: readonly Genome[];
}

/** Neighbour tries per chain; every fourth failure widens the move by one more knob. */
const NEIGHBOUR_TRIES = 12;
/** Cooling horizon in steps when the run has no evaluation limit. */
const UNBOUNDED_HORIZON = 1000;

class Annealing implements Strategy {
  private readonly seen: SeenSet;
  private readonly seeds: readonly Genome[];
  private readonly chains: (ToldRecord | undefined)[];
  private readonly weights: number[][];
  private readonly bounds = new ObjectiveBounds();
  private readonly horizon: number;
  private told = 0;
  private steps = 0;

  constructor(
    private readonly ctx: StrategyContext,
    private readonly options: AnnealingOptions,
  ) {
    this.seen = new SeenSet(ctx.space);
    this.seeds = checkSeeds(ctx.space, options.seeds ?? []);
    const k = Math.max(1, options.chains ?? ctx.batchSize);
    this.chains = new Array<ToldRecord | undefined>(k).fill(undefined);
    this.weights = Array.from({ length: k }, (_, c) => chainWeights(c, ctx.objectives));
    this.horizon = Number.isFinite(ctx.maxEvals) ? Math.ceil(ctx.maxEvals / k) : UNBOUNDED_HORIZON;
  }

  ask(n: number, _batch: number, rng: Rng): readonly Genome[] | 'done' {
    const room = roomLeft(n, this.ctx.maxEvals, this.told);
    if (room === 0) return 'done';
    const batch = new BatchBuilder(this.ctx.space, this.seen, Math.min(room, this.chains.length));
    if (this.steps === 0 && this.chains.every((c) => c === undefined)) batch.offerSeeds(this.seeds);
    for (let c = batch.genomes.length; c < batch.limit; c++) {
      const at = this.chains[c];
      let added = false;
      for (let t = 0; at && t < NEIGHBOUR_TRIES && !added; t++) {
        added = batch.offer(neighbour(this.ctx.space, at.genome, rng, 1 + Math.floor(t / 4), 0.75));
      }
      if (!added && !batch.offerRandom(rng)) break;
    }
    return batch.genomes.length > 0 ? batch.genomes : 'done';
  }

  tell(records: readonly ToldRecord[]): void {
    this.told += records.length;
    for (const r of records) {
      this.seen.add(r.genome);
      this.bounds.update(r);
    }
    const t = temperature(this.steps, this.horizon, this.options.t0 ?? 0.05, this.options.t1 ?? 0.0005);
    records.slice(0, this.chains.length).forEach((r, c) => {
      const at = this.chains[c];
      if (!at) {
        this.chains[c] = r;
        return;
      }
      const w = this.weights[c];
      if (metropolis(energy(at, w, this.bounds), energy(r, w, this.bounds), t, acceptanceUniform(r.key, this.steps, c))) this.chains[c] = r;
    });
    if (records.length > 0) this.steps++;
  }
}

/** The simulated-annealing strategy: one chain per batch slot, each with its own objective weights. */
export function annealingStrategy(options: AnnealingOptions = {}): StrategyFactory {
  return {
    id: 'annealing',
    description: 'simulated annealing: parallel chains on weighted objectives, Metropolis acceptance',
    create: (ctx) => new Annealing(ctx, options),
  };
}
