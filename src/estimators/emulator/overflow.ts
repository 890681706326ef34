/**
 * Overflow bookkeeping: per layer and variable, how many values the overflow mode acted on and how many values were
 * cast in total. Also the single-value cast that reports whether it overflowed, allocation-free.
 */
import { castArray, type OverflowCounter } from '../../fixed/fast-cast.js';
import type { FixedType } from '../../fixed/precision.js';
import type { OverflowCount } from './types.js';

interface Entry {
  layer: string;
  variable: string;
  count: number;
  total: number;
}

/** Accumulates overflow counts of one emulation run, in the order variables are first seen. */
export class OverflowTally {
  private readonly entries = new Map<string, Entry>();

  /** Adds `count` overflows out of `total` casts to (layer, variable). */
  add(layer: string, variable: string, count: number, total: number): void {
    const key = `${layer}\u0000${variable}`;
    let e = this.entries.get(key);
    if (!e) {
      e = { layer, variable, count: 0, total: 0 };
      this.entries.set(key, e);
    }
    e.count += count;
    e.total += total;
  }

  /** Every (layer, variable) seen, zero counts included. */
  list(): OverflowCount[] {
    return [...this.entries.values()].map((e) => ({ ...e }));
  }
}

const one = new Float64Array(1);
const oneOut = new Float64Array(1);
const scratch: OverflowCounter = { count: 0 };

/** Set by {@link castOne}: whether its last cast overflowed. */
export let lastCastOverflowed = false;

/** `(T)x` for one double, setting {@link lastCastOverflowed}. */
export function castOne(x: number, t: FixedType): number {
  one[0] = x;
  scratch.count = 0;
  castArray(one, oneOut, t, scratch);
  lastCastOverflowed = scratch.count > 0;
  return oneOut[0];
}

/** Casts src into t in place or into dst, recording the overflows under (layer, variable); returns dst. */
export function castCounted(
  src: Float64Array,
  dst: Float64Array,
  t: FixedType,
  tally: OverflowTally,
  layer: string,
  variable: string,
): Float64Array {
  const n = castArray(src, dst, t);
  tally.add(layer, variable, n, src.length);
  return dst;
}
