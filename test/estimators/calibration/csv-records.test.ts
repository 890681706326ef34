/** Report-level marks that keep non-stock kernels out of the calibration records. */
import { describe, expect, it } from 'vitest';
import { recordsFromCsv, reportFactsOf, type CsvRow } from '../../../src/estimators/calibration/csv-records.js';

const base = { source_repo: 'r', source_path: 'p/myproject_prj/solution1/syn/report/myproject_csynth.rpt', commit: 'c' };
const report: CsvRow = { ...base, io_type: 'io_stream', default_precision: 'ap_fixed<16,6>', notes: '' };
const conv: CsvRow = {
  ...base, layer_name: 'config2', module: 'conv_2d_cl_array_array_ap_fixed_4u_config2_s', layer_type: 'conv_2d_cl [conv2d_config]',
  in_h: '8', in_w: '8', in_c: '1', filt_h: '3', filt_w: '3', n_filt: '4', stride: '1x1', reuse_factor: '9', strategy: 'resource',
  io_type: 'io_stream', weight_precision: 'ap_fixed<16,6>', result_precision: 'nnet::array<ap_fixed<16,6>, 4*1>', accum_precision: 'ap_fixed<16,6>',
  latency_cycles: '100', latency_max_cycles: '100', interval: '100', bram_18k: '0', dsp: '1', ff: '500', lut: '900',
  fpga_part: 'xc7z020-clg400-1', clock_period_ns: '5.00', tool: 'vivado_hls 2019.2',
};
const shift: CsvRow = { ...base, module: 'cnnshift_arr_ap_fixed_config2_s', layer_type: 'cnnshift_arr', role: 'unmatched', in_top_instance_table: 'no' };

describe('the experimental streaming-CNN kernel', () => {
  it('marks reports whose functions include cnnshift_arr', () => {
    expect(reportFactsOf([report], [conv, shift]).get('r|p/myproject_prj/solution1/syn/report/myproject_csynth.rpt|c')?.experimentalConv).toBe(true);
    expect(reportFactsOf([report], [conv]).get('r|p/myproject_prj/solution1/syn/report/myproject_csynth.rpt|c')?.experimentalConv).toBeUndefined();
  });
  it('keeps the stock-named conv of such a report out of the records, with the reason', () => {
    expect(recordsFromCsv([conv], [report], 'layers.csv').records).toHaveLength(1);
    const h = recordsFromCsv([conv], [report], 'layers.csv', [conv, shift]);
    expect(h.records).toHaveLength(0);
    expect(h.skipped.join('\n')).toMatch(/experimental streaming-CNN kernel \(cnnshift_arr\)/);
  });
});
