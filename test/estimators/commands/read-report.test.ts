/** `hlsdse read-report` as a user runs it, including the one-line bad-input contract. */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { REPO_ROOT } from '../../helpers/shared.js';
import { scratchDir } from '../../helpers/tmp.js';

const dir = scratchDir('read-report-cli');
const REPORTS = join(REPO_ROOT, 'test', 'fixtures', 'reports');

function expectError(args: string[], prefix: string, message: RegExp): void {
  const r = runCli(args);
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0].startsWith(prefix), lines[0]).toBe(true);
  expect(lines[0]).toMatch(message);
}

describe('hlsdse read-report', () => {
  it('prints a project\'s reports with per-instance rows', () => {
    const r = runCli(['read-report', join(REPORTS, 'argykokk', 'CARDIO_LUT_reuse100')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('C synthesis: vitis_hls 2021.1');
    expect(r.stdout).toMatch(/grp_dense_latency_\S+config2\S* +2 +33–33 +34–34/);
  });

  it('refuses a truncated report with one line', () => {
    const text = readFileSync(join(REPORTS, 'hls4ml', 'myproject_csynth.xml'), 'utf8');
    const f = join(dir, 'cut_csynth.xml');
    writeFileSync(f, text.slice(0, Math.floor(text.length / 2)));
    expectError(['read-report', f], `error: ${f}: `, /./);
  });

  it('refuses a foreign XML with one line', () => {
    const f = join(dir, 'foreign_csynth.xml');
    copyFileSync(join(REPORTS, 'hls4ml', 'vivado_hls.app'), f);
    expectError(['read-report', f], `error: ${f}: `, /not a csynth <profile>/);
  });
});
