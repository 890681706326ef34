/**
 * The per-element logic of a ReLU that casts into its result type, in the tools' expression-estimate units, against
 * the per-element totals of real csynth Expression tables (see fixed-cast.ts for the sources), and the result type
 * fields the calibration records carry.
 */
import { describe, expect, it } from 'vitest';
import { castRounds, castSaturates, reluCastLuts } from '../../../src/estimators/layers/fixed-cast.js';
import { defaultParameters } from '../../../src/estimators/calibration/parameters.js';
import { recordOfRow } from '../../../src/estimators/calibration/csv-records.js';
import { estimatorFor } from '../../../src/estimators/registry.js';
import { BLANK_SIGNATURE, type LayerSignature } from '../../../src/estimators/signature.js';

const relu = (extra: Partial<LayerSignature>): LayerSignature => ({
  ...BLANK_SIGNATURE, family: 'activation', label: 'relu', activation: 'relu', elements: 32, channels: 32, ...extra,
});

describe('cast logic of a ReLU', () => {
  it('is a compare and a select when the types match (Vivado HLS: 13 + 15)', () => {
    const s = relu({ tool: 'vivado_hls', inputWidth: 16, inputInteger: 6, resultWidth: 16, resultInteger: 6 });
    expect(castRounds(s)).toBe(false);
    expect(castSaturates(s)).toBe(false);
    expect(reluCastLuts(s)).toBe(28);
  });
  it('prices a 64-bit compare and a truncating, wrapping narrow cast (Vivado HLS: 29 + 14)', () => {
    const s = relu({ tool: 'vivado_hls', inputWidth: 64, inputInteger: 16, resultWidth: 14, resultInteger: 4, resultSigned: false });
    expect(reluCastLuts(s)).toBe(43);
  });
  it('adds rounding and saturation logic for AP_RND_CONV / AP_SAT (Vitis HLS: 43 per element)', () => {
    const s = relu({ tool: 'vitis_hls', inputWidth: 16, inputInteger: 4, resultWidth: 8, resultInteger: 1, resultSigned: false, resultRounding: 'RND_CONV', resultOverflow: 'SAT' });
    expect(castRounds(s)).toBe(true);
    expect(castSaturates(s)).toBe(true);
    expect(reluCastLuts(s)).toBe(43);
  });
  it('comes within 10 % of Vivado HLS for ap_fixed<18,7> → ap_ufixed<6,0,AP_RND_CONV,AP_SAT> (86 per element)', () => {
    const s = relu({ tool: 'vivado_hls', inputWidth: 18, inputInteger: 7, resultWidth: 6, resultInteger: 0, resultSigned: false, resultRounding: 'RND_CONV', resultOverflow: 'SAT' });
    expect(Math.abs(reluCastLuts(s) - 86) / 86).toBeLessThan(0.1);
  });
  it('grows with the dropped integer bits that saturation checks', () => {
    const base = { tool: 'vivado_hls' as const, resultWidth: 6, resultInteger: 0, resultSigned: false, resultRounding: 'RND_CONV' as const, resultOverflow: 'SAT' as const };
    expect(reluCastLuts(relu({ ...base, inputWidth: 27, inputInteger: 12 }))).toBeGreaterThan(reluCastLuts(relu({ ...base, inputWidth: 18, inputInteger: 7 })));
  });
  it('is a feature of every io_parallel element', () => {
    const s = relu({ tool: 'vitis_hls', inputWidth: 16, inputInteger: 4, resultWidth: 8, resultInteger: 1, resultSigned: false, resultRounding: 'RND_CONV', resultOverflow: 'SAT', elements: 20 });
    expect(estimatorFor(s).analytic(s, defaultParameters()).features.castLuts).toBe(20 * 43);
  });
});

describe('result type in calibration records', () => {
  it('reads the result cell’s integer bits, sign and modes', () => {
    const rec = recordOfRow({
      source_repo: 'r', source_path: 'p/myproject_prj/solution1/syn/report/myproject_csynth.rpt', commit: 'c', layer_name: 'relu1',
      module: 'relu_ap_fixed_18_7_5_3_0_ap_ufixed_6_0_4_0_0_relu_config10_s', layer_type: 'relu [activ_config]', n_in: '32', n_out: '',
      reuse_factor: '1', strategy: 'latency', io_type: 'io_parallel', result_precision: 'ap_ufixed<6,0,AP_RND_CONV,AP_SAT,0>',
      lut: '2322', fpga_part: 'xc7z020clg400-1', clock_period_ns: '5', tool: 'vivado_hls 2020.1',
    }, new Map());
    if (typeof rec === 'string') throw new Error(rec);
    const s = rec.signature;
    expect([s.inputWidth, s.inputInteger, s.resultWidth, s.resultInteger, s.resultSigned, s.resultRounding, s.resultOverflow]).toEqual([18, 7, 6, 0, false, 'RND_CONV', 'SAT']);
  });
});
