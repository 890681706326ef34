/**
 * Pareto dominance for minimisation, with constrained domination (Deb 2000): a feasible point beats an
 * infeasible one, two infeasible points compare by total violation.
 */

/** Objective vector, every entry minimised (maximised objectives are negated before they get here). */
export type Objectives = readonly number[];

/** True when `a` is no worse than `b` everywhere and strictly better somewhere. */
export function dominates(a: Objectives, b: Objectives): boolean {
  let better = false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] > b[i]) return false;
    if (a[i] < b[i]) better = true;
  }
  return better;
}

/** A candidate for constrained comparison: objectives plus total constraint violation (0 = feasible). */
export interface Scored {
  readonly objectives: Objectives;
  readonly violation: number;
}

/** Constrained domination: feasibility first, then less violation, then Pareto dominance. */
export function constrainedDominates(a: Scored, b: Scored): boolean {
  if (a.violation === 0 && b.violation > 0) return true;
  if (a.violation > 0 && b.violation === 0) return false;
  if (a.violation > 0 && b.violation > 0) return a.violation < b.violation;
  return dominates(a.objectives, b.objectives);
}

/**
 * Fast non-dominated sorting (NSGA-II): the index sets of successive fronts under constrained domination.
 * @see Deb et al., "A fast and elitist multiobjective genetic algorithm: NSGA-II", IEEE TEC 6(2), 2002
 */
export function nonDominatedSort(items: readonly Scored[]): number[][] {
  const n = items.length;
  const dominatedBy: number[][] = Array.from({ length: n }, () => []);
  const count = new Int32Array(n);
  const fronts: number[][] = [[]];
  for (let p = 0; p < n; p++) {
    for (let q = p + 1; q < n; q++) {
      if (constrainedDominates(items[p], items[q])) {
        dominatedBy[p].push(q);
        count[q]++;
      } else if (constrainedDominates(items[q], items[p])) {
        dominatedBy[q].push(p);
        count[p]++;
      }
    }
  }
  for (let p = 0; p < n; p++) if (count[p] === 0) fronts[0].push(p);
  for (let f = 0; fronts[f].length > 0; f++) {
    const next: number[] = [];
    for (const p of fronts[f]) {
      for (const q of dominatedBy[p]) if (--count[q] === 0) next.push(q);
    }
    fronts.push(next);
  }
  fronts.pop();
  return fronts;
}

/** Crowding distance of each member of one front (infinite at the extremes of every objective). */
export function crowdingDistance(front: readonly Objectives[]): number[] {
  const n = front.length;
  const d = new Array<number>(n).fill(0);
  if (n === 0) return d;
  const m = front[0].length;
  for (let k = 0; k < m; k++) {
    const order = [...front.keys()].sort((a, b) => front[a][k] - front[b][k] || a - b);
    const lo = front[order[0]][k];
    const hi = front[order[n - 1]][k];
    d[order[0]] = Number.POSITIVE_INFINITY;
    d[order[n - 1]] = Number.POSITIVE_INFINITY;
    if (hi === lo) continue;
    for (let i = 1; i < n - 1; i++) d[order[i]] += (front[order[i + 1]][k] - front[order[i - 1]][k]) / (hi - lo);
  }
  return d;
}
