/** Locates `../shared` (real models and synthesis data) beside the repository; tests skip when it is absent. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the repository. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** `../shared` next to the repository (present on developer machines and in CI, absent in a fresh clone). */
export const SHARED_DIR = resolve(REPO_ROOT, '..', 'shared');
/** True when the shared models folder exists. */
export const HAVE_SHARED = existsSync(join(SHARED_DIR, 'models'));
/** Path of a file under `../shared/models`. */
export function sharedModel(rel: string): string {
  return join(SHARED_DIR, 'models', rel);
}
/** Path of a file under the repository's bundled `examples/models`. */
export function exampleModel(rel: string): string {
  return join(REPO_ROOT, 'examples', 'models', rel);
}
