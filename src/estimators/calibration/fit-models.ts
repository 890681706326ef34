/**
 * Fits the linear models of every estimator key: LUT, FF and latency by robust non-negative regression on the
 * estimator's named features, the II−latency offset of kernels whose II follows their latency, and placeholders
 * for DSP/BRAM that carry only the residual interval. A key is fitted pooled (`dense/latency/io_parallel`,
 * `dense/latency/*`, `dense/*\/*`) and per tool/part-family/clock scope when it has enough records.
 */
import { keyChain, scopeOf } from './models.js';
import { findEstimator } from '../registry.js';
import type { AnalyticCost, FittedModel, FittedTarget, LayerEstimator } from '../types.js';
import type { Parameters } from './parameters.js';
import type { CalibrationRecord } from './record.js';
import { featureCap } from './feature-caps.js';
import { robustFit } from './robust-fit.js';

/** A record with its estimator, model keys and analytic figures at given parameters. */
export interface PreparedRecord {
  readonly record: CalibrationRecord;
  readonly estimator: LayerEstimator;
  readonly keys: readonly string[];
  readonly analytic: AnalyticCost;
}

/** Mutable model table while fitting. */
export type ModelTable = Record<string, Partial<Record<FittedTarget, FittedModel>>>;

/** Minimum evidence for a model: records and distinct projects. */
export interface FitThresholds {
  readonly minSamples: number;
  readonly minProjects: number;
}

/** Default thresholds: 6 records from 2 projects. */
export const DEFAULT_THRESHOLDS: FitThresholds = { minSamples: 6, minProjects: 2 };

const FLOORS: Readonly<Record<'lut' | 'ff' | 'latency', number>> = { lut: 50, ff: 50, latency: 2 };

/** Attaches estimator, keys and analytic figures to records (records no estimator covers are dropped). */
export function prepareRecords(records: readonly CalibrationRecord[], p: Parameters): PreparedRecord[] {
  const out: PreparedRecord[] = [];
  for (const record of records) {
    const estimator = findEstimator(record.signature);
    if (!estimator) continue;
    const chain = keyChain(estimator.modelKey(record.signature));
    const scope = scopeOf(record.signature);
    out.push({ record, estimator, keys: [...chain, ...chain.map((k) => `${k}@${scope}`)], analytic: estimator.analytic(record.signature, p) });
  }
  return out;
}

function mode(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0];
  for (const [v, c] of counts) if (c > (counts.get(best) ?? 0) || (c === counts.get(best) && Math.abs(v) < Math.abs(best))) best = v;
  return best;
}

function fitLinear(group: readonly PreparedRecord[], target: 'lut' | 'ff' | 'latency', t: FitThresholds): FittedModel | undefined {
  const rows = group.filter((g) => g.record.measured[target] !== undefined && (target !== 'latency' || g.analytic.latency > 0));
  if (rows.length < t.minSamples || new Set(rows.map((r) => r.record.project)).size < t.minProjects) return undefined;
  const features = rows[0].estimator.fitFeatures[target] ?? ['one'];
  const x = rows.map((r) => features.map((f) => r.analytic.features[f] ?? 0));
  const y = rows.map((r) => r.record.measured[target] ?? 0);
  const coefficients = robustFit(x, y, FLOORS[target], 20, features.map((f) => featureCap(target, f)));
  return { features, coefficients, ratioLo: 0.5, ratioHi: 2, samples: rows.length };
}

function fitGroup(group: readonly PreparedRecord[], t: FitThresholds): Partial<Record<FittedTarget, FittedModel>> {
  const out: Partial<Record<FittedTarget, FittedModel>> = {};
  for (const target of ['lut', 'ff', 'latency'] as const) {
    const m = fitLinear(group, target, t);
    if (m) out[target] = m;
  }
  const projects = new Set(group.map((g) => g.record.project)).size;
  if (projects >= t.minProjects && group.length >= t.minSamples) {
    for (const target of ['dsp', 'bram18'] as const) {
      const n = group.filter((g) => g.record.measured[target] !== undefined).length;
      if (n >= t.minSamples) out[target] = { features: [target], coefficients: [1], ratioLo: 1, ratioHi: 1, samples: n };
    }
    const offsets = group
      .filter((g) => g.analytic.iiAfterLatency !== undefined && g.record.measured.ii !== undefined && g.record.measured.latency !== undefined)
      .map((g) => Math.max(-2, Math.min(4, (g.record.measured.ii ?? 0) - (g.record.measured.latency ?? 0))));
    if (offsets.length >= t.minSamples) out.ii = { features: ['one'], coefficients: [mode(offsets)], ratioLo: 1, ratioHi: 1, samples: offsets.length };
  }
  return out;
}

/** Fits every key that has enough evidence. */
export function fitModels(prepared: readonly PreparedRecord[], t: FitThresholds = DEFAULT_THRESHOLDS): ModelTable {
  const groups = new Map<string, PreparedRecord[]>();
  for (const p of prepared) for (const k of p.keys) groups.set(k, [...(groups.get(k) ?? []), p]);
  const table: ModelTable = {};
  for (const [key, group] of groups) {
    const models = fitGroup(group, t);
    if (Object.keys(models).length > 0) table[key] = models;
  }
  return table;
}
