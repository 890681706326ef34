/**
 * Collects one batch of new genomes: never a point already seen (asked and told) nor one already in the
 * batch, never more than the limit. Random filling draws uniformly with rejection and, when rejection keeps
 * failing in a small enough space, enumerates the unseen points and draws among them.
 */
import type { Rng } from '../../util/rng.js';
import type { DesignSpace, Genome } from '../space/design-space.js';
import { baseGenome, inSpace } from './base-genome.js';
import { numericIndexGenome, randomGenome } from './genome-ops.js';
import { SeenSet } from './seen-set.js';

/** Largest space whose unseen points are enumerated when random draws keep hitting seen ones. */
export const ENUMERATION_LIMIT = 2 ** 24;
/** Uniform draws tried per slot before falling back to enumeration. */
const DRAWS_PER_SLOT = 32;

/** A batch under construction. */
export class BatchBuilder {
  /** The accepted genomes, in order. */
  readonly genomes: Genome[] = [];
  private readonly inBatch: SeenSet;

  constructor(
    readonly space: DesignSpace,
    private readonly seen: SeenSet,
    readonly limit: number,
  ) {
    this.inBatch = new SeenSet(space);
  }

  /** True when the batch holds `limit` genomes. */
  get full(): boolean {
    return this.genomes.length >= this.limit;
  }

  /** True when the genome is neither seen nor already in this batch. */
  isNew(genome: Genome): boolean {
    return !this.seen.has(genome) && !this.inBatch.has(genome);
  }

  /** Adds the genome when there is room and it is new; returns whether it was added. */
  offer(genome: Genome): boolean {
    if (this.full || !this.isNew(genome)) return false;
    this.inBatch.add(genome);
    this.genomes.push(genome);
    return true;
  }

  /** Adds one uniformly drawn new genome; returns false only when the space has no new point left to give. */
  offerRandom(rng: Rng): boolean {
    for (let t = 0; t < DRAWS_PER_SLOT; t++) if (this.offer(randomGenome(this.space, rng))) return true;
    return this.fillByEnumeration(rng, 1) > 0;
  }

  /** Fills the rest of the batch with uniformly drawn new genomes (fewer only when the space runs out). */
  fillRandom(rng: Rng): void {
    while (!this.full) {
      let added = false;
      for (let t = 0; t < DRAWS_PER_SLOT && !added; t++) added = this.offer(randomGenome(this.space, rng));
      if (!added) {
        this.fillByEnumeration(rng, this.limit - this.genomes.length);
        return;
      }
    }
  }

  /** Adds up to `count` genomes drawn uniformly among the enumerated unseen points (small spaces only). */
  private fillByEnumeration(rng: Rng, count: number): number {
    if (!this.seen.isNumeric || this.space.size > BigInt(ENUMERATION_LIMIT)) return 0;
    const size = Number(this.space.size);
    const unseen: number[] = [];
    for (let i = 0; i < size; i++) if (!this.seen.hasIndex(i) && !this.inBatch.hasIndex(i)) unseen.push(i);
    let added = 0;
    for (let c = 0; c < unseen.length && added < count && !this.full; c++) {
      const j = c + rng.int(unseen.length - c);
      [unseen[c], unseen[j]] = [unseen[j], unseen[c]];
      if (this.offer(numericIndexGenome(this.space, unseen[c]))) added++;
    }
    return added;
  }

  /** Offers the base point's genome (when it lies in the space) and then the given seeds, in order. */
  offerSeeds(seeds: readonly Genome[]): void {
    const base = baseGenome(this.space);
    if (base) this.offer(base);
    for (const s of seeds) this.offer(s);
  }
}

/** Checks user seeds against the space; throws a RangeError naming the first one outside it. */
export function checkSeeds(space: DesignSpace, seeds: readonly Genome[]): readonly Genome[] {
  seeds.forEach((s, i) => {
    if (!inSpace(space, s)) throw new RangeError(`seed ${i} [${s.join(', ')}] is not a genome of this space`);
  });
  return seeds.map((s) => [...s]);
}

/** How many more points a strategy may ask: `n`, capped by what is left of `maxEvals` after `told`. */
export function roomLeft(n: number, maxEvals: number, told: number): number {
  return Math.max(0, Math.min(n, maxEvals - told));
}
