import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNpy } from '../../../src/estimators/accuracy/data-formats.js';
import { runCli } from '../../helpers/cli.js';
import { exampleModel, REPO_ROOT } from '../../helpers/shared.js';
import { scratchDir } from '../../helpers/tmp.js';

const model = exampleModel('keras/KERAS_3layer.json');
const fixture = (name: string) => join(REPO_ROOT, 'test', 'fixtures', 'data', name);
const haveEmulator = existsSync(join(REPO_ROOT, 'src', 'estimators', 'emulator', 'emulate-graph.ts'));

/** Asserts the one-line error contract: exit 2, one stderr line `error: <file>: …`, nothing on stdout. */
function expectBadInput(args: string[], file: string, message: string): void {
  const r = runCli(args);
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toBe(`error: ${file}: ${message}`);
  expect(r.stdout).toBe('');
}

describe('hlsdse profile', () => {
  it('prints clean JSON for a data file (no TensorFlow.js banner)', () => {
    const r = runCli(['profile', model, '--data', fixture('x3.npy'), '--width', '18', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d).toMatchObject({ model: 'KERAS_3layer', samples: 20, synthetic: false, width: 18 });
    const fc1 = d.layers.find((l: { layer: string }) => l.layer === 'fc1_relu');
    const w = fc1.variables.find((v: { variable: string }) => v.variable === 'weight');
    expect(w.integerBits).toBe(3);
    expect(w.suggested).toBe('ap_fixed<18,3>');
    expect(Object.keys(w.stats.percentiles)).toEqual(['p0.1', 'p1', 'p50', 'p99', 'p99.9']);
  });
});

describe('hlsdse emulate', () => {
  // profile and emulate read samples through the same code, so one bad-input run covers both.
  it('exits 2 with one line on a bad data file, before any emulation', () => {
    expectBadInput(['emulate', model, '--data', fixture('bad_cell.csv')], fixture('bad_cell.csv'), 'line 3, column 5: "abc" is not a number');
  });

  it.skipIf(!haveEmulator)('compares a design point with the float model and writes .npy outputs', () => {
    const out = scratchDir('emulate');
    const r = runCli(['emulate', model, '--config', fixture('point_3layer.yml'), '--data', fixture('x3.csv'), '--label-column', 'class', '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.metrics.samples).toBe(20);
    expect(d.metrics.outputs[0].topClassAgreement).toBeGreaterThan(0.5);
    expect(d.metrics.outputs[0].accuracy).toBeGreaterThanOrEqual(0);
    expect(d.metrics.layers.length).toBeGreaterThan(0);
    for (const f of d.files) {
      const a = parseNpy(readFileSync(f), f);
      expect(a.shape).toEqual([20, 5]);
    }
  });
});
