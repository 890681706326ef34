/** `hlsdse estimate` as a user runs it, including the one-line bad-input contract. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { exampleModel } from '../../helpers/shared.js';
import { scratchDir } from '../../helpers/tmp.js';

const dir = scratchDir('estimate-cli');
const model = exampleModel('keras/KERAS_3layer.json');

function expectError(args: string[], prefix: string, message: RegExp): void {
  const r = runCli(args);
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0].startsWith(prefix), lines[0]).toBe(true);
  expect(lines[0]).toMatch(message);
}

describe('hlsdse estimate', () => {
  it('prints the per-layer breakdown, totals with intervals, share of the part and warnings', () => {
    const r = runCli(['estimate', model]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^model KERAS_3layer {2}io_parallel {2}part xcvu13p/);
    expect(r.stdout).toMatch(/fc2_relu +Dense +dense +latency +1 /);
    expect(r.stdout).toMatch(/ {2}DSP +[\d,]+ \[[\d,]+–[\d,]+\] +\d+\.\d+%/);
    expect(r.stdout).toMatch(/latency +\d+ \[\d+–\d+\] cycles = [\d.]+ ns/);
    expect(r.stdout).toContain('warning: fc1_relu: accum_t has 6 integer bits');
  });

  it('applies a design-point file and prints JSON with FIFOs for io_stream', () => {
    const cfg = join(dir, 'point.yml');
    writeFileSync(cfg, 'ioType: io_stream\npart: xcvu9p-flga2104-2-e\nlayers:\n  fc1_relu: { strategy: Resource, reuseFactor: 4 }\n');
    const r = runCli(['estimate', model, '--config', cfg, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const e = JSON.parse(r.stdout);
    expect(e.device).toBe('xcvu9p');
    expect(e.pipelineStyle).toBe('dataflow');
    expect(e.fifos.length).toBeGreaterThan(0);
    const fc1 = e.layers.find((l: { layer: string }) => l.layer === 'fc1_relu');
    expect(fc1.resources.dsp.mean).toBe(256);
  });

  it('refuses an unknown part with one line listing the known parts', () =>
    expectError(['estimate', model, '--part', 'xc9z999'], 'error: --part: ', /unknown FPGA part 'xc9z999': known parts are xc7z007s, .*xcvu13p/));

  it('refuses an illegal reuse factor with one line naming the layer', () => {
    const cfg = join(dir, 'bad-rf.yml');
    writeFileSync(cfg, 'layers:\n  fc2_relu: { strategy: Resource, reuseFactor: 7 }\n');
    expectError(['estimate', model, '--config', cfg], `error: ${cfg}: `, /layer 'fc2_relu': reuse factor 7 is not valid for n_in=64, n_out=32/);
  });
});
