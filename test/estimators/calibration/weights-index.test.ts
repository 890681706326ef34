/** Real kernel values for synthesis-CSV rows through `weights/index.csv`: parsing, lookup, records, and the file edge. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordsFromCsv, type CsvRow } from '../../../src/estimators/calibration/csv-records.js';
import { gatherRecords } from '../../../src/estimators/calibration/read-inputs.js';
import { kernelLookup, parseWeightsIndex } from '../../../src/estimators/calibration/weights-index.js';
import { HlsdseError } from '../../../src/util/errors.js';
import { scratchDir } from '../../helpers/tmp.js';

const COMMIT = '72e2e22e6a82d84fbb5d10930df7b82b0920c42b';
const HEADER = 'source_repo,commit,project_dir,layer,weights_path,file';
// The 5x3 kernel of ArgyKokk/hls4ml_MLP_estimator HLS_MLPs/Breast_cancer (firmware/weights/w5.h at the commit above):
// 5 zeros; 7 of the 10 others need three or more signed digits at ap_fixed<8,1>, and the report's row has 7 DSPs.
const W5 = [0, 0.0859375, 0.4609375, 0, 0.53125, -0.359375, 0, 0.78125, -0.1875, 0, -0.7734375, 0.34375, 0, -0.5234375, -0.2578125];
const W5_H = `//Numpy array shape [5, 3]\n//Number of zeros 5\n\nweight5_t w5[15] = {${W5.join(', ')}};\n`;

const row = (project: string): CsvRow => ({
  source_repo: 'ArgyKokk/hls4ml_MLP_estimator', commit: COMMIT, source_path: `${project}myproject_prj/solution1/syn/report/myproject_csynth.rpt`,
  layer_name: 'config5', module: 'dense_latency_ap_ufixed_8_0_4_0_0_ap_fixed_16_4_5_3_0_config5_s', layer_type: 'dense [dense_config]',
  n_in: '5', n_out: '3', reuse_factor: '1', strategy: 'latency', io_type: 'io_parallel', weight_precision: 'ap_fixed<8,1>',
  result_precision: 'ap_fixed<16,4>', accum_precision: 'ap_fixed<16,4>', latency_cycles: '2', latency_max_cycles: '2', interval: '1',
  bram_18k: '0', dsp: '7', ff: '231', lut: '193', fpga_part: 'xc7z007s-clg225-2', clock_period_ns: '5.00', tool: 'vitis_hls 2021.1',
});
const index = (lines: string[]): string => [HEADER, ...lines].join('\n');
const entry = (dir: string, file = 'w5.h'): string => `ArgyKokk/hls4ml_MLP_estimator,${COMMIT},${dir},config5,${dir}firmware/weights/w5.h,${file}`;

describe('the weights index', () => {
  it('parses lines and names the file and line of a bad one', () => {
    const e = parseWeightsIndex(index([entry('HLS_MLPs/Breast_cancer/hls4ml_prj/DSP_reuse1/')]), 'index.csv');
    expect(e).toEqual([expect.objectContaining({ layer: 'config5', projectDir: 'HLS_MLPs/Breast_cancer/hls4ml_prj/DSP_reuse1/', file: 'w5.h' })]);
    const bad = (text: string): string => {
      try {
        parseWeightsIndex(text, 'index.csv');
      } catch (err) {
        if (err instanceof HlsdseError) return err.line;
      }
      return 'nothing thrown';
    };
    expect(bad('source_repo,commit\nr,c')).toMatch(/index\.csv: missing columns project_dir, layer, weights_path, file/);
    expect(bad(index([entry('a/').replace(COMMIT, 'abc')]))).toMatch(/index\.csv: line 2: commit "abc" is not 40 hex digits/);
    expect(bad(index([entry('a/', '../w5.h')]))).toMatch(/line 2: file "\.\.\/w5\.h" must be a path inside/);
  });

  it('finds a row\'s kernel by repository, commit, layer and the longest project folder its report is under', () => {
    const entries = parseWeightsIndex(index([entry('HLS/'), entry('HLS/net/', 'inner.h')]), 'index.csv');
    const find = kernelLookup(entries, new Map([['w5.h', [1]], ['inner.h', [2]]]));
    expect(find(row('HLS/other/'))).toEqual([1]);
    expect(find(row('HLS/net/'))).toEqual([2]);
    expect(find({ ...row('HLS/net/'), commit: '0'.repeat(40) })).toBeUndefined();
    expect(find({ ...row('HLS/net/'), layer_name: 'config2' })).toBeUndefined();
    expect(find(row('ELSEWHERE/'))).toBeUndefined();
  });

  it('gives a record the exact zero and signed-digit counts of its kernel, only when the size matches', () => {
    const entries = parseWeightsIndex(index([entry('p/')]), 'index.csv');
    const withKernel = recordsFromCsv([row('p/')], [], 'layers.csv', undefined, kernelLookup(entries, new Map([['w5.h', W5]]))).records[0].signature;
    expect(withKernel.weightsKnown).toBe(true);
    expect(withKernel.zeroWeights).toBe(5);
    expect(withKernel.pow2Weights).toBe(0);
    expect(withKernel.weightDigitCounts.slice(3).reduce((a, b) => a + b, 0)).toBe(7);
    const wrongSize = recordsFromCsv([row('p/')], [], 'layers.csv', undefined, kernelLookup(entries, new Map([['w5.h', W5.slice(1)]]))).records[0];
    expect(wrongSize.signature.weightsKnown).toBeFalsy();
    expect(recordsFromCsv([row('p/')], [], 'layers.csv').records[0].signature.weightsKnown).toBeFalsy();
  });

  it('gives a batch-norm row its per-channel scales (QKeras alpha 2.0: shifts, no multiplier)', () => {
    const bn: CsvRow = {
      ...row('p/'), layer_name: 'config11', module: 'normalize_ap_fixed_16_4_5_3_0_ap_fixed_16_6_config11_s', layer_type: 'normalize [batchnorm_config]',
      n_in: '3', n_out: '', strategy: '', weight_precision: 'ap_fixed<16,6>', dsp: '0',
    };
    const entries = parseWeightsIndex(index([`ArgyKokk/hls4ml_MLP_estimator,${COMMIT},p/,config11,p/firmware/weights/s11.h,s11.h`]), 'index.csv');
    const sig = recordsFromCsv([bn], [], 'layers.csv', undefined, kernelLookup(entries, new Map([['s11.h', [2, 2, 2]]]))).records[0].signature;
    expect(sig).toMatchObject({ family: 'batchnorm', weightsKnown: true, zeroWeights: 0, pow2Weights: 3 });
  });

  it('is read from weights/ beside the CSVs; a broken weight file is one warning and its layer falls back', async () => {
    const dir = scratchDir('weights-index');
    const csv = join(dir, 'layers.csv');
    const cols = Object.keys(row('a/'));
    const line = (r: CsvRow): string => cols.map((c) => `"${r[c]}"`).join(',');
    writeFileSync(csv, [cols.join(','), line(row('a/')), line({ ...row('b/'), lut: '194' })].join('\n'));
    mkdirSync(join(dir, 'weights'));
    writeFileSync(join(dir, 'weights', 'index.csv'), index([entry('a/'), entry('b/', 'broken.h')]));
    writeFileSync(join(dir, 'weights', 'w5.h'), W5_H);
    writeFileSync(join(dir, 'weights', 'broken.h'), 'weight5_t w5[15] = {0.5, 0.25');
    const g = await gatherRecords([csv]);
    expect(g.warnings).toHaveLength(1);
    expect(g.warnings[0]).toMatch(/broken\.h: .*truncated.*its layers use estimated weight statistics$/);
    const known = g.records.map((r) => [r.project, r.signature.weightsKnown ?? false]);
    expect(known).toEqual([[expect.stringMatching(/a$/), true], [expect.stringMatching(/b$/), false]]);
  });
});
