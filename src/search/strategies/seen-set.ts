/**
 * The set of points a strategy has already asked or been told, keyed by mixed-radix index: a number while the
 * space has at most 2^53 points (cheap to store and scan), the canonical base-36 key beyond that. Past
 * {@link EXACT_LIMIT} members it moves into a fixed-size Bloom filter, so an overnight sweep's memory stays flat:
 * a Bloom filter has no false negatives (a told point is never asked again) and its rare false positives only
 * make a strategy skip a point it has not tried.
 */
import { genomeKey, type DesignSpace, type Genome } from '../space/design-space.js';

/** A compact identity of a genome inside one space (equal genomes, equal ids). */
export type GenomeId = number | string;

/** Members kept exactly before the set turns into a Bloom filter. */
export const EXACT_LIMIT = 1_000_000;
/** Bloom filter size: 2^27 bits (16 MiB), 7 probes: about 1 % false positives at 14 million members. */
const BLOOM_BITS = 2 ** 27;
const BLOOM_PROBES = 7;

function hash32(id: GenomeId, seed: number): number {
  const text = typeof id === 'number' ? id.toString(36) : id;
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d) >>> 0;
  return (h ^ (h >>> 12)) >>> 0;
}

/** A set of genomes of one space. */
export class SeenSet {
  private ids = new Set<GenomeId>();
  private bloom: Uint32Array | undefined;
  private count = 0;
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

  /** Number of distinct genomes added (approximate once the set is a Bloom filter). */
  get size(): number {
    return this.count;
  }

  /** True when the genome is in the set (or, past the exact limit, possibly a false positive). */
  has(genome: Genome): boolean {
    return this.hasId(this.idOf(genome));
  }

  /** True when the genome with this numeric index is in the set (numeric spaces only). */
  hasIndex(index: number): boolean {
    return this.hasId(index);
  }

  private hasId(id: GenomeId): boolean {
    if (!this.bloom) return this.ids.has(id);
    const a = hash32(id, 1);
    const b = (hash32(id, 2) | 1) >>> 0;
    for (let k = 0; k < BLOOM_PROBES; k++) {
      const bit = (a + k * b) % BLOOM_BITS;
      if ((this.bloom[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }

  private setBloom(id: GenomeId): void {
    const bloom = this.bloom as Uint32Array;
    const a = hash32(id, 1);
    const b = (hash32(id, 2) | 1) >>> 0;
    for (let k = 0; k < BLOOM_PROBES; k++) {
      const bit = (a + k * b) % BLOOM_BITS;
      bloom[bit >>> 5] |= 1 << (bit & 31);
    }
  }

  /** True when ids are numeric indexes (the space has at most 2^53 points). */
  get isNumeric(): boolean {
    return this.numeric;
  }

  /** Adds a genome; returns false when it was already there. */
  add(genome: Genome): boolean {
    const id = this.idOf(genome);
    if (this.hasId(id)) return false;
    this.count++;
    if (this.bloom) {
      this.setBloom(id);
      return true;
    }
    this.ids.add(id);
    if (this.ids.size > EXACT_LIMIT) {
      this.bloom = new Uint32Array(BLOOM_BITS / 32);
      for (const old of this.ids) this.setBloom(old);
      this.ids = new Set();
    }
    return true;
  }
}
