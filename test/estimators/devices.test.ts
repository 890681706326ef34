import { describe, expect, it } from 'vitest';
import { DEVICES, findDevice, lookupDevice } from '../../src/estimators/devices.js';
import { parseCsynthRpt } from '../../src/estimators/reports/csynth-rpt.js';
import { parseCsynthXml } from '../../src/estimators/reports/csynth-xml.js';
import { HlsdseError } from '../../src/util/errors.js';
import { errorOf, fixtureText } from './reports/fixtures.js';

const REQUIRED = [
  'xcvu13p', 'xcvu9p', 'xcu250', 'xcu280', 'xcu55c', 'xczu9eg', 'xczu7ev', 'xc7z020', 'xc7z045', 'xcku115', 'xc7a100t',
  'xcu50', 'xcku040', 'xc7z007s', 'xcvu11p', 'xczu3eg',
];

describe('device table', () => {
  it('covers the parts hls4ml users target, once each, with a source', () => {
    const names = DEVICES.map((d) => d.name);
    for (const n of REQUIRED) expect(names).toContain(n);
    expect(new Set(names).size).toBe(names.length);
    for (const d of DEVICES) {
      expect(d.source.length).toBeGreaterThan(0);
      expect(d.ff).toBe(d.lut * 2); // every family here has two flip-flops per LUT
      expect(d.bram18 % 2).toBe(0); // 36 Kb blocks, counted as pairs of 18 Kb
      expect(d.dspType).toBe(d.family === '7series' ? 'DSP48E1' : d.family === 'versal' ? 'DSP58' : 'DSP48E2');
      if (d.family === '7series' || d.family === 'ultrascale') expect(d.uram).toBe(0);
    }
  });

  it('matches the Available rows of the real reports in the fixtures', () => {
    const reports = [
      parseCsynthXml(fixtureText('hls4ml/myproject_csynth.xml'), 'a'),
      parseCsynthRpt(fixtureText('hls4ml/galapagos/myproject_csynth.rpt'), 'b'),
      parseCsynthRpt(fixtureText('argykokk/CARDIO_LUT_reuse100/myproject_prj/solution1/syn/report/myproject_csynth.rpt'), 'c'),
      parseCsynthRpt(fixtureText('pominiq/MNIST_R16/myproject_prj/solution1/syn/report/myproject_csynth.rpt'), 'd'),
    ];
    for (const r of reports) {
      const d = lookupDevice(r.part);
      expect({ bram18: d.bram18, dsp: d.dsp, ff: d.ff, lut: d.lut, uram: d.uram }).toEqual(r.available);
    }
  });
});

describe('lookupDevice', () => {
  it('accepts full part strings, bare names and the forms Vivado prints', () => {
    expect(lookupDevice('xcvu13p-flga2577-2-e')).toMatchObject({ name: 'xcvu13p', family: 'ultrascale+', dsp: 12288, uram: 1280 });
    expect(lookupDevice('xcu250').bram18).toBe(5376);
    expect(lookupDevice('xc7z020clg400-1').name).toBe('xc7z020');
    expect(lookupDevice('7z020clg400-1').name).toBe('xc7z020');
    expect(lookupDevice('xcu50fsvh2104-2').name).toBe('xcu50');
    expect(lookupDevice('XCZU9EG-FFVB1156-2-E')).toMatchObject({ name: 'xczu9eg', dspType: 'DSP48E2' });
    expect(lookupDevice('xc7z007s-clg225-2')).toMatchObject({ dsp: 66, dspType: 'DSP48E1' });
  });

  it('does not take a longer part number for a known one', () => {
    expect(findDevice('xcu500-foo')).toBeUndefined();
    expect(findDevice('xcu55c-fsvh2892-2L-e')?.name).toBe('xcu55c');
  });

  it('names the unknown part and lists the known ones', () => {
    const e = errorOf(() => lookupDevice('xcfoo'));
    expect(e).toBeInstanceOf(HlsdseError);
    expect(e.code).toBe('bad-config');
    expect(e.file).toBeUndefined();
    expect(e.message).toMatch(/^unknown FPGA part 'xcfoo': known parts are xc7z007s, xc7z020, /);
    expect(e.message).toContain('xcvu13p');
  });
});
