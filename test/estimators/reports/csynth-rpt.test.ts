import { describe, expect, it } from 'vitest';
import { parseCsynthRpt } from '../../../src/estimators/reports/csynth-rpt.js';
import { errorOf, fixtureText } from './fixtures.js';

const HLS4ML_RPT = 'hls4ml/myproject_csynth.rpt';
const GALAPAGOS_RPT = 'hls4ml/galapagos/myproject_csynth.rpt';
const VITIS_RPT = 'argykokk/CARDIO_LUT_reuse100/myproject_prj/solution1/syn/report/myproject_csynth.rpt';
const U50_RPT = 'pominiq/MNIST_R16/myproject_prj/solution1/syn/report/myproject_csynth.rpt';

describe('parseCsynthRpt', () => {
  it('reads the hls4ml sample text report with its instance tables', () => {
    const r = parseCsynthRpt(fixtureText(HLS4ML_RPT), HLS4ML_RPT);
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
    expect(r.instances).toEqual([
      {
        instance: 'dense_array_array_ap_fixed_16_6_5_3_0_5u_config2_U0',
        module: 'dense_array_array_ap_fixed_16_6_5_3_0_5u_config2_s',
        bram18: 0, dsp: 73, ff: 7860, lut: 2134, uram: 0,
        latencyMin: 7, latencyMax: 7, intervalMin: 7, intervalMax: 7, pipelineType: 'none', configId: 2,
      },
      {
        instance: 'relu_array_array_ap_fixed_5u_relu_config3_U0',
        module: 'relu_array_array_ap_fixed_5u_relu_config3_s',
        bram18: 0, dsp: 0, ff: 84, lut: 256, uram: 0,
        latencyMin: 2, latencyMax: 2, intervalMin: 1, intervalMax: 1, pipelineType: 'function', configId: 3,
      },
    ]);
  });

  it('agrees with the XML of the same run on every summary field', async () => {
    const { parseCsynthXml } = await import('../../../src/estimators/reports/csynth-xml.js');
    const xml = parseCsynthXml(fixtureText('hls4ml/myproject_csynth.xml'), 'x');
    const rpt = parseCsynthRpt(fixtureText(HLS4ML_RPT), 'r');
    expect({ ...rpt, instances: [] }).toEqual(xml);
  });

  it('reads a Vitis HLS 2021.1 report (DSP column, units glued to numbers)', () => {
    const r = parseCsynthRpt(fixtureText(VITIS_RPT), VITIS_RPT);
    expect(r).toMatchObject({ tool: 'vitis_hls', version: '2021.1', part: 'xc7z007s-clg225-2' });
    expect(r).toMatchObject({ targetClockNs: 3.33, estimatedClockNs: 7.947, clockUncertaintyNs: 0.42 });
    expect(r).toMatchObject({ latencyBest: 49, latencyWorst: 49, intervalMin: 34, intervalMax: 34, pipelineType: 'yes' });
    expect(r.resources).toEqual({ bram18: 3, dsp: 0, ff: 2172, lut: 3882, uram: 0 });
    expect(r.instances.map((i) => [i.configId, i.lut, i.ff, i.latencyMax, i.intervalMax])).toEqual([
      [2, 1714, 1141, 33, 34],
      [5, 319, 165, 2, 3],
      [4, 168, 103, 1, 1],
      [7, 1504, 605, 10, 1],
    ]);
    expect(r.instances[3]).toMatchObject({ module: 'softmax_stable_ap_fixed_ap_fixed_16_6_5_3_0_softmax_config7_s', bram18: 3 });
  });

  it('reads a Vivado HLS 2018.2 report (5-column latency tables, no URAM column, bare ns)', () => {
    const r = parseCsynthRpt(fixtureText(GALAPAGOS_RPT), GALAPAGOS_RPT);
    expect(r).toMatchObject({ version: '2018.2', part: 'xcku115-flva1517-2-e', targetClockNs: 5, estimatedClockNs: 4.168 });
    expect(r).toMatchObject({ latencyBest: 14, latencyWorst: 14, intervalMin: 1, intervalMax: 1, pipelineType: 'function' });
    expect(r.resources).toEqual({ bram18: 18, dsp: 792, ff: 43219, lut: 21809, uram: 0 });
    expect(r.available).toEqual({ bram18: 4320, dsp: 5520, ff: 1326720, lut: 663360, uram: 0 });
    const conv = r.instances.find((i) => i.module === 'conv_1d_0_0_0_0');
    expect(conv).toMatchObject({ dsp: 504, ff: 26679, lut: 9051, latencyMin: 3, intervalMax: 1 });
    expect(conv?.configId).toBeUndefined();
  });

  it('takes the device total, not the per-SLR row, on a multi-SLR part (xcu50)', () => {
    const r = parseCsynthRpt(fixtureText(U50_RPT), U50_RPT);
    expect(r.available).toEqual({ bram18: 2688, dsp: 5952, ff: 1743360, lut: 871680, uram: 640 });
    expect(r.resources).toEqual({ bram18: 14, dsp: 42, ff: 15591, lut: 32373, uram: 0 });
    expect(r.instances).toHaveLength(8);
    expect(r.instances.find((i) => i.configId === 2)).toMatchObject({ latencyMax: 10194, dsp: 3, lut: 1845 });
  });

  it('reads ? latencies as undefined', () => {
    const text = fixtureText(HLS4ML_RPT).replace(
      '|       10|       10| 50.000 ns | 50.000 ns |    8|    8| dataflow |',
      '|        ?|        ?|         ? |         ? |    ?|    ?| dataflow |',
    );
    const r = parseCsynthRpt(text, 'q.rpt');
    expect([r.latencyBest, r.latencyWorst, r.intervalMin, r.intervalMax]).toEqual([undefined, undefined, undefined, undefined]);
    expect(r.resources.dsp).toBe(73);
  });

  it('refuses a report cut before its utilisation section', () => {
    const text = fixtureText(HLS4ML_RPT);
    const e = errorOf(() => parseCsynthRpt(text.slice(0, text.indexOf('== Utilization Estimates')), 'cut.rpt'));
    expect(e.code).toBe('corrupt-file');
    expect(e.message).toBe('no Utilization Estimates summary table: not a complete csynth report');
  });

  it('refuses a report whose summary lost its Total row', () => {
    const text = fixtureText(HLS4ML_RPT).replace('|Total            |        0|     73|    7969|   2532|    0|', '');
    expect(errorOf(() => parseCsynthRpt(text, 't.rpt')).message).toBe("utilization summary has no 'Total' row");
  });

  it('refuses a text file that is not a csynth report', () => {
    const e = errorOf(() => parseCsynthRpt(fixtureText('hls4ml/vivado_synth.rpt'), 'vivado_synth.rpt'));
    expect(e.code).toBe('unsupported-format');
    expect(e.message).toBe("no \"== Vivado HLS Report for '<top>'\" banner: not a csynth text report");
  });
});
