/**
 * io_stream Dense: the layer reads its input as n_in / pack words (the producer's pack: a Flatten stays in place),
 * runs the matrix kernel and writes the output word (hls4ml nnet_dense_stream.h). Report rows carry the input pack
 * in the function name; subreports also list the nested `dense_wrapper` kernel, which has no stream words.
 */
import { describe, expect, it } from 'vitest';
import { recordOfRow, type CsvRow } from '../../../src/estimators/calibration/csv-records.js';
import { moduleInputPack } from '../../../src/estimators/calibration/module-input-pack.js';
import { defaultParameters } from '../../../src/estimators/calibration/parameters.js';
import { prepareGraph } from '../../../src/estimators/design-context.js';
import { estimatorFor } from '../../../src/estimators/registry.js';
import { streamInputWords } from '../../../src/estimators/signature-of.js';
import { BLANK_SIGNATURE, type LayerSignature } from '../../../src/estimators/signature.js';
import { skipCnn } from '../graphs.js';

const p = defaultParameters();
const analytic = (s: LayerSignature) => estimatorFor(s).analytic(s, p);
const dense = (extra: Partial<LayerSignature>): LayerSignature => ({
  ...BLANK_SIGNATURE, family: 'dense', label: 'dense', nIn: 32, nOut: 10, nWeights: 320, elements: 10, channels: 10,
  ioType: 'io_stream', strategy: 'latency', reuseFactor: 16, clockNs: 25, dspType: 'DSP48E1', partFamily: '7series', ...extra,
});

describe('moduleInputPack', () => {
  it('reads the first nnet::array size of a mangled name', () => {
    expect(moduleInputPack('dense_array_ap_fixed_8u_array_ap_fixed_16_6_5_3_0_10u_config9_s')).toBe(8);
    expect(moduleInputPack('dense_array_ap_fixed_128u_array_ap_fixed_16_6_5_3_0_3u_config4_s')).toBe(128);
    expect(moduleInputPack('dense_array_ap_ufixed_12_3_4_0_0_16u_array_ap_fixed_16_6_5_3_0_5u_config2_s')).toBe(16);
  });
  it('gives nothing when the input array is printed without its size, or there is no array', () => {
    expect(moduleInputPack('dense_array_array_ap_fixed_8_6_5_3_0_10u_config12_s')).toBeUndefined();
    expect(moduleInputPack('dense_array_ap_fixed_ap_fixed_16_8_5_3_0_config4_s')).toBeUndefined();
    expect(moduleInputPack('dense_wrapper_ap_fixed_16_6_5_3_0_ap_fixed_16_6_5_3_0_config9_s')).toBeUndefined();
  });
});

describe('report rows of io_stream Dense', () => {
  const row = (module: string): CsvRow => ({
    source_repo: 'r', source_path: 'p/myproject_prj/solution1/syn/report/myproject_csynth.rpt', commit: 'c', layer_name: 'config9', module,
    layer_type: 'dense [dense_config]', n_in: '32', n_out: '10', reuse_factor: '16', strategy: 'latency', io_type: 'io_stream',
    weight_precision: 'ap_fixed<16,6>', result_precision: 'nnet::array<ap_fixed<16,6>, 10*1>', accum_precision: 'ap_fixed<16,6>',
    latency_cycles: '20', interval: '20', fpga_part: 'xc7z020-clg400-1', clock_period_ns: '25', tool: 'vivado_hls',
  });
  const words = (module: string) => {
    const r = recordOfRow(row(module), new Map());
    if (typeof r === 'string') throw new Error(r);
    return r.signature.inPixels;
  };
  it('takes n_in / pack words from the function name, 1 when unknown, 0 for the nested kernel', () => {
    expect(words('dense_array_ap_fixed_8u_array_ap_fixed_16_6_5_3_0_10u_config9_s')).toBe(4);
    expect(words('dense_array_array_ap_fixed_16_6_5_3_0_10u_config9_s')).toBe(1);
    expect(words('dense_wrapper_ap_fixed_16_6_5_3_0_ap_fixed_16_6_5_3_0_config9_s')).toBe(0);
  });
});

describe('io_stream Dense timing', () => {
  it('adds the input words to the kernel (pominiq 32×10 from 8-wide words, RF 16 at 25 ns: layer 19–21, kernel 13–15)', () => {
    // pominiq hls4ml_prj weights: 315 non-trivial constants, 47 of two signed digits (shift-and-add): 268 share 20 cores.
    const known = { weightsKnown: true, pow2Weights: 5, weightDigitCounts: [0, 0, 47, 108, 108, 50, 2], weightDistinctDigitCounts: [0, 0, 47, 107, 108, 50, 2] };
    expect(analytic(dense({ ...known, inPixels: 0 })).latency).toBe(13);
    expect(analytic(dense({ ...known, inPixels: 4 })).latency).toBe(13 + 6);
    expect(analytic(dense({ ...known, inPixels: 1 })).latency).toBe(14);
  });
  it('gives the layer its latency as II and the nested kernel one cycle more, at most RF', () => {
    const layer = analytic(dense({ inPixels: 4 }));
    expect(layer.ii).toBe(layer.latency);
    expect(layer.iiAfterLatency).toBeUndefined();
    const kernel = analytic(dense({ inPixels: 0 }));
    expect(kernel.iiAfterLatency).toBe(1);
    expect(kernel.iiCap).toBe(16);
  });
  it('runs a Resource layer as its ReuseLoop plus the stream words (144×12 from 4-wide words, RF 3: 36 words)', () => {
    const a = analytic(dense({ nIn: 144, nOut: 12, nWeights: 1728, strategy: 'resource', reuseFactor: 3, inPixels: 36, clockNs: 10 }));
    expect(a.latency).toBe(3 + 38);
    expect(a.iiAfterLatency).toBe(1);
    // The nested kernel alone repeats every RF cycles.
    const k = analytic(dense({ nIn: 144, nOut: 12, nWeights: 1728, strategy: 'resource', reuseFactor: 3, inPixels: 0, clockNs: 10 }));
    expect(k.ii).toBe(3);
    expect(k.iiAfterLatency).toBeUndefined();
  });
  it('marks the stream latency structural and counts the input array registers; io_parallel keeps its kernel timing', () => {
    const s = analytic(dense({ inPixels: 4 }));
    expect(s.features.structural).toBe(1);
    expect(s.features.streamBits).toBe(32 * 16);
    expect(s.features.heldBits).toBeGreaterThan(0);
    const q = analytic(dense({ ioType: 'io_parallel', inPixels: 4 }));
    expect(q.features.streamBits).toBe(0);
    expect(q.features.heldBits).toBe(0);
    expect(q.latency).toBe(analytic(dense({ ioType: 'io_parallel', inPixels: 1 })).latency);
  });
});

describe('streamInputWords', () => {
  it('gives a Dense behind a Flatten its producer’s pixels (12×12×4 pooled to 6×6×4 → 36 words)', () => {
    const prep = prepareGraph(skipCnn(12, 4));
    const fc = prep.layers.find((l) => l.name === 'fc');
    const words = streamInputWords(prep.layers, prep.inputsOf);
    expect(fc && words.get(fc)).toBe(36);
    expect(streamInputWords(prep.layers, prep.inputsOf)).toBe(words);
    expect([...words.keys()].map((l) => l.name)).toEqual(['fc']);
  });
});
