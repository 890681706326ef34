/**
 * NSGA-II's environmental selection: constrained non-dominated sorting (feasibility first), then crowding
 * distance to truncate the last front that fits. The pool is put in key order first and ties are broken by
 * key, so the survivors depend only on the set of told records, never on the order they arrived in.
 * @see Deb et al., "A fast and elitist multiobjective genetic algorithm: NSGA-II", IEEE TEC 6(2), 2002
 */
import { crowdingDistance, nonDominatedSort } from '../dominance.js';
import type { Genome } from '../space/design-space.js';

/** A scored point of the pool. */
export interface Candidate {
  readonly key: string;
  readonly genome: Genome;
  readonly objectives: readonly number[];
  readonly violation: number;
}

/** A survivor with its front index (0 = best) and crowding distance within that front. */
export interface Member extends Candidate {
  readonly rank: number;
  readonly crowding: number;
}

function byKey(a: Candidate, b: Candidate): number {
  return a.key.length - b.key.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

function crowdingOf(items: readonly Candidate[]): number[] {
  const finite = items.every((c) => c.objectives.every(Number.isFinite));
  return finite ? crowdingDistance(items.map((c) => c.objectives)) : items.map(() => 0);
}

/** The `size` best candidates of the pool (duplicate keys counted once) by rank, then crowding, then key. */
export function selectSurvivors(pool: readonly Candidate[], size: number): Member[] {
  const unique = new Map<string, Candidate>();
  for (const c of pool) if (!unique.has(c.key)) unique.set(c.key, c);
  const items = [...unique.values()].sort(byKey);
  const out: Member[] = [];
  const fronts = nonDominatedSort(items);
  for (let rank = 0; rank < fronts.length && out.length < size; rank++) {
    const front = fronts[rank].map((i) => items[i]);
    const crowd = crowdingOf(front);
    const order = front.map((_, j) => j);
    if (out.length + front.length > size) order.sort((a, b) => crowd[b] - crowd[a] || byKey(front[a], front[b]));
    for (const j of order.slice(0, size - out.length)) out.push({ ...front[j], rank, crowding: crowd[j] });
  }
  return out;
}

/** The crowded-comparison winner of a binary tournament between two random members. */
export function binaryTournament(population: readonly Member[], next: (n: number) => number): Member {
  const a = population[next(population.length)];
  const b = population[next(population.length)];
  if (a.rank !== b.rank) return a.rank < b.rank ? a : b;
  if (a.crowding !== b.crowding) return a.crowding > b.crowding ? a : b;
  return byKey(a, b) <= 0 ? a : b;
}
