/**
 * What simulated annealing minimises: a per-chain augmented Tchebycheff scalarisation of the objectives,
 * normalised by the feasible points told so far, with infeasible points above every feasible one (more
 * violation, higher). Plus the temperature schedule and the Metropolis test.
 * @see Kirkpatrick, Gelatt, Vecchi, "Optimization by Simulated Annealing", Science 220, 1983
 * @see Miettinen, "Nonlinear Multiobjective Optimization", 1999 (augmented Tchebycheff scalarisation)
 */
import { createRng, forkSeed } from '../../util/rng.js';

/** A told point's scores. */
export interface Scores {
  readonly objectives: readonly number[];
  readonly violation: number;
}

/** Running ideal and nadir of the feasible objective vectors told so far. */
export class ObjectiveBounds {
  private lo: number[] = [];
  private hi: number[] = [];

  /** Widens the bounds to a told point (feasible points only). */
  update(s: Scores): void {
    if (s.violation !== 0 || !s.objectives.every(Number.isFinite)) return;
    if (this.lo.length === 0) {
      this.lo = [...s.objectives];
      this.hi = [...s.objectives];
      return;
    }
    s.objectives.forEach((v, i) => {
      if (v < this.lo[i]) this.lo[i] = v;
      if (v > this.hi[i]) this.hi[i] = v;
    });
  }

  /** Objective `i` of `v` mapped to [0, 1] over the bounds (0 while the bounds are empty or flat). */
  normalise(v: number, i: number): number {
    const span = (this.hi[i] ?? 0) - (this.lo[i] ?? 0);
    return span > 0 ? (v - this.lo[i]) / span : 0;
  }
}

/** The fixed weight vector of chain `chain` over `m` objectives (drawn once from a seed forked by the chain). */
export function chainWeights(chain: number, m: number): number[] {
  const rng = createRng(forkSeed('annealing', `chain/${chain}`));
  const raw = Array.from({ length: m }, () => 0.05 + rng.next());
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w / sum);
}

/** Weight of the weighted sum added to the Tchebycheff maximum (avoids weakly dominated optima). */
const AUGMENT = 1e-3;

/** Energy of a point for a chain: feasible in [0, ~1], infeasible in [2, 3), illegal +Infinity. */
export function energy(s: Scores, weights: readonly number[], bounds: ObjectiveBounds): number {
  if (s.violation > 0) return Number.isFinite(s.violation) ? 2 + s.violation / (1 + s.violation) : Number.POSITIVE_INFINITY;
  let max = 0;
  let sum = 0;
  s.objectives.forEach((v, i) => {
    const x = weights[i] * bounds.normalise(v, i);
    if (x > max) max = x;
    sum += x;
  });
  return max + AUGMENT * sum;
}

/** Geometric cooling from `t0` to `t1` over `horizon` steps, then held at `t1`. */
export function temperature(step: number, horizon: number, t0: number, t1: number): number {
  return t0 * (t1 / t0) ** Math.min(1, step / Math.max(1, horizon));
}

/**
 * The Metropolis test: improvements (and any move off an illegal point) are accepted, moves onto an illegal
 * point rejected, and a worsening by Δ accepted when `u < exp(−Δ / T)`.
 */
export function metropolis(current: number, proposed: number, t: number, u: number): boolean {
  if (proposed <= current || current === Number.POSITIVE_INFINITY) return true;
  if (proposed === Number.POSITIVE_INFINITY) return false;
  return u < Math.exp(-(proposed - current) / t);
}

/**
 * The uniform variate of one acceptance test, derived from the proposal's key, the step and the chain:
 * `tell` has no generator, and a resumed run must take the same decisions from the journal alone.
 */
export function acceptanceUniform(key: string, step: number, chain: number): number {
  return forkSeed(key, `annealing/accept/${step}/${chain}`) / 4294967296;
}
