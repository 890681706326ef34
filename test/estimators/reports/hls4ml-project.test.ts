import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readHls4mlProject } from '../../../src/estimators/reports/hls4ml-project.js';
import { HlsdseError } from '../../../src/util/errors.js';
import { fixture, fixtureText } from './fixtures.js';

const empty = mkdtempSync(join(tmpdir(), 'hlsdse-empty-'));
const brokenYml = mkdtempSync(join(tmpdir(), 'hlsdse-yml-'));
writeFileSync(join(brokenYml, 'hls4ml_config.yml'), 'Part: [xc7z020\n');
afterAll(() => {
  rmSync(empty, { recursive: true, force: true });
  rmSync(brokenYml, { recursive: true, force: true });
});

describe('readHls4mlProject', () => {
  it('reads project.tcl, parameters.h, defines.h and the text report (Vitis, no YAML)', async () => {
    const p = await readHls4mlProject(fixture('argykokk/CARDIO_LUT_reuse100'));
    expect(p).toMatchObject({ projectName: 'myproject', part: 'xc7z007s-clg225-2', clockPeriodNs: 3.33, backend: 'vitis' });
    // No YAML: the IO type comes from the structs' io_type, and there is no global strategy.
    expect(p.ioType).toBe('io_parallel');
    expect(p.strategy).toBeUndefined();
    expect(p.layers.map((l) => l.configId)).toEqual([2, 4, 5, 7]);
    expect(p.typedefs['weight2_t']).toBe('ap_fixed<8,1>');
    expect(p.csynth).toMatchObject({ tool: 'vitis_hls', latencyWorst: 49, intervalMax: 34 });
    expect(p.csynth?.instances.map((i) => i.configId)).toEqual([2, 5, 4, 7]);
    expect(p.vivadoSynth).toBeUndefined();
    expect(p.filesRead).toEqual([
      'firmware/defines.h',
      'firmware/parameters.h',
      'myproject_prj/solution1/syn/report/myproject_csynth.rpt',
      'project.tcl',
    ]);
  });

  it('takes part and clock from the YAML when there is no project.tcl; the report keeps its own clock', async () => {
    const p = await readHls4mlProject(fixture('argykokk/CARDIO_DSP_reuse1'));
    expect(p).toMatchObject({ part: 'xc7z007s-clg225-2', clockPeriodNs: 5, ioType: 'io_parallel', strategy: 'latency', reuseFactor: 1 });
    expect(p.csynth).toMatchObject({ targetClockNs: 3.33, resources: { dsp: 36, lut: 2579 } });
    expect(p.csynth?.instances).toEqual([]);
  });

  it('reads the kernel weight files by layer index, leaving biases out', async () => {
    const p = await readHls4mlProject(fixture('argykokk/CARDIO_DSP_reuse1'));
    expect(Object.keys(p.weights ?? {})).toEqual(['2', '5']);
    expect(p.weights?.[2]?.weight).toHaveLength(63);
    expect(p.weights?.[5]?.weight).toEqual([0.9921875, -0.9921875, -1, -1, 0.9921875, 0.953125, -0.984375, -1, 0.9921875]);
    expect(p.warnings).toBeUndefined();
    expect(p.filesRead).toContain('firmware/weights/w2.h');
  });

  it('leaves a broken weight file out with one warning line, prefers .h over .txt, and reads .txt alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hlsdse-weights-'));
    try {
      mkdirSync(join(dir, 'firmware', 'weights'), { recursive: true });
      writeFileSync(join(dir, 'firmware', 'parameters.h'), fixtureText('argykokk/CARDIO_LUT_reuse100/firmware/parameters.h'));
      writeFileSync(join(dir, 'firmware', 'weights', 'w2.h'), 'weight2_t w2[63] = {0.5, 0.25');
      writeFileSync(join(dir, 'firmware', 'weights', 'w2.txt'), '0.5, 0.25');
      writeFileSync(join(dir, 'firmware', 'weights', 'w5.txt'), '0.5, -0.25, 1');
      writeFileSync(join(dir, 'firmware', 'weights', 'b5.txt'), 'garbage');
      const p = await readHls4mlProject(dir);
      expect(p.weights).toEqual({ 5: { weight: [0.5, -0.25, 1] } });
      expect(p.warnings).toEqual([`${join(dir, 'firmware/weights/w2.h')}: the initialiser of w2 is not closed with "};" (truncated file?)`]);
      expect(p.filesRead).not.toContain('firmware/weights/w2.txt');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads an io_stream CNN project with conv structs and the XML report', async () => {
    const p = await readHls4mlProject(fixture('pominiq/hls4ml_prj'));
    expect(p).toMatchObject({ part: 'xc7z020clg400-1', clockPeriodNs: 25, ioType: 'io_stream', reuseFactor: 16 });
    expect(p.layers.filter((l) => l.base === 'conv2d_config').map((l) => l.geometry?.nFilt)).toEqual([4, 8]);
    expect(p.csynth).toMatchObject({ latencyBest: 10250, intervalMin: 10195, resources: { bram18: 14, dsp: 42, ff: 17532, lut: 32975 } });
  });

  it('reads a folder holding only reports, taking part and clock from the csynth report', async () => {
    const p = await readHls4mlProject(fixture('pominiq/MNIST_R16'));
    expect(p).toMatchObject({ projectName: 'myproject', part: 'xcu50-fsvh2104-2-e', clockPeriodNs: 25, layers: [] });
    expect(p.csynth?.instances).toHaveLength(8);
    expect(p.vivadoSynth).toEqual({ lut: 19101, ff: 13458, bram18: 10, dsp: 42, uram: 0, device: 'xcu50fsvh2104-2' });
  });

  it('refuses a missing folder and a folder that is not a project', async () => {
    await expect(readHls4mlProject(fixture('no-such-project'))).rejects.toMatchObject({ code: 'file-not-found', message: 'no such directory' });
    const e = await readHls4mlProject(empty).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HlsdseError);
    expect((e as HlsdseError).message).toMatch(/^not an hls4ml project folder: none of hls4ml_config\.yml, project\.tcl/);
  });

  it('names the project file that fails to parse', async () => {
    await expect(readHls4mlProject(brokenYml)).rejects.toMatchObject({
      code: 'corrupt-file',
      file: join(brokenYml, 'hls4ml_config.yml'),
    });
  });
});
