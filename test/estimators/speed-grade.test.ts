/**
 * The timing budget's two part/run facts: the speed grade parsed from the part name (scales every operation delay)
 * and the clock uncertainty the run was made with (shrinks the time chained into one cycle).
 */
import { describe, expect, it } from 'vitest';
import { recordsFromCsv, type CsvRow } from '../../src/estimators/calibration/csv-records.js';
import { findDevice, lookupDevice, speedGradeOf } from '../../src/estimators/devices.js';
import { mulCoreBits } from '../../src/estimators/layers/cmvm-features.js';
import { chainedStages, partDelayScale, scheduleBudgetNs } from '../../src/estimators/layers/stream-timing.js';
import { backendClockUncertainty, BLANK_SIGNATURE, type LayerSignature } from '../../src/estimators/signature.js';

describe('speedGradeOf', () => {
  it('reads the grade field of Xilinx part names, low-power and temperature suffixes included', () => {
    expect(speedGradeOf('xc7z020clg400-1')).toBe(1);
    expect(speedGradeOf('xc7z020-clg400-1')).toBe(1);
    expect(speedGradeOf('7z020clg400-1')).toBe(1);
    expect(speedGradeOf('xc7vx690tffg1927-3')).toBe(3);
    expect(speedGradeOf('xcvu9p-flga2104-2L-e')).toBe(2);
    expect(speedGradeOf('xczu9eg-ffvb1156-2-e')).toBe(2);
    expect(speedGradeOf('xcku115-flvb2104-2-i')).toBe(2);
    expect(speedGradeOf('xcvc1902-vsva2197-2MP-e-S')).toBe(2);
  });
  it('is undefined for a bare base name', () => {
    expect(speedGradeOf('xcu250')).toBeUndefined();
    expect(findDevice('xcu250')?.speedGrade).toBeUndefined();
  });
  it('travels with the looked-up device', () => {
    expect(findDevice('xc7vx690t-ffg1930-3')?.speedGrade).toBe(3);
    expect(lookupDevice('xcu50-fsvh2104-2L-e')).toMatchObject({ name: 'xcu50', family: 'ultrascale+', speedGrade: 2 });
  });
});

describe('clock uncertainty', () => {
  it('follows the hls4ml backend: 12.5 % Vivado, 27 % Vitis (Vitis HLS before 2022.2 ran through the Vivado backend)', () => {
    expect(backendClockUncertainty('vivado_hls')).toBe(0.125);
    expect(backendClockUncertainty('vitis_hls')).toBe(0.27);
    expect(backendClockUncertainty('vitis_hls', 2023.1)).toBe(0.27);
    expect(backendClockUncertainty('vitis_hls', 2021.1)).toBe(0.125);
  });
  it('leaves the clock less the uncertainty to the scheduler', () => {
    expect(scheduleBudgetNs({ clockNs: 5, clockUncertainty: 0.125 })).toBeCloseTo(4.375);
    expect(scheduleBudgetNs({ clockNs: 5, clockUncertainty: 0.27 })).toBeCloseTo(3.65);
  });
  it('is read from the tool version of a CSV row', () => {
    const row = (tool: string, part: string): CsvRow => ({
      source_repo: 'r', source_path: 'p/myproject_prj/solution1/syn/report/myproject_csynth.rpt', commit: 'c', layer_name: 'config2',
      module: 'relu_ap_fixed_16_6_5_3_0_ap_fixed_16_6_5_3_0_relu_config3_s', layer_type: 'relu [activ_config]', n_in: '16', n_out: '16',
      reuse_factor: '1', strategy: 'latency', io_type: 'io_parallel', result_precision: 'ap_fixed<16,6>', latency_cycles: '0', interval: '1',
      bram_18k: '0', dsp: '0', ff: '0', lut: '40', fpga_part: part, clock_period_ns: '5.00', tool,
    });
    const sig = (r: CsvRow) => recordsFromCsv([r], [], 'layers.csv').records[0]?.signature;
    expect(sig(row('vitis_hls 2021.1', 'xc7z007s-clg225-2'))).toMatchObject({ clockUncertainty: 0.125, speedGrade: 2 });
    expect(sig(row('vitis_hls 2023.1', 'xczu49dr-ffvf1760-2-e'))).toMatchObject({ clockUncertainty: 0.27, speedGrade: 2 });
    expect(sig(row('vivado_hls 2019.2', 'xc7vx690t-ffg1930-3'))).toMatchObject({ clockUncertainty: 0.125, speedGrade: 3 });
  });
});

describe('speed-grade delay scaling', () => {
  const t = (speedGrade: number, partFamily: LayerSignature['partFamily'] = '7series') => ({ clockNs: 5, clockUncertainty: 0.125, partFamily, speedGrade });
  it('makes faster grades faster, about 30 % at −3 (DS923/DS925 DSP48 FMAX 338 / 410 / 483 MHz)', () => {
    expect(partDelayScale(t(1))).toBe(1);
    expect(partDelayScale(t(2))).toBeCloseTo(0.82, 2);
    expect(partDelayScale(t(3))).toBeCloseTo(0.7, 2);
    expect(partDelayScale(t(2, 'ultrascale+'))).toBeLessThan(partDelayScale(t(1, 'ultrascale+')));
  });
  it('chains more operations into a cycle on a faster grade', () => {
    const ops = [2.7, 2.7, 2.7, 2.7, 2.7];
    expect(chainedStages(t(1), ops)).toBe(5);
    expect(chainedStages(t(3), ops)).toBe(3);
  });
  it('registers the Vivado HLS multiplier core on xc7z020-1 at 5 ns but not on a −3 part (camillaMiao 16×4 Dense)', () => {
    const dense = (speedGrade: number): LayerSignature => ({
      ...BLANK_SIGNATURE, family: 'dense', label: 'dense', strategy: 'latency', nIn: 16, nOut: 4, nWeights: 64, inputWidth: 16, weightWidth: 16,
      partFamily: '7series', dspType: 'DSP48E1', tool: 'vivado_hls', clockNs: 5, speedGrade,
    });
    expect(mulCoreBits(dense(1), 50)).toBe(50 * 64);
    expect(mulCoreBits(dense(3), 50)).toBe(0);
  });
});
