/**
 * The set of points a strategy has already asked or been told, keyed by mixed-radix index: a number while the
 * space has at most 2^53 points (cheap to store and scan), the canonical base-36 key beyond that.
 */
import { genomeKey, type DesignSpace, type Genome } from '../space/design-space.js';

/** A compact identity of a genome inside one space (equal genomes, equal ids). */
export type GenomeId = number | string;

/** A set of genomes of one space. */
export class SeenSet {
  private readonly ids = new Set<GenomeId>();
  private readonly radices: readonly number[];
  private readonly numeric: boolean;

  constructor(private readonly space: DesignSpace) {
    this.radices = space.knobs.map((k) => k.values.length);
    this.numeric = space.size <= BigInt(Number.MAX_SAFE_INTEGER);
  }

  /** The id of a genome (its mixed-radix index as a number when exact, else its canonical key). */
  idOf(genome: Genome): GenomeId {
    if (!this.numeric) return genomeKey(this.space, genome);
    let index = 0;
    for (let i = 0; i < this.radices.length; i++) index = index * this.radices[i] + genome[i];
    return index;
  }

  /** Number of distinct genomes in the set. */
  get size(): number {
    return this.ids.size;
  }

  /** True when the genome is in the set. */
  has(genome: Genome): boolean {
    return this.ids.has(this.idOf(genome));
  }

  /** True when the genome with this numeric index is in the set (numeric spaces only). */
  hasIndex(index: number): boolean {
    return this.ids.has(index);
  }

  /** True when ids are numeric indexes (the space has at most 2^53 points). */
  get isNumeric(): boolean {
    return this.numeric;
  }

  /** Adds a genome; returns false when it was already there. */
  add(genome: Genome): boolean {
    const id = this.idOf(genome);
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    return true;
  }
}
