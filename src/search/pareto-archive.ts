/**
 * The archive of non-dominated feasible points. Independent of insertion order (ties broken by key), so a
 * front rebuilt from a journal equals the front of the run that wrote it.
 */
import { dominates, type Objectives } from './dominance.js';

/** One archived entry: a canonical point key and its objective vector (minimised). */
export interface ArchiveEntry<T = unknown> {
  readonly key: string;
  readonly objectives: Objectives;
  readonly payload: T;
}

/** A non-dominated set keyed by point; duplicates (same key) are ignored. */
export class ParetoArchive<T = unknown> {
  private entries: ArchiveEntry<T>[] = [];
  private readonly keys = new Set<string>();

  /** Number of points on the front. */
  get size(): number {
    return this.entries.length;
  }

  /**
   * Offers a point; returns true when it joins the front (dominated members leave). Equal objective vectors
   * are all kept (distinct designs with the same cost are both worth knowing).
   */
  add(entry: ArchiveEntry<T>): boolean {
    if (this.keys.has(entry.key)) return false;
    for (const e of this.entries) if (dominates(e.objectives, entry.objectives)) return false;
    const kept: ArchiveEntry<T>[] = [];
    for (const e of this.entries) {
      if (dominates(entry.objectives, e.objectives)) this.keys.delete(e.key);
      else kept.push(e);
    }
    kept.push(entry);
    this.entries = kept;
    this.keys.add(entry.key);
    return true;
  }

  /** The front, sorted by objectives then key (a canonical order). */
  front(): ArchiveEntry<T>[] {
    return [...this.entries].sort((a, b) => {
      for (let i = 0; i < a.objectives.length; i++) if (a.objectives[i] !== b.objectives[i]) return a.objectives[i] - b.objectives[i];
      return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    });
  }

  /** True when a point with this key is on the front. */
  has(key: string): boolean {
    return this.keys.has(key);
  }
}
