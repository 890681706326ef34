/**
 * Local search that refines the Pareto front: it proposes unseen one-knob neighbours of the current archive
 * members (nearest value indexes first), one per member in turn, starting each batch one member further on.
 * The archive is rebuilt from the told records; while nothing feasible is known the least-violating points
 * stand in for it. It is done when no member has an unseen one-knob neighbour left: a Pareto local optimum.
 */
import type { Rng } from '../../util/rng.js';
import { ParetoArchive } from '../pareto-archive.js';
import type { DesignSpace, Genome } from '../space/design-space.js';
import type { Strategy, StrategyContext, StrategyFactory, ToldRecord } from '../strategy.js';
import { BatchBuilder, checkSeeds, roomLeft } from './batch-builder.js';
import { SeenSet } from './seen-set.js';

/** Local-search settings (all optional). */
export interface LocalSearchOptions {
  /** Genomes to start from (after the base point) when nothing has been told yet. */
  readonly seeds?: readonly Genome[];
}

/** Least-violating points kept as stand-ins while no feasible point is known. */
const STAND_INS = 16;

/** The one-knob neighbours of a genome, nearest value index first, knob by knob at each distance. */
export function* oneKnobNeighbours(space: DesignSpace, genome: Genome): Generator<number[]> {
  const widest = Math.max(0, ...space.knobs.map((k) => k.values.length - 1));
  for (let d = 1; d <= widest; d++) {
    for (let k = 0; k < genome.length; k++) {
      for (const v of [genome[k] - d, genome[k] + d]) {
        if (v < 0 || v >= space.knobs[k].values.length) continue;
        const g = [...genome];
        g[k] = v;
        yield g;
      }
    }
  }
}

function byViolationThenKey(a: ToldRecord, b: ToldRecord): number {
  return a.violation - b.violation || a.key.length - b.key.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

class LocalSearch implements Strategy {
  private readonly seen: SeenSet;
  private readonly seeds: readonly Genome[];
  private readonly archive = new ParetoArchive<Genome>();
  private standIns: ToldRecord[] = [];
  private told = 0;
  private batches = 0;

  constructor(
    private readonly ctx: StrategyContext,
    options: LocalSearchOptions,
  ) {
    this.seen = new SeenSet(ctx.space);
    this.seeds = checkSeeds(ctx.space, options.seeds ?? []);
  }

  ask(n: number, _batch: number, rng: Rng): readonly Genome[] | 'done' {
    const room = roomLeft(n, this.ctx.maxEvals, this.told);
    if (room === 0) return 'done';
    const batch = new BatchBuilder(this.ctx.space, this.seen, room);
    const members = this.archive.size > 0 ? this.archive.front().map((e) => e.payload) : this.standIns.map((r) => r.genome);
    if (this.told === 0) {
      batch.offerSeeds(this.seeds);
      batch.fillRandom(rng);
    } else if (members.length > 0) {
      const shift = this.batches % members.length;
      const order = [...members.slice(shift), ...members.slice(0, shift)];
      let active = order.map((g) => oneKnobNeighbours(this.ctx.space, g));
      while (!batch.full && active.length > 0) active = active.filter((it) => this.offerNext(it, batch));
    }
    return batch.genomes.length > 0 ? batch.genomes : 'done';
  }

  /** Offers the iterator's next new neighbour; false when it has none left. */
  private offerNext(it: Generator<number[]>, batch: BatchBuilder): boolean {
    if (batch.full) return true;
    for (let r = it.next(); !r.done; r = it.next()) if (batch.offer(r.value)) return true;
    return false;
  }

  tell(records: readonly ToldRecord[]): void {
    this.told += records.length;
    for (const r of records) {
      this.seen.add(r.genome);
      if (r.violation === 0) this.archive.add({ key: r.key, objectives: r.objectives, payload: r.genome });
    }
    if (this.archive.size === 0) this.standIns = [...this.standIns, ...records].sort(byViolationThenKey).slice(0, STAND_INS);
    if (records.length > 0) this.batches++;
  }
}

/** The local-search strategy: exhausts the one-knob neighbourhoods of the Pareto front. */
export function localSearchStrategy(options: LocalSearchOptions = {}): StrategyFactory {
  return {
    id: 'local-search',
    description: 'Pareto local search: unseen one-knob neighbours of front points until none is left',
    create: (ctx) => new LocalSearch(ctx, options),
  };
}
