/** The sweep family of commands end to end, as a user runs them. */
import { existsSync, readFileSync, truncateSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { exampleModel } from '../helpers/shared.js';
import { scratchDir } from '../helpers/tmp.js';

const dir = scratchDir('sweep-cli');
const model = exampleModel('keras/KERAS_3layer.json');
const run = join(dir, 'run');
const common = ['sweep', model, '--max-evals', '1200', '--batch', '200', '--seed', '5', '--quiet'];
const base = [...common, '--workers', '1'];
const first = runCli([...base, '--out', run]);

describe('hlsdse sweep', () => {
  it('evaluates, journals and prints the front', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^1200 points evaluated \(max-evals\), space of 162624/);
    expect(first.stdout).toContain('Pareto front:');
    for (const f of ['journal.jsonl', 'front.json', 'report.html', 'sweep.json']) expect(existsSync(join(run, f))).toBe(true);
    const html = readFileSync(join(run, 'report.html'), 'utf8');
    expect(html.match(/<svg/g)).toHaveLength(3);
    expect(html).toContain('Best lut');
  });

  it('runs the same in worker threads', () => {
    const other = join(dir, 'workers');
    const r = runCli([...common, '--out', other, '--workers', '2']);
    expect(r.code, r.stderr).toBe(0);
    const body = (f: string) => readFileSync(f, 'utf8').split('\n').slice(1).join('\n');
    expect(body(join(other, 'journal.jsonl'))).toBe(body(join(run, 'journal.jsonl')));
  });

  it('resumes a killed run to the same journal', () => {
    const cut = join(dir, 'cut');
    const r0 = runCli([...base, '--out', cut]);
    expect(r0.code, r0.stderr).toBe(0);
    const journal = join(cut, 'journal.jsonl');
    truncateSync(journal, Math.floor(statSync(journal).size * 0.55));
    const r1 = runCli([...base, '--out', cut, '--resume']);
    expect(r1.code).toBe(0);
    expect(readFileSync(journal, 'utf8').split('\n').slice(1).join('\n')).toBe(readFileSync(join(run, 'journal.jsonl'), 'utf8').split('\n').slice(1).join('\n'));
  });

  it('refuses a resume under another space', () => {
    const space = join(dir, 'space.yml');
    writeFileSync(space, "layers: {'*': {strategy: [latency], reuseFactor: legal}}\n");
    const r = runCli([...base, '--out', run, '--resume', '--space', space]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`error: ${join(run, 'journal.jsonl')}: cannot resume: the journal was written for a different design space`);
  });

  it.each([
    [['--objectives', 'lut,speed'], 'error: --objectives: unknown objective \'speed\''],
    [['--budget', 'LUT=lots'], "error: --budget: cannot read budget 'LUT=lots'"],
    [['--budget', 'LUT=1000'], 'error: --budget: no evaluated point meets LUT=1000'],
    [['--time', '5 parsecs'], "error: --time: cannot read duration '5 parsecs'"],
  ])('bad input %j gets one line and exit 2', (extra, message) => {
    const r = runCli([...base, '--out', join(dir, `bad-${extra.join('-').replace(/[^a-z0-9]/gi, '')}`), ...extra]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines[lines.length - 1].startsWith(message), r.stderr).toBe(true);
  });

  it('refuses a space file naming an unknown layer', () => {
    const space = join(dir, 'bad-space.yml');
    writeFileSync(space, 'layers: {fc9: {reuseFactor: [2]}}\n');
    const r = runCli([...base, '--out', join(dir, 'bad-space'), '--space', space]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`error: ${space}: the model has no layer named 'fc9'`);
  });
});

describe('pareto, budgets, pick, report', () => {
  it('prints the front as a table, CSV and JSON', () => {
    const t = runCli(['pareto', run, '--limit', '5']);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('1200 points in');
    const csv = runCli(['pareto', run, '--csv']).stdout.trim().split('\n');
    expect(csv[0]).toBe('point,genome,lut,lut_lo,lut_hi,ff,ff_lo,ff_hi,dsp,dsp_lo,dsp_hi,bram,bram_lo,bram_hi,uram,uram_lo,uram_hi,latency,latency_lo,latency_hi,latency-ns,latency-ns_lo,latency-ns_hi,ii,ii_lo,ii_hi');
    const json = JSON.parse(runCli(['pareto', run, '--json']).stdout);
    expect(json.front.length).toBe(csv.length - 1);
    expect(json.objectives).toEqual(['lut:min', 'dsp:min', 'latency:min']);
  });

  it('gives a point\'s budgets as JSON', () => {
    const key = JSON.parse(runCli(['pareto', run, '--json']).stdout).front[0].key;
    const b = JSON.parse(runCli(['budgets', run, '--point', key]).stdout);
    expect(b.point).toBe(key);
    expect(b.lut.lo).toBeLessThanOrEqual(b.lut.mean);
    expect(b.lut.mean).toBeLessThanOrEqual(b.lut.hi);
    expect(runCli(['budgets', run, '--point', 'nope']).stderr.trim()).toBe(`error: --point: no point 'nope' in ${run}`);
  });

  it('picks a point whose hls4ml config reproduces it in estimate', () => {
    const out = join(dir, 'picked');
    const r = runCli(['pick', run, '--budget', 'DSP=2000', '--prefer', 'latency', '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const p = JSON.parse(r.stdout);
    const cfg = parse(readFileSync(p.file, 'utf8'));
    expect(cfg.KerasJson).toBe(model);
    expect(p.metrics.dsp.mean).toBeLessThanOrEqual(2000);
    const est = JSON.parse(runCli(['estimate', model, '--config', p.file, '--json']).stdout);
    expect(est.total.dsp.mean).toBeCloseTo(p.metrics.dsp.mean, 6);
    expect(est.latencyCycles.mean).toBeCloseTo(p.metrics.latency.mean, 6);
    const none = runCli(['pick', run, '--budget', 'LUT=10']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^error: --budget: no front point meets LUT=10; closest is point \w+: LUT=10 binds/);
  });

  it('rewrites the report elsewhere', () => {
    const r = runCli(['report', run, '--out', join(dir, 'rep')]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'rep', 'report.html'), 'utf8')).toContain('<h2>Pareto fronts</h2>');
  });
});
