/** `hlsdse calibrate` as a user runs it, including the one-line bad-input contract. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCalibration } from '../../../src/estimators/calibration/load.js';
import { runCli } from '../../helpers/cli.js';
import { REPO_ROOT } from '../../helpers/shared.js';
import { scratchDir } from '../../helpers/tmp.js';

const dir = scratchDir('calibrate-cli');
const REPORTS = join(REPO_ROOT, 'test', 'fixtures', 'reports');
const FIX = join(REPO_ROOT, 'test', 'fixtures', 'calibration');

describe('hlsdse calibrate', () => {
  it('fits CSV inputs, skips broken ones with a warning each, and writes a loadable calibration', () => {
    const bad = join(dir, 'junk.csv');
    writeFileSync(bad, 'x,y\n1,2\n');
    const out = join(dir, 'cal.json');
    const r = runCli(['calibrate', join(FIX, 'reports.csv'), join(FIX, 'layers.csv'), bad, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^warning: .*junk\.csv: not a synthesis CSV/)]);
    expect(r.stdout).toMatch(/^used \d+ records from \d+ projects \(\d+ duplicates dropped, 1 inputs skipped\); wrote /);
    expect(r.stdout).toMatch(/lut +\d+ +\d+ +[\d.]+ +[\d.]+/);
    expect(loadCalibration(out).id).toBe('cal');
  });

  it('reads hls4ml project folders', () => {
    const out = join(dir, 'proj.json');
    const r = runCli(['calibrate', REPORTS, '-o', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).records).toBeGreaterThanOrEqual(3);
    expect(JSON.parse(readFileSync(out, 'utf8')).schema).toBe(1);
  });

  it('fails when nothing usable is given: a warning per input, then one error line', () => {
    const r = runCli(['calibrate', join(dir, 'missing.csv'), '-o', join(dir, 'x.json')]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^warning: .*missing\.csv: no such file or directory, skipped$/);
    expect(lines[1]).toMatch(/^error: no usable layer records in .*missing\.csv \(1 input skipped\)$/);
  });
});

