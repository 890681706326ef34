/**
 * NSGA-II's variation operators for ordinal knobs: uniform crossover, and per-knob mutation that usually steps
 * to a neighbouring value index (reuse factor 8 → 4 or 16) and otherwise resets the knob uniformly.
 */
import type { Rng } from '../../util/rng.js';
import type { DesignSpace, Genome } from '../space/design-space.js';
import { moveKnob, movableKnobs } from './genome-ops.js';

/** Operator rates. */
export interface VariationRates {
  /** Probability that a pair of parents is crossed at all. */
  readonly crossover: number;
  /** Expected number of knobs mutated per child (per-knob rate = this / movable knobs). */
  readonly mutatedKnobs: number;
  /** Probability that a mutation is a one-step move rather than a uniform reset. */
  readonly step: number;
}

/** Default rates: crossover 0.9, one knob mutated per child on average, 70 % of mutations are steps. */
export const DEFAULT_RATES: VariationRates = { crossover: 0.9, mutatedKnobs: 1, step: 0.7 };

/** Two children of uniform crossover (each knob swapped with probability ½), or copies of the parents. */
export function uniformCrossover(a: Genome, b: Genome, rng: Rng, rate: number): [number[], number[]] {
  const x = [...a];
  const y = [...b];
  if (rng.next() >= rate) return [x, y];
  for (let i = 0; i < x.length; i++) {
    if (rng.next() < 0.5) [x[i], y[i]] = [y[i], x[i]];
  }
  return [x, y];
}

/** Mutates a child in place, each movable knob with probability `mutatedKnobs / movable`. */
export function mutate(space: DesignSpace, child: number[], rng: Rng, rates: VariationRates): void {
  const movable = movableKnobs(space);
  const p = movable.length > 0 ? Math.min(1, rates.mutatedKnobs / movable.length) : 0;
  for (const k of movable) if (rng.next() < p) moveKnob(space, child, k, rng, rates.step);
}
