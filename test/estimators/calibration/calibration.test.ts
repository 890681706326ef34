import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/estimators/calibration/csv.js';
import { fitCalibration } from '../../../src/estimators/calibration/fit.js';
import { defaultCalibration, loadCalibration, parseCalibration } from '../../../src/estimators/calibration/load.js';
import { nnls } from '../../../src/estimators/calibration/nnls.js';
import { lookupOrder } from '../../../src/estimators/calibration/models.js';
import { gatherRecords } from '../../../src/estimators/calibration/read-inputs.js';
import { projectFolderOf } from '../../../src/estimators/calibration/record.js';
import { robustFit } from '../../../src/estimators/calibration/robust-fit.js';
import { calibrationJson } from '../../../src/estimators/calibration/write.js';
import { HlsdseError } from '../../../src/util/errors.js';
import { REPO_ROOT } from '../../helpers/shared.js';
import { scratchDir } from '../../helpers/tmp.js';

const FIX = join(REPO_ROOT, 'test', 'fixtures', 'calibration');
const dir = scratchDir('calibration');
const errorOf = (fn: () => unknown): HlsdseError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof HlsdseError) return e;
    throw e;
  }
  throw new Error('nothing thrown');
};

describe('CSV and records', () => {
  it('reads quoted fields with commas and doubled quotes', () => {
    expect(parseCsv('a,b\n"x, y","say ""hi"""\n1,2\n')).toEqual([{ a: 'x, y', b: 'say "hi"' }, { a: '1', b: '2' }]);
    expect(() => parseCsv('a\n"open')).toThrow(/unclosed quote/);
  });

  it('names a project by its hls4ml folder', () => {
    expect(projectFolderOf('HLS_MLPs/jet/hls4ml_prj/DSP_reuse1/myproject_prj/solution1/syn/report/myproject_csynth.rpt')).toBe('HLS_MLPs/jet/hls4ml_prj/DSP_reuse1');
    expect(projectFolderOf('8_11_Pool_Fix/report/myproject_csynth.rpt')).toBe('8_11_Pool_Fix');
  });

  it('turns stock rows into records and says why the others were skipped', async () => {
    const g = await gatherRecords([join(FIX, 'reports.csv'), join(FIX, 'layers.csv')]);
    expect(g.records.length).toBeGreaterThanOrEqual(40);
    const fams = new Set(g.records.map((r) => `${r.signature.family}/${r.signature.strategy}/${r.signature.ioType}`));
    expect(fams).toContain('dense/resource/io_stream');
    expect(fams).toContain('dense/latency/io_parallel');
    const lut = g.records.find((r) => r.source.includes('LUT_reuse'));
    expect(lut?.signature.mulImpl).toBe('fabric');
  });

  it('skips a broken input with one warning line and keeps going', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'a,b\n"unclosed');
    const g = await gatherRecords([bad, join(dir, 'missing.csv'), join(FIX, 'reports.csv'), join(FIX, 'layers.csv')]);
    expect(g.warnings).toHaveLength(2);
    expect(g.warnings[0]).toMatch(/^warning: .*bad\.csv: not a readable CSV \(unclosed quote/);
    expect(g.warnings[1]).toMatch(/missing\.csv: no such file or directory, skipped$/);
    expect(g.records.length).toBeGreaterThan(0);
  });
});

describe('robust non-negative fits', () => {
  it('recovers non-negative coefficients and clamps negative ones to 0', () => {
    const x = Array.from({ length: 20 }, (_, i) => [i + 1, (i * 7) % 5, 1]);
    const y = x.map(([a, b]) => 3 * a + 0.5 * b + 10);
    const b = nnls(x, y, y.map(() => 1));
    expect(b[0]).toBeCloseTo(3, 6);
    expect(b[1]).toBeCloseTo(0.5, 6);
    expect(b[2]).toBeCloseTo(10, 5);
    expect(nnls(x, x.map(([a]) => -a), y.map(() => 1))[0]).toBe(0);
  });
  it('ignores an outlier', () => {
    const x = Array.from({ length: 30 }, (_, i) => [i + 1]);
    const y = x.map(([a]) => 2 * a);
    y[5] = 500;
    expect(robustFit(x, y, 1)[0]).toBeCloseTo(2, 2);
  });
  it('is not pinned to zero by layers the tool dissolved (target 0 below the floor)', () => {
    const x = Array.from({ length: 12 }, (_, i) => [100 * (i + 1)]);
    const y = x.map(([a]) => 40 * a);
    y[0] = 0;
    y[1] = 0;
    expect(Math.abs(robustFit(x, y, 50)[0] - 40) / 40).toBeLessThan(0.02);
    // …while a group that is mostly 0 (combinational activations: 0 FF) still fits 0.
    const mostlyZero = y.map((v, i) => (i < 10 ? 0 : v));
    expect(robustFit(x, mostlyZero, 50)[0]).toBeLessThan(1);
  });
});

describe('model lookup', () => {
  it('prefers the pooled model of the exact kernel over a scoped model of a coarser key', () => {
    expect(lookupOrder('dense/latency/io_stream', 's')).toEqual([
      'dense/latency/io_stream@s', 'dense/latency/io_stream', 'dense/latency/*@s', 'dense/latency/*', 'dense/*/*@s', 'dense/*/*',
    ]);
  });

  it('searches a tool-only scope between the full scope and the pooled key', () => {
    expect(lookupOrder('dense/latency/io_parallel', 'vivado_hls:7series:25').slice(0, 4)).toEqual([
      'dense/latency/io_parallel@vivado_hls:7series:25', 'dense/latency/io_parallel@vivado_hls', 'dense/latency/io_parallel', 'dense/latency/*@vivado_hls:7series:25',
    ]);
  });
});

describe('fitting a calibration', async () => {
  const g = await gatherRecords([join(FIX, 'reports.csv'), join(FIX, 'layers.csv')]);
  const r = fitCalibration(g.records, { id: 'fixture', createdBy: 'test', sources: ['fixture'] });

  it('validates leave-one-project-out and reports quality per target', () => {
    expect(r.projects).toBeGreaterThanOrEqual(4);
    expect(r.quality.map((q) => q.target)).toEqual(['lut', 'ff', 'dsp', 'bram18', 'latency', 'ii']);
    for (const q of r.quality) expect(q.records).toBe(r.predictions.filter((p) => p.record.measured[q.target] !== undefined).length);
    const dense = r.calibration.models['dense/latency/io_parallel'];
    expect(dense?.lut?.samples).toBeGreaterThanOrEqual(6);
  });

  it('round-trips through JSON', () => {
    const file = join(dir, 'cal.json');
    writeFileSync(file, calibrationJson(r.calibration));
    const back = loadCalibration(file);
    expect(back.id).toBe('fixture');
    expect(calibrationJson(back)).toBe(calibrationJson(r.calibration));
    expect(Object.keys(back.models).sort()).toEqual(Object.keys(r.calibration.models).sort());
  });

  it('is deterministic', () => {
    const again = fitCalibration(g.records, { id: 'fixture', createdBy: 'test', sources: ['fixture'] });
    expect(calibrationJson(again.calibration)).toBe(calibrationJson(r.calibration));
  });
});

describe('loading calibrations', () => {
  it('ships a default calibration fitted from the repository data', () => {
    const c = defaultCalibration();
    expect(c.id).toMatch(/^default-[0-9a-f]{12}$/);
    expect(c.models['dense/resource/io_stream']).toBeDefined();
    expect(c.parameterSources?.romBramMinBits).toMatch(/^fitted from \d+ records/);
  });
  it('fails with one line naming the file and the problem', () => {
    const missing = join(dir, 'nope.json');
    expect(errorOf(() => loadCalibration(missing)).line).toBe(`error: ${missing}: no such calibration file`);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"schema": 1,');
    expect(errorOf(() => loadCalibration(bad)).line).toMatch(/^error: .*bad\.json: not valid JSON/);
    expect(errorOf(() => parseCalibration({ schema: 1, id: 'x', provenance: { tool: '', partFamily: '', sources: [], createdBy: '' }, models: { k: { lut: { features: ['a'], coefficients: [], ratioLo: 1, ratioHi: 1, samples: 0 } } }, parameters: {} }, 'c.json')).line)
      .toBe('error: c.json: not a valid hlsdse calibration: models.k.lut: features and coefficients differ in length');
  });
});

describe('physical bounds on fitted per-bit costs', async () => {
  const { nnls } = await import('../../../src/estimators/calibration/nnls.js');
  const { featureCap } = await import('../../../src/estimators/calibration/feature-caps.js');
  it('keeps a coefficient under its cap even when thin data wants more', () => {
    // y = 5·x exactly, but the cap says at most 2.5 per unit.
    const x = [[1], [2], [3]];
    const y = [5, 10, 15];
    expect(nnls(x, y, [1, 1, 1])[0]).toBeCloseTo(5, 6);
    expect(nnls(x, y, [1, 1, 1], [2.5])[0]).toBeCloseTo(2.5, 6);
    expect(featureCap('lut', 'fabricMulBits')).toBe(2.5);
    expect(featureCap('lut', 'one')).toBe(Infinity);
  });
});
