/** Input types read from the tool-mangled function names of report rows. */
import { describe, expect, it } from 'vitest';
import { moduleInputType } from '../../../src/estimators/calibration/module-input-type.js';

describe('moduleInputType', () => {
  it('reads the first type argument with its modes', () => {
    const t = moduleInputType('dense_latency_ap_ufixed_8_1_4_0_0_ap_fixed_16_4_5_3_0_config5_s');
    expect(t).toMatchObject({ width: 8, integer: 1, signed: false, rounding: 'RND_CONV', overflow: 'SAT', saturationBits: 0 });
    expect(moduleInputType('dense_latency_ap_fixed_8_2_5_3_0_ap_fixed_16_4_5_3_0_config2_s')).toMatchObject({ width: 8, integer: 2, signed: true, rounding: 'TRN', overflow: 'WRAP' });
    expect(moduleInputType('shift_line_buffer_array_ap_fixed_16_6_5_3_0_1u_config2_s')).toMatchObject({ width: 16, integer: 6 });
  });
  it('gives nothing when the tool left the arguments out or the name is foreign', () => {
    expect(moduleInputType('conv_2d_cl_me_ap_fixed_ap_fixed_32_16_5_3_0_config13_s')).toBeUndefined();
    expect(moduleInputType('dense_large_stream_me_ap_fixed_ap_fixed_config46_s')).toBeUndefined();
    expect(moduleInputType('Loop_1_proc574')).toBeUndefined();
    expect(moduleInputType('dense_ap_fixed_8_2_9_3_0_x')).toBeUndefined();
  });
});
