/**
 * The accuracy objective as an estimator the search can call per design point: emulate the batch at the
 * point's precisions and compare with the float model once computed. Points that differ only in resource
 * knobs (reuse factor, strategy, IO type) share one emulation, so a sweep pays for each precision choice once.
 */
import type { DesignPoint } from '../../ir/design-point.js';
import { formatPrecision } from '../../fixed/precision.js';
import type { Graph } from '../../ir/graph.js';
import { emulateGraph } from '../emulator/emulate-graph.js';
import type { Batch } from '../emulator/types.js';
import { accuracyMetrics } from './metrics.js';

/** What the search needs of one point's accuracy. */
export interface AccuracyResult {
  /**
   * Fraction of samples whose top class changes against the float model; with labels, the drop in accuracy
   * against them (float accuracy − firmware accuracy, floored at 0).
   */
  readonly accuracyDrop: number;
  readonly topClassAgreement: number;
  readonly meanAbsError: number;
  /** Values that saturated or wrapped, summed over layers and variables. */
  readonly overflows: number;
}

/** An accuracy estimator bound to a model, a batch and its float outputs. */
export interface AccuracyObjective {
  readonly id: 'accuracy';
  /** Samples in the batch, and whether they are synthetic. */
  readonly samples: number;
  readonly synthetic: boolean;
  /** The accuracy of a design point (memoised by its precision knobs). */
  evaluate(point: DesignPoint): AccuracyResult;
}

/** The part of a point that decides its arithmetic: every precision and table size. */
export function precisionSignature(point: DesignPoint): string {
  const parts: string[] = [];
  for (const [name, k] of Object.entries(point.layers)) {
    parts.push(name, String(k.tableSize));
    for (const [v, p] of Object.entries(k.precisions)) parts.push(v, formatPrecision(p));
  }
  return parts.join('|');
}

/** Builds the accuracy objective for a graph from inputs, their float outputs and optional labels. */
export function createAccuracyObjective(
  graph: Graph,
  inputs: Readonly<Record<string, Batch>>,
  floatOutputs: Readonly<Record<string, Batch>>,
  options: { labels?: Int32Array | Batch; synthetic: boolean; cacheSize?: number },
): AccuracyObjective {
  const cache = new Map<string, AccuracyResult>();
  const limit = options.cacheSize ?? 4096;
  const samples = Object.values(inputs)[0]?.count ?? 0;
  return {
    id: 'accuracy',
    samples,
    synthetic: options.synthetic,
    evaluate(point) {
      const key = precisionSignature(point);
      const hit = cache.get(key);
      if (hit) return hit;
      const run = emulateGraph(graph, point, inputs);
      const m = accuracyMetrics(floatOutputs, run, { ...(options.labels ? { labels: options.labels } : {}), synthetic: options.synthetic });
      const first = m.outputs[0];
      const agreement = first?.topClassAgreement ?? 1;
      const drop = first?.accuracy !== undefined && first.floatAccuracy !== undefined ? Math.max(0, first.floatAccuracy - first.accuracy) : 1 - agreement;
      const result: AccuracyResult = { accuracyDrop: drop, topClassAgreement: agreement, meanAbsError: first?.meanAbsError ?? 0, overflows: m.overflowTotal };
      if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
      cache.set(key, result);
      return result;
    },
  };
}
