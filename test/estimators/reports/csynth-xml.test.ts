import { describe, expect, it } from 'vitest';
import { parseCsynthXml } from '../../../src/estimators/reports/csynth-xml.js';
import { errorOf, fixtureText } from './fixtures.js';

const HLS4ML_XML = 'hls4ml/myproject_csynth.xml';
const VITIS_XML = 'argykokk/CARDIO_DSP_reuse1/myproject_prj/solution1/syn/report/myproject_csynth.xml';

describe('parseCsynthXml', () => {
  it('reads the hls4ml sample report (Vivado HLS 2020.1, xc7z020)', () => {
    const r = parseCsynthXml(fixtureText(HLS4ML_XML), HLS4ML_XML);
    expect(r).toMatchObject({
      tool: 'vivado_hls',
      version: '2020.1',
      part: 'xc7z020-clg400-1',
      topModel: 'myproject',
      targetClockNs: 5,
      estimatedClockNs: 4.049,
      clockUncertaintyNs: 0.62,
      latencyBest: 10,
      latencyWorst: 10,
      intervalMin: 8,
      intervalMax: 8,
      pipelineType: 'dataflow',
    });
    expect(r.resources).toEqual({ bram18: 0, dsp: 73, ff: 7969, lut: 2532, uram: 0 });
    expect(r.available).toEqual({ bram18: 280, dsp: 220, ff: 106400, lut: 53200, uram: 0 });
    expect(r.instances).toEqual([]);
  });

  it('recognises a Vitis HLS 2021.1 report by its DSP tag', () => {
    const r = parseCsynthXml(fixtureText(VITIS_XML), VITIS_XML);
    expect(r).toMatchObject({ tool: 'vitis_hls', version: '2021.1', part: 'xc7z007s-clg225-2', targetClockNs: 3.33 });
    expect(r).toMatchObject({ estimatedClockNs: 3.236, latencyBest: 29, latencyWorst: 29, intervalMin: 1, intervalMax: 1 });
    expect(r.resources).toEqual({ bram18: 3, dsp: 36, ff: 3684, lut: 2579, uram: 0 });
    expect(r.available).toEqual({ bram18: 100, dsp: 66, ff: 28800, lut: 14400, uram: 0 });
  });

  it('reads undef latencies as undefined', () => {
    const text = fixtureText(HLS4ML_XML)
      .replace('<Worst-caseLatency>10</Worst-caseLatency>', '<Worst-caseLatency>undef</Worst-caseLatency>')
      .replace('<Interval-max>8</Interval-max>', '<Interval-max>undef</Interval-max>');
    const r = parseCsynthXml(text, 'x.xml');
    expect(r.latencyBest).toBe(10);
    expect(r.latencyWorst).toBeUndefined();
    expect(r.intervalMax).toBeUndefined();
  });

  it('refuses a truncated file', () => {
    const text = fixtureText(HLS4ML_XML);
    const e = errorOf(() => parseCsynthXml(text.slice(0, text.indexOf('<AreaEstimates>') + 30), 'cut.xml'));
    expect(e.code).toBe('corrupt-file');
    expect(e.file).toBe('cut.xml');
    expect(e.message).toMatch(/^not well-formed XML: /);
  });

  it('refuses a foreign XML file (the Vivado HLS project file)', () => {
    const e = errorOf(() => parseCsynthXml(fixtureText('hls4ml/vivado_hls.app'), 'vivado_hls.app'));
    expect(e.code).toBe('unsupported-format');
    expect(e.message).toBe('root element <AutoPilot:project> is not a csynth <profile>: not a Vivado/Vitis HLS report');
  });

  it('refuses a profile without its resource section', () => {
    const text = fixtureText(HLS4ML_XML).replace(/<AreaEstimates>[\s\S]*<\/AreaEstimates>/, '');
    const e = errorOf(() => parseCsynthXml(text, 'noarea.xml'));
    expect(e.code).toBe('corrupt-file');
    expect(e.message).toBe('no AreaEstimates/Resources section: not a complete csynth report');
  });

  it('names a missing field and a missing resource', () => {
    const noPart = fixtureText(HLS4ML_XML).replace('<Part>xc7z020-clg400-1</Part>', '');
    expect(errorOf(() => parseCsynthXml(noPart, 'p.xml')).message).toBe('missing <UserAssignments/Part>');
    const noLut = fixtureText(HLS4ML_XML).replace('<LUT>2532</LUT>', '');
    expect(errorOf(() => parseCsynthXml(noLut, 'l.xml')).message).toBe('AreaEstimates/Resources has no lut entry');
  });
});
