/** Paths of the real report fixtures under `test/fixtures/reports` and a helper to catch parse errors. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HlsdseError } from '../../../src/util/errors.js';
import { REPO_ROOT } from '../../helpers/shared.js';

/** Root of the report fixtures (see `test/fixtures/reports/SOURCES.md`). */
export const REPORTS = join(REPO_ROOT, 'test', 'fixtures', 'reports');

/** Absolute path of a fixture. */
export function fixture(rel: string): string {
  return join(REPORTS, rel);
}

/** Text of a fixture. */
export function fixtureText(rel: string): string {
  return readFileSync(fixture(rel), 'utf8');
}

/** Runs `fn` and returns the {@link HlsdseError} it throws (fails the test if it throws nothing else). */
export function errorOf(fn: () => unknown): HlsdseError {
  try {
    fn();
  } catch (e) {
    if (e instanceof HlsdseError) return e;
    throw e;
  }
  throw new Error('expected an HlsdseError, nothing was thrown');
}
