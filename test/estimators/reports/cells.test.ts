import { describe, expect, it } from 'vitest';
import { configIdOf, countCell, cyclesCell, nanosecondsCell } from '../../../src/estimators/reports/cells.js';
import { readTableAt, splitRow, tableAfter } from '../../../src/estimators/reports/text-table.js';
import { fixtureText } from './fixtures.js';

describe('report cells', () => {
  it('reads counts, with - as none', () => {
    expect([countCell('  73'), countCell('-'), countCell('~0  '), countCell('1.5')]).toEqual([73, 0, undefined, 1.5]);
  });

  it('reads cycle counts, with ? and undef as unknown', () => {
    expect([cyclesCell('   10'), cyclesCell('?'), cyclesCell('undef'), cyclesCell(undefined)]).toEqual([10, undefined, undefined, undefined]);
  });

  it('reads times in ns from the forms the reports use', () => {
    expect([nanosecondsCell(' 5.00 ns '), nanosecondsCell('  3.33 ns'), nanosecondsCell('4.168'), nanosecondsCell('0.256 ms')]).toEqual([5, 3.33, 4.168, 256000]);
    expect(nanosecondsCell('fast')).toBeUndefined();
  });

  it('finds the hls4ml layer index in instance and module names', () => {
    expect(configIdOf('dense_array_array_ap_fixed_16_6_5_3_0_5u_config2_U0')).toBe(2);
    expect(configIdOf('softmax_array_array_ap_fixed_16_6_5_3_0_10u_softmax_config10_s')).toBe(10);
    expect(configIdOf('dense_latency_ap_fixed_ap_fixed_16_6_5_3_0_config2_mult_0_0_0_0_0')).toBe(2);
    expect(configIdOf('grp_softmax_fu_58')).toBeUndefined();
  });
});

describe('text tables', () => {
  it('splits rows and groups a table by its borders', () => {
    expect(splitRow('    |ap_clk  | 5.00 ns | 4.049 ns |   0.62 ns  |')).toEqual(['ap_clk', '5.00 ns', '4.049 ns', '0.62 ns']);
    const lines = fixtureText('hls4ml/myproject_csynth.rpt').split('\n');
    const util = tableAfter(lines, /^\* Summary:/, lines.findIndex((l) => l.startsWith('== Utilization')));
    expect(util?.groups.map((g) => g.length)).toEqual([1, 7, 1, 1, 1]);
    expect(util?.groups[2][0]).toEqual(['Total', '0', '73', '7969', '2532', '0']);
    expect(readTableAt(lines, 0)).toBeUndefined();
  });
});
