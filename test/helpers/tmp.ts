/** Per-test scratch folders under the OS temp dir (never inside the repository). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** A fresh temp folder removed after the test file finishes. */
export function scratchDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `hlsdse-${label}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
