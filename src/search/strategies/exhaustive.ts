/**
 * Exhaustive search: streams the mixed-radix index space in order, never materialising it. The only state is
 * a cursor — one past the highest index told (the number of told records when batches come back as asked) —
 * so a resumed run continues exactly where the journal stops.
 */
import { indexGenome, type Genome } from '../space/design-space.js';
import type { Strategy, StrategyContext, StrategyFactory, ToldRecord } from '../strategy.js';
import { roomLeft } from './batch-builder.js';
import { numericIndexGenome } from './genome-ops.js';

function indexOf(ctx: StrategyContext, genome: Genome): bigint {
  let index = 0n;
  ctx.space.knobs.forEach((k, i) => (index = index * BigInt(k.values.length) + BigInt(genome[i])));
  return index;
}

class Exhaustive implements Strategy {
  private cursor = 0n;
  private told = 0;
  private readonly numeric: boolean;

  constructor(private readonly ctx: StrategyContext) {
    this.numeric = ctx.space.size <= BigInt(Number.MAX_SAFE_INTEGER);
  }

  ask(n: number): readonly Genome[] | 'done' {
    const room = roomLeft(n, this.ctx.maxEvals, this.told);
    const left = this.ctx.space.size - this.cursor;
    if (room === 0 || left <= 0n) return 'done';
    const count = left < BigInt(room) ? Number(left) : room;
    const out: Genome[] = [];
    for (let i = 0; i < count; i++) {
      const index = this.cursor + BigInt(i);
      out.push(this.numeric ? numericIndexGenome(this.ctx.space, Number(index)) : indexGenome(this.ctx.space, index));
    }
    return out;
  }

  tell(records: readonly ToldRecord[]): void {
    this.told += records.length;
    for (const r of records) {
      const next = indexOf(this.ctx, r.genome) + 1n;
      if (next > this.cursor) this.cursor = next;
    }
  }
}

/** The exhaustive strategy: every point in index order (feasible only for spaces that fit the budget). */
export function exhaustiveStrategy(): StrategyFactory {
  return {
    id: 'exhaustive',
    description: 'every point of the space in canonical index order, streamed (ground truth for small spaces)',
    create: (ctx) => new Exhaustive(ctx),
  };
}
