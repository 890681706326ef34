/**
 * `fitCalibration`: parameters and models from records, validated leave-one-project-out — every project's records
 * are predicted by a calibration fitted without that project — which gives the printed median/p90 absolute %
 * errors, the exact-match shares and, per model, the residual ratios its intervals use.
 */
import { quantile } from 'simple-statistics';
import type { Calibration, FitQuality, FittedModel, FittedTarget } from '../types.js';
import { fitModels, prepareRecords, DEFAULT_THRESHOLDS, type FitThresholds, type ModelTable } from './fit-models.js';
import { fitParameters } from './fit-parameters.js';
import { lookupOrder, scopeOf } from './models.js';
import { parametersOf } from './parameters.js';
import type { CalibrationRecord } from './record.js';

/** Targets validated, in print order. */
export const FIT_TARGETS: readonly FittedTarget[] = ['lut', 'ff', 'dsp', 'bram18', 'latency', 'ii'];

/** Smallest prediction whose measured/predicted ratio enters an interval (per target). */
const RATIO_FLOOR: Readonly<Record<FittedTarget, number>> = { lut: 50, ff: 50, dsp: 1, bram18: 1, uram: 1, latency: 2, ii: 2 };

/** One record's out-of-project prediction. */
export interface LopoPrediction {
  readonly record: CalibrationRecord;
  readonly modelKey: string;
  readonly predicted: Readonly<Partial<Record<FittedTarget, number>>>;
}

/** Calibration, its validation and the predictions behind it. */
export interface FitResult {
  readonly calibration: Calibration;
  readonly records: number;
  readonly projects: number;
  readonly quality: readonly FitQuality[];
  readonly predictions: readonly LopoPrediction[];
}

/** What the calibration says about itself. */
export interface FitIdentity {
  readonly id: string;
  readonly createdBy: string;
  readonly sources: readonly string[];
}

/** Absolute % error, relative to max(measured, 1). */
export function ape(predicted: number, measured: number): number {
  return (Math.abs(predicted - measured) / Math.max(Math.abs(measured), 1)) * 100;
}

/** Median, p90 and exact share of a list of (predicted, measured) pairs. */
export function errorStats(pairs: readonly (readonly [number, number])[]): { medianApe: number; p90Ape: number; exactShare: number } {
  if (pairs.length === 0) return { medianApe: Number.NaN, p90Ape: Number.NaN, exactShare: Number.NaN };
  const apes = pairs.map(([p, m]) => ape(p, m));
  return { medianApe: quantile(apes, 0.5), p90Ape: quantile(apes, 0.9), exactShare: pairs.filter(([p, m]) => Math.round(p) === m).length / pairs.length };
}

function calibrationOf(models: ModelTable, parameters: Readonly<Record<string, number>>, identity: FitIdentity, parameterSources?: Record<string, string>): Calibration {
  return {
    id: identity.id,
    provenance: { tool: 'vivado_hls, vitis_hls', partFamily: 'any', sources: identity.sources, createdBy: identity.createdBy },
    models,
    parameters,
    ...(parameterSources ? { parameterSources } : {}),
  };
}

function predict(records: readonly CalibrationRecord[], cal: Calibration): LopoPrediction[] {
  return prepareRecords(records, parametersOf(cal)).map((p) => {
    const e = p.estimator.estimateSignature(p.record.signature, cal);
    const r = e.resources;
    return {
      record: p.record,
      modelKey: p.estimator.modelKey(p.record.signature),
      predicted: { lut: r.lut.mean, ff: r.ff.mean, dsp: r.dsp.mean, bram18: r.bram18.mean, latency: e.latencyCycles.mean, ii: e.iiCycles },
    };
  });
}

/** The key whose model for `target` a record uses in `models` (along `lookupOrder`). */
function suppliedBy(models: ModelTable, key: string, scope: string, target: FittedTarget): string | undefined {
  return lookupOrder(key, scope).find((k) => models[k]?.[target] !== undefined);
}

/** Fits a calibration and validates it leave-one-project-out. */
export function fitCalibration(records: readonly CalibrationRecord[], identity: FitIdentity, t: FitThresholds = DEFAULT_THRESHOLDS): FitResult {
  const params = fitParameters(records);
  const models = fitModels(prepareRecords(records, params.values), t);
  const projects = [...new Set(records.map((r) => r.project))];
  const predictions: LopoPrediction[] = [];
  for (const p of projects) {
    const train = records.filter((r) => r.project !== p);
    const fp = fitParameters(train);
    const fold = calibrationOf(fitModels(prepareRecords(train, fp.values), t), fp.values, identity);
    predictions.push(...predict(records.filter((r) => r.project === p), fold));
  }
  const ratios = new Map<string, number[]>();
  const pairs = new Map<string, [number, number][]>();
  for (const pr of predictions) {
    for (const target of FIT_TARGETS) {
      const m = pr.record.measured[target];
      const y = pr.predicted[target];
      if (m === undefined || y === undefined) continue;
      const k = suppliedBy(models, pr.modelKey, scopeOf(pr.record.signature), target);
      if (!k) continue;
      const id = `${k}|${target}`;
      pairs.set(id, [...(pairs.get(id) ?? []), [y, m]]);
      // Ratios of predictions below the fit's floor (a few LUTs, a cycle) say nothing about relative spread.
      if (y >= RATIO_FLOOR[target]) ratios.set(id, [...(ratios.get(id) ?? []), m / y]);
    }
  }
  const final: ModelTable = {};
  for (const [key, byTarget] of Object.entries(models)) {
    final[key] = {};
    for (const [target, model] of Object.entries(byTarget) as [FittedTarget, FittedModel][]) {
      const r = ratios.get(`${key}|${target}`) ?? [];
      const s = errorStats(pairs.get(`${key}|${target}`) ?? []);
      const enough = r.length >= 8;
      final[key][target] = {
        ...model,
        ratioLo: enough ? Math.min(1, quantile(r, 0.1)) : Math.min(model.ratioLo, 0.5),
        ratioHi: enough ? Math.max(1, quantile(r, 0.9)) : Math.max(model.ratioHi, 2),
        ...(r.length > 0 ? { medianApe: s.medianApe, p90Ape: s.p90Ape } : {}),
      };
    }
  }
  const quality: FitQuality[] = FIT_TARGETS.map((target) => {
    const ps = predictions.filter((p) => p.record.measured[target] !== undefined && p.predicted[target] !== undefined);
    const s = errorStats(ps.map((p) => [p.predicted[target] ?? 0, p.record.measured[target] ?? 0]));
    return { target, records: ps.length, projects: new Set(ps.map((p) => p.record.project)).size, ...s };
  });
  const calibration = { ...calibrationOf(final, params.values, identity, params.sources), quality };
  return { calibration, records: records.length, projects: projects.length, quality, predictions };
}
