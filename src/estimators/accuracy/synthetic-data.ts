/**
 * Seeded synthetic input batches, for when no data file is given: uniform or (clipped) normal values within a
 * stated range, per graph input. Results computed on them are labelled synthetic: they show ranges and
 * overflow, not task accuracy.
 */
import type { Graph } from '../../ir/graph.js';
import { sizeOf } from '../../ir/tensor.js';
import { createRng, forkSeed } from '../../util/rng.js';
import type { Batch } from '../emulator/types.js';
import { makeBatch } from './data-formats.js';

/** A value range [lo, hi], one for the whole input or one per element. */
export interface ValueRange {
  readonly lo: number | Float64Array;
  readonly hi: number | Float64Array;
}

/** How to draw a synthetic batch. */
export interface SyntheticSpec {
  readonly count: number;
  readonly seed: number;
  readonly distribution: 'uniform' | 'normal';
  /** Range per input name; inputs not listed use `defaultRange`. */
  readonly ranges?: Readonly<Record<string, ValueRange>>;
  /** Range of inputs without their own (default [−1, 1]). */
  readonly defaultRange?: ValueRange;
}

/** Synthetic batches by input name, with a one-line description of how they were drawn. */
export interface SyntheticData {
  readonly inputs: Record<string, Batch>;
  readonly synthetic: true;
  readonly description: string;
}

/** Parses a `lo:hi` range flag (`-1:1`, `0:4.5`). Returns undefined when it is not one. */
export function parseRange(text: string): ValueRange | undefined {
  const m = /^\s*([-+]?[\d.]+(?:e[-+]?\d+)?)\s*:\s*([-+]?[\d.]+(?:e[-+]?\d+)?)\s*$/i.exec(text);
  if (!m) return undefined;
  const lo = Number(m[1]);
  const hi = Number(m[2]);
  return Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi ? { lo, hi } : undefined;
}

function at(v: number | Float64Array, i: number): number {
  return typeof v === 'number' ? v : v[i];
}

/** One input's synthetic batch: uniform in [lo, hi), or normal around the middle with σ = (hi − lo)/6, clipped to the range. */
export function syntheticBatch(size: number, count: number, seed: number, distribution: SyntheticSpec['distribution'], range: ValueRange): Batch {
  const rng = createRng(seed);
  const data = new Float64Array(count * size);
  for (let s = 0; s < count; s++) {
    for (let i = 0; i < size; i++) {
      const lo = at(range.lo, i);
      const hi = at(range.hi, i);
      let v: number;
      if (distribution === 'uniform') v = rng.uniform(lo, hi);
      else v = Math.min(hi, Math.max(lo, (lo + hi) / 2 + ((hi - lo) / 6) * rng.normal()));
      data[s * size + i] = v;
    }
  }
  return makeBatch(count, size, data);
}

/** Synthetic batches for every input of a graph; each input draws from its own stream (`forkSeed(seed, name)`). */
export function syntheticInputs(graph: Graph, spec: SyntheticSpec): SyntheticData {
  if (!Number.isInteger(spec.count) || spec.count < 1) throw new RangeError(`sample count must be a positive integer, got ${spec.count}`);
  const inputs: Record<string, Batch> = {};
  const parts: string[] = [];
  const fallback = spec.defaultRange ?? { lo: -1, hi: 1 };
  for (const name of graph.inputs) {
    const layer = graph.layers.find((l) => l.name === name);
    if (!layer) throw new RangeError(`graph input '${name}' is not a layer`);
    const range = spec.ranges?.[name] ?? fallback;
    inputs[name] = syntheticBatch(sizeOf(layer.outputShape), spec.count, forkSeed(spec.seed, `synthetic/${name}`), spec.distribution, range);
    const r = typeof range.lo === 'number' && typeof range.hi === 'number' ? `[${range.lo}, ${range.hi}]` : 'per-element ranges';
    parts.push(graph.inputs.length > 1 ? `${name} ${r}` : r);
  }
  return { inputs, synthetic: true, description: `synthetic: ${spec.count} samples, ${spec.distribution} ${parts.join(', ')}, seed ${spec.seed}` };
}
