/**
 * Numerical profiling, after hls4ml's `numerical()` profiling: per layer, the ranges and percentiles of the
 * parameters (weights, biases, BN scales) and of the float outputs over a batch, the integer bits each needs
 * to never overflow, and a suggested `ap_fixed<W,I>` for a target width W.
 * @see hls4ml `hls4ml/model/profiling.py` (`numerical`, `weights_keras`, `activations_keras`); the rule is
 *   integer bits = ⌈log2 max|x|⌉ + sign, made exact at powers of two below.
 */
import { fixed, formatPrecision, type Precision } from '../../fixed/precision.js';
import type { Graph } from '../../ir/graph.js';
import type { Batch } from '../emulator/types.js';
import type { ValueRange } from './synthetic-data.js';

/** Percentiles every profile reports (in percent). */
export const PROFILE_PERCENTILES = [0.1, 1, 50, 99, 99.9] as const;

/** Summary statistics of a set of values. */
export interface ValueStats {
  readonly count: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly absMax: number;
  /** Values exactly zero. */
  readonly zeros: number;
  /** Percentiles (linear interpolation, as numpy's default), keyed `p0.1`, `p1`, `p50`, `p99`, `p99.9`. */
  readonly percentiles: Readonly<Record<string, number>>;
}

/** The profile of one variable of a layer. */
export interface VariableProfile {
  /** hls4ml variable name: `weight`, `bias`, `scale`, `depthwise`, `pointwise`, `alpha`, …, or `result` (the output). */
  readonly variable: string;
  readonly stats: ValueStats;
  /** True when some value is negative (the type needs a sign bit). */
  readonly signed: boolean;
  /** Integer bits (sign included) to hold every value without overflow. */
  readonly integerBits: number;
  /** Integer bits to hold the central 99.8 % (p0.1 … p99.9): what a user may accept if rare outliers may saturate. */
  readonly integerBitsCentral: number;
  /** `ap_fixed<W,I>` (or `ap_ufixed` when nothing is negative) for the target width W. */
  readonly suggested: string;
  /** The precision the graph's configuration gives the variable, if it has one. */
  readonly current?: string;
  /** False when the current precision has too few integer bits (or no sign bit) for the observed values. */
  readonly currentFits?: boolean;
}

/** The profile of one layer. */
export interface LayerProfile {
  readonly layer: string;
  readonly kind: string;
  readonly variables: readonly VariableProfile[];
}

/** A whole profile. */
export interface ProfileReport {
  readonly model: string;
  readonly samples: number;
  readonly synthetic: boolean;
  /** Where the samples came from (a file, or how they were drawn). */
  readonly data: string;
  /** Target total width W of the suggestions. */
  readonly width: number;
  readonly layers: readonly LayerProfile[];
}

/** Options of {@link profileGraph}. */
export interface ProfileOptions {
  readonly width?: number;
  readonly synthetic?: boolean;
  readonly data?: string;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Statistics of a set of values. */
export function valueStats(values: ArrayLike<number>): ValueStats {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  let zeros = 0;
  for (const v of sorted) {
    sum += v;
    if (v === 0) zeros++;
  }
  const n = sorted.length;
  const min = n ? sorted[0] : 0;
  const max = n ? sorted[n - 1] : 0;
  const percentiles: Record<string, number> = {};
  for (const p of PROFILE_PERCENTILES) percentiles[`p${p}`] = percentile(sorted, p);
  return { count: n, min, max, mean: n ? sum / n : 0, absMax: Math.max(Math.abs(min), Math.abs(max)), zeros, percentiles };
}

/**
 * Integer bits of a fixed-point type holding every value in [min, max] without overflow, sign bit included:
 * a positive max p needs 2^k > p (k = ⌊log2 p⌋ + 1), a negative min m needs 2^k ≥ |m| (k = ⌈log2 |m|⌉);
 * I = k + 1 when anything is negative. All-zero data gets I = 1 (signed) or 0.
 */
export function integerBitsFor(min: number, max: number): { integer: number; signed: boolean } {
  const signed = min < 0;
  let k = Number.NEGATIVE_INFINITY;
  if (max > 0) k = Math.floor(Math.log2(max)) + 1;
  if (min < 0) k = Math.max(k, Math.ceil(Math.log2(-min)));
  if (!Number.isFinite(k)) return { integer: signed ? 1 : 0, signed };
  return { integer: k + (signed ? 1 : 0), signed };
}

/** True when a fixed type holds [min, max] without overflow (by integer bits and sign, ignoring the last ulp). */
function fits(p: Precision, min: number, max: number): boolean | undefined {
  if (p.kind !== 'fixed') return undefined;
  const need = integerBitsFor(min, max);
  if (need.signed && !p.signed) return false;
  const have = p.integer - (p.signed ? 1 : 0);
  return have >= need.integer - (need.signed ? 1 : 0);
}

function variableProfile(variable: string, values: ArrayLike<number>, width: number, current: Precision | undefined): VariableProfile {
  const stats = valueStats(values);
  const need = integerBitsFor(stats.min, stats.max);
  const central = integerBitsFor(stats.percentiles['p0.1'], stats.percentiles['p99.9']);
  const ok = current ? fits(current, stats.min, stats.max) : undefined;
  return {
    variable,
    stats,
    signed: need.signed,
    integerBits: need.integer,
    integerBitsCentral: central.integer,
    suggested: formatPrecision(fixed(width, need.integer, { signed: need.signed })),
    ...(current ? { current: formatPrecision(current) } : {}),
    ...(ok !== undefined ? { currentFits: ok } : {}),
  };
}

/** Profiles every layer of a graph from its parameters and its float outputs on a batch (by layer name). */
export function profileGraph(graph: Graph, layerOutputs: Readonly<Record<string, Batch>>, options: ProfileOptions = {}): ProfileReport {
  const width = options.width ?? 16;
  if (!Number.isInteger(width) || width < 1) throw new RangeError(`width must be a positive integer, got ${width}`);
  let samples = 0;
  const layers: LayerProfile[] = graph.layers.map((l) => {
    const variables: VariableProfile[] = [];
    for (const [name, t] of Object.entries(l.params)) {
      variables.push(variableProfile(name, t.data, width, l.precisions[name]?.precision));
    }
    const out = layerOutputs[l.name];
    if (out) {
      samples = Math.max(samples, out.count);
      variables.push(variableProfile('result', out.data, width, l.precisions.result?.precision));
    }
    return { layer: l.name, kind: l.kind, variables };
  });
  return { model: graph.name, samples, synthetic: options.synthetic ?? false, data: options.data ?? '', width, layers };
}

/** The observed range of every graph input in a profile, to draw synthetic data like the profiled data. */
export function rangesFromProfile(graph: Graph, report: ProfileReport): Record<string, ValueRange> {
  const out: Record<string, ValueRange> = {};
  for (const name of graph.inputs) {
    const r = report.layers.find((l) => l.layer === name)?.variables.find((v) => v.variable === 'result');
    if (r) out[name] = { lo: r.stats.min, hi: r.stats.max };
  }
  return out;
}
