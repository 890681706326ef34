/**
 * Compact transfer of evaluation results between threads: genomes as one Int32Array, outcomes as one
 * Float64Array of metric triples plus the reasons of rejected points. Structured-cloning thousands of small
 * objects costs more than evaluating them; typed arrays move in one copy.
 */
import { METRICS, type PointMetrics } from '../metrics.js';
import type { Genome } from '../space/design-space.js';
import type { PointOutcome } from '../run-sweep.js';

/** Outcomes of a chunk, packed. */
export interface PackedOutcomes {
  /** 0 = ok, 1 = rejected, 2 = error. */
  readonly status: Uint8Array;
  /** Per point, per metric: mean, lo, hi (NaN when the metric is absent). */
  readonly values: Float64Array;
  /** Reason of each non-ok point, by index. */
  readonly reasons: Readonly<Record<number, string>>;
}

const STRIDE = METRICS.length * 3;

/** Packs genomes of equal length into one array. */
export function packGenomes(genomes: readonly Genome[]): { width: number; data: Int32Array } {
  const width = genomes[0]?.length ?? 0;
  const data = new Int32Array(genomes.length * width);
  genomes.forEach((g, i) => data.set(g, i * width));
  return { width, data };
}

/** Unpacks genomes. */
export function unpackGenomes(p: { width: number; data: Int32Array }): Genome[] {
  const out: Genome[] = [];
  for (let i = 0; i < p.data.length; i += p.width) out.push(Array.from(p.data.subarray(i, i + p.width)));
  return out;
}

/** Packs outcomes. */
export function packOutcomes(outcomes: readonly PointOutcome[]): PackedOutcomes {
  const status = new Uint8Array(outcomes.length);
  const values = new Float64Array(outcomes.length * STRIDE).fill(Number.NaN);
  const reasons: Record<number, string> = {};
  outcomes.forEach((o, i) => {
    if (o.status !== 'ok') {
      status[i] = o.status === 'rejected' ? 1 : 2;
      reasons[i] = o.reason;
      return;
    }
    METRICS.forEach((m, k) => {
      const v = o.metrics[m];
      if (!v) return;
      const at = i * STRIDE + 3 * k;
      values[at] = v.mean;
      values[at + 1] = v.lo;
      values[at + 2] = v.hi;
    });
  });
  return { status, values, reasons };
}

/** Unpacks outcomes. */
export function unpackOutcomes(p: PackedOutcomes): PointOutcome[] {
  const out: PointOutcome[] = [];
  for (let i = 0; i < p.status.length; i++) {
    if (p.status[i] !== 0) {
      out.push({ status: p.status[i] === 1 ? 'rejected' : 'error', reason: p.reasons[i] ?? '' });
      continue;
    }
    const metrics: Record<string, { mean: number; lo: number; hi: number }> = {};
    METRICS.forEach((m, k) => {
      const at = i * STRIDE + 3 * k;
      if (!Number.isNaN(p.values[at])) metrics[m] = { mean: p.values[at], lo: p.values[at + 1], hi: p.values[at + 2] };
    });
    out.push({ status: 'ok', metrics: metrics as PointMetrics });
  }
  return out;
}
