/**
 * Serialises a calibration for disk: the schema version, numbers rounded to 6 significant digits (stable, readable
 * diffs when the fit is regenerated), and a fit-quality table for printing.
 */
import type { Calibration, FitQuality } from '../types.js';
import { toCalibrationFile } from './schema.js';

/** Rounds every number in a JSON value to 6 significant digits. */
function round6(_key: string, v: unknown): unknown {
  return typeof v === 'number' && Number.isFinite(v) && !Number.isInteger(v) ? Number(v.toPrecision(6)) : v;
}

/** The JSON text of a calibration file. */
export function calibrationJson(c: Calibration): string {
  return `${JSON.stringify(toCalibrationFile(c), round6, 1)}\n`;
}

/** Fit quality as text lines: target, records, projects, median/p90 absolute % error, exact share. */
export function qualityLines(quality: readonly FitQuality[]): string[] {
  const head = `${'target'.padEnd(8)} ${'records'.padStart(7)} ${'projects'.padStart(8)} ${'median %'.padStart(8)} ${'p90 %'.padStart(7)} ${'exact'.padStart(6)}`;
  return [
    head,
    ...quality.map((q) => `${q.target.padEnd(8)} ${String(q.records).padStart(7)} ${String(q.projects).padStart(8)} ${q.medianApe.toFixed(1).padStart(8)} ${q.p90Ape.toFixed(1).padStart(7)} ${`${(q.exactShare * 100).toFixed(0)}%`.padStart(6)}`),
  ];
}
