/**
 * Random genomes and ordinal moves on them. Knob values are ordered (reuse factors, widths), so a move either
 * steps to a neighbouring value index or resets the knob to a uniformly drawn other value.
 */
import type { Rng } from '../../util/rng.js';
import type { DesignSpace, Genome } from '../space/design-space.js';

/** A genome drawn uniformly from the space (each knob uniform, hence every point equally likely). */
export function randomGenome(space: DesignSpace, rng: Rng): number[] {
  return space.knobs.map((k) => rng.int(k.values.length));
}

/** The genome at a mixed-radix index given as a number (exact for spaces of at most 2^53 points). */
export function numericIndexGenome(space: DesignSpace, index: number): number[] {
  const genome = new Array<number>(space.knobs.length);
  let rest = index;
  for (let i = space.knobs.length - 1; i >= 0; i--) {
    const r = space.knobs[i].values.length;
    genome[i] = rest % r;
    rest = Math.floor(rest / r);
  }
  return genome;
}

const movableCache = new WeakMap<DesignSpace, readonly number[]>();

/** Indexes of the knobs that have a choice (more than one value), computed once per space. */
export function movableKnobs(space: DesignSpace): readonly number[] {
  let m = movableCache.get(space);
  if (!m) {
    m = space.knobs.flatMap((k, i) => (k.values.length > 1 ? [i] : []));
    movableCache.set(space, m);
  }
  return m;
}

/**
 * Changes knob `k` of `genome` in place: with probability `stepProb` one step to a neighbouring value index
 * (inwards at the ends), otherwise a reset to a uniformly drawn different value. Single-valued knobs stay.
 */
export function moveKnob(space: DesignSpace, genome: number[], k: number, rng: Rng, stepProb: number): void {
  const r = space.knobs[k].values.length;
  if (r < 2) return;
  const v = genome[k];
  if (rng.next() < stepProb) {
    const dir = v === 0 ? 1 : v === r - 1 ? -1 : rng.next() < 0.5 ? -1 : 1;
    genome[k] = v + dir;
  } else {
    const w = rng.int(r - 1);
    genome[k] = w >= v ? w + 1 : w;
  }
}

/** A copy of `genome` with `count` distinct movable knobs moved (a neighbour for annealing and repair). */
export function neighbour(space: DesignSpace, genome: Genome, rng: Rng, count: number, stepProb: number): number[] {
  const out = [...genome];
  const movable = [...movableKnobs(space)];
  for (let c = 0; c < Math.min(count, movable.length); c++) {
    const j = c + rng.int(movable.length - c);
    [movable[c], movable[j]] = [movable[j], movable[c]];
    moveKnob(space, out, movable[c], rng, stepProb);
  }
  return out;
}
