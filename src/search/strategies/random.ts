/**
 * Random search: uniformly drawn genomes, never one already told nor twice in a batch; once draws keep hitting
 * seen points in a small space it draws among the enumerated unseen ones, so a tiny space is covered exactly.
 */
import type { Rng } from '../../util/rng.js';
import type { Genome } from '../space/design-space.js';
import type { Strategy, StrategyContext, StrategyFactory, ToldRecord } from '../strategy.js';
import { BatchBuilder, roomLeft } from './batch-builder.js';
import { SeenSet } from './seen-set.js';

class RandomSearch implements Strategy {
  private readonly seen: SeenSet;
  private told = 0;

  constructor(private readonly ctx: StrategyContext) {
    this.seen = new SeenSet(ctx.space);
  }

  ask(n: number, _batch: number, rng: Rng): readonly Genome[] | 'done' {
    const room = roomLeft(n, this.ctx.maxEvals, this.told);
    if (room === 0) return 'done';
    const batch = new BatchBuilder(this.ctx.space, this.seen, room);
    batch.fillRandom(rng);
    return batch.genomes.length > 0 ? batch.genomes : 'done';
  }

  tell(records: readonly ToldRecord[]): void {
    this.told += records.length;
    for (const r of records) this.seen.add(r.genome);
  }
}

/** The random strategy: uniform sampling without repeats (the baseline every other strategy must beat). */
export function randomStrategy(): StrategyFactory {
  return {
    id: 'random',
    description: 'uniformly random points without repeats (baseline)',
    create: (ctx) => new RandomSearch(ctx),
  };
}
