/**
 * Reading calibration files (the thin I/O edge of calibration): `loadCalibration(file)` validates the JSON and
 * fails with one line naming the file and the first problem; `defaultCalibration()` is the shipped
 * `data/calibration/default.json` (regenerate with `npx tsx scripts/fit-calibration.ts`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fail } from '../../util/errors.js';
import type { Calibration } from '../types.js';
import { calibrationFileSchema } from './schema.js';

/** Path of the shipped default calibration. */
export const DEFAULT_CALIBRATION_PATH = fileURLToPath(new URL('../../../data/calibration/default.json', import.meta.url));

/** Validates parsed JSON as a calibration; `file` names it in the error. */
export function parseCalibration(value: unknown, file: string): Calibration {
  const r = calibrationFileSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    const at = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    fail('bad-config', file, `not a valid hlsdse calibration: ${at}${issue.message}`);
  }
  const { schema: _schema, ...cal } = r.data;
  return cal as Calibration;
}

/** Reads and validates a calibration file. */
export function loadCalibration(file: string): Calibration {
  if (!existsSync(file)) fail('file-not-found', file, 'no such calibration file');
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    fail('corrupt-file', file, `not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseCalibration(value, file);
}

let shipped: Calibration | undefined;

/** The shipped default calibration (read once). */
export function defaultCalibration(): Calibration {
  shipped ??= loadCalibration(DEFAULT_CALIBRATION_PATH);
  return shipped;
}
