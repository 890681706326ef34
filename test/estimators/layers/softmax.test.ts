/**
 * The softmax estimator's hardware facts: group size, multiplier sharing and table copies per kernel variant, the
 * io_stream dispatcher vs a report row of the kernel itself, and how report rows name the kernel they measured.
 */
import { describe, expect, it } from 'vitest';
import { recordOfRow } from '../../../src/estimators/calibration/csv-records.js';
import { defaultParameters } from '../../../src/estimators/calibration/parameters.js';
import { softmaxShape, streamWordStages } from '../../../src/estimators/layers/softmax.js';
import { estimatorFor } from '../../../src/estimators/registry.js';
import { BLANK_SIGNATURE, type LayerSignature } from '../../../src/estimators/signature.js';

const p = defaultParameters();
const parallel = (n: number, extra: Partial<LayerSignature> = {}): LayerSignature => ({
  ...BLANK_SIGNATURE, family: 'softmax', label: 'Softmax', ioType: 'io_parallel', reuseFactor: 1, inputWidth: 16, resultWidth: 16,
  tableSize: 1024, tableWidth: 18, inPixels: 1, outPixels: 1, elements: n, channels: n, clockNs: 5, ...extra,
});
const stream = (channels: number, words: number, rf: number, extra: Partial<LayerSignature> = {}): LayerSignature =>
  parallel(channels * words, { ioType: 'io_stream', channels, inPixels: words, outPixels: words, reuseFactor: rf, ...extra });
const analytic = (s: LayerSignature) => estimatorFor(s).analytic(s, p);

describe('softmax estimator', () => {
  it('shares ceil(size/RF) multipliers per stream word while every element still passes the datapath', () => {
    const s = softmaxShape(stream(10, 1, 4));
    expect(s.multipliers).toBe(3);
    expect(s.cyclesPerWord).toBe(4);
    expect(s.n).toBe(10);
    const a = analytic(stream(10, 1, 4));
    expect(a.dsp).toBe(3);
    // Data bits count the whole word, not the multiplier share.
    expect(a.features.dataBits).toBe(analytic(stream(10, 1, 1)).features.dataBits);
    expect(a.features.muxBits).toBeGreaterThan(0);
    expect(analytic(stream(10, 1, 1)).features.muxBits).toBe(0);
  });

  it('spreads a word’s exp reads over its cycles: fewer table copies when the products are shared', () => {
    // 10 reads in 4 cycles: one dual-port copy serves 8, so two copies plus the inverse table.
    expect(analytic(stream(10, 1, 4)).bram18).toBe(3);
    expect(analytic(stream(8, 16, 64)).bram18).toBe(2);
    // io_parallel reads every element in one cycle: ceil(5/2) copies plus the inverse table.
    expect(analytic(parallel(5)).bram18).toBe(4);
  });

  it('times a stream as words × cycles per word plus a depth; the dispatcher adds a cycle and has II = latency', () => {
    const wrapped = analytic(stream(8, 16, 4));
    const bare = analytic(stream(8, 16, 4, { bareKernel: true }));
    expect(wrapped.latency - bare.latency).toBe(1);
    expect(analytic(stream(8, 32, 4, { bareKernel: true })).latency - bare.latency).toBe(16 * 4);
    expect(wrapped.iiAfterLatency).toBe(0);
    expect(bare.iiAfterLatency).toBe(0);
    // A one-word kernel is its word's pipeline: II = cycles per word.
    const one = analytic(stream(10, 1, 16, { bareKernel: true }));
    expect(one.ii).toBe(10);
    expect(one.iiAfterLatency).toBeUndefined();
    expect(analytic(parallel(10)).ii).toBe(1);
  });

  it('counts a stream word as chained front, exp reads over the word II, sum, shared products and the write', () => {
    const z020 = (ch: number, words: number, rf: number, clockNs: number) =>
      stream(ch, words, rf, { bareKernel: true, clockNs, clockUncertainty: 0.125, partFamily: '7series', speedGrade: 1 });
    // Real rows (pominiq/DNNonSilicon, xc7z020-1, Vivado HLS 2020.1, softmax_stable reports).
    expect(analytic(z020(10, 1, 16, 25)).latency).toBe(24);
    expect(analytic(z020(10, 1, 4, 10)).latency).toBe(16);
    expect(analytic(z020(4, 676, 4, 10)).latency).toBe(2716);
    // The word depth grows by about two cycles per shared product: its exp read and its multiply.
    const s8 = softmaxShape(z020(8, 1, 64, 10));
    const s4 = softmaxShape(z020(8, 1, 4, 10));
    expect(streamWordStages(z020(8, 1, 64, 10), s8) - streamWordStages(z020(8, 1, 4, 10), s4)).toBe(8);
  });

  it('adds pipeline cycles and registers at faster clocks', () => {
    expect(analytic(parallel(10, { clockNs: 3.33 })).latency).toBeGreaterThan(analytic(parallel(10, { clockNs: 25 })).latency);
    expect(analytic(parallel(10, { clockNs: 3.33 })).features.pipeBits).toBeGreaterThan(analytic(parallel(10, { clockNs: 25 })).features.pipeBits);
  });

  it('follows the kernel variant: latency skips the max tree, legacy and argmax have no multiplier, argmax no table', () => {
    expect(softmaxShape(parallel(16, { softmaxImpl: 'latency' })).levels).toBeLessThan(softmaxShape(parallel(16)).levels);
    const legacy = analytic(parallel(4, { softmaxImpl: 'legacy' }));
    expect(legacy.dsp).toBe(0);
    expect(legacy.bram18).toBeGreaterThan(analytic(parallel(4)).bram18);
    const argmax = analytic(parallel(10, { softmaxImpl: 'argmax' }));
    expect(argmax.dsp).toBe(0);
    expect(argmax.bram18).toBe(0);
    expect(argmax.features.romLutBits).toBe(0);
  });

  it('reads the kernel a report row measured from its function name', () => {
    const row = (module: string, io: string) => ({
      source_repo: 'r', source_path: 'p/myproject_csynth.rpt', commit: 'c', module, layer_type: 'softmax [activ_config]', n_in: '10',
      reuse_factor: '4', io_type: io, result_precision: io === 'io_stream' ? 'nnet::array<ap_fixed<16,6>, 10*1>' : 'ap_fixed<16,6>',
      fpga_part: 'xc7z020-clg400-1', clock_period_ns: '10', tool: 'vivado_hls 2020.1',
    });
    const sig = (module: string, io: string) => {
      const r = recordOfRow(row(module, io), new Map());
      if (typeof r === 'string') throw new Error(r);
      return r.signature;
    };
    expect(sig('softmax_array_array_ap_fixed_16_6_5_3_0_10u_softmax_config10_s', 'io_stream').bareKernel).toBeUndefined();
    const inner = sig('softmax_stable_array_array_ap_fixed_16_6_5_3_0_10u_softmax_config10_s', 'io_stream');
    expect(inner.bareKernel).toBe(true);
    expect(inner.softmaxImpl).toBe('stable');
    const par = sig('softmax_stable_ap_fixed_ap_fixed_16_6_5_3_0_softmax_config5_s', 'io_parallel');
    expect(par.bareKernel).toBe(false);
    expect(par.softmaxImpl).toBe('stable');
  });
});
