/** Activation and softmax tables and lookups, checked by hand against hls4ml's formulas. */
import { describe, expect, it } from 'vitest';
import { emulateGraph } from '../../../src/estimators/emulator/emulate-graph.js';
import {
  activationTable,
  centredIndex,
  indexFromValue,
  softmaxExpTable,
  softmaxInvTable,
  valueFromIndex,
} from '../../../src/estimators/emulator/tables.js';
import { fixed } from '../../../src/fixed/precision.js';
import { DEFAULT_SOFTMAX_TYPE, DEFAULT_TABLE_TYPE } from '../../../src/ir/precision-slots.js';
import { graphOf, inputSpec, pointWith } from './helpers.js';

const T18_8 = DEFAULT_TABLE_TYPE; // ap_fixed<18,8>: 10 fractional bits, truncating

describe('sigmoid and tanh tables (1024 entries, ap_fixed<18,8>)', () => {
  const sig = activationTable('sigmoid', 1024, T18_8).values;
  const tanh = activationTable('tanh', 1024, T18_8).values;

  it('sigmoid covers [−8, 8): entry i is sigmoid(16(i − 512)/1024) truncated to 2^-10', () => {
    expect(sig[512]).toBe(0.5); // x = 0
    expect(sig[0]).toBe(0); // sigmoid(−8) = 3.35e-4 < 2^-10
    expect(sig[576]).toBe(748 / 1024); // x = 1: 0.731059 · 1024 = 748.6
    expect(sig[768]).toBe(1005 / 1024); // x = 4: 0.982014 · 1024 = 1005.6
    expect(sig[1023]).toBe(1023 / 1024); // x = 7.984: 0.99966 · 1024 = 1023.65
  });

  it('tanh covers [−4, 4): entry i is tanh(8(i − 512)/1024)', () => {
    expect(tanh[512]).toBe(0);
    expect(tanh[768]).toBe(987 / 1024); // x = 2: 0.964028 · 1024 = 987.2
    expect(tanh[0]).toBe(-1); // tanh(−4) = −0.99933 floors to −1024/1024
    expect(tanh[256]).toBe(-988 / 1024); // x = −2: −987.2 floors to −988
  });

  it('lookup index: trunc(x·N/16) + N/2 (tanh: /8), clamped', () => {
    expect(centredIndex(1, 1024, 16)).toBe(576);
    expect(centredIndex(-0.01, 1024, 16)).toBe(512); // trunc(−0.64) = 0
    expect(centredIndex(-1, 1024, 8)).toBe(384);
    expect(centredIndex(100, 1024, 16)).toBe(1023);
    expect(centredIndex(-100, 1024, 16)).toBe(0);
  });

  it('a sigmoid layer reads the table then casts to its result type', () => {
    const g = graphOf([
      inputSpec('in', [4]),
      { name: 'act', kind: 'Activation', sourceClass: 'Activation', inputs: ['in'], activation: { fn: 'sigmoid' } },
    ]);
    const res = emulateGraph(g, pointWith(g, { act: { result: fixed(8, 1) } }), { count: 1, size: 4, data: Float64Array.of(0, 1, 4, -20) });
    expect(Array.from(res.outputs.act.data)).toEqual([0.5, 93 / 128, 125 / 128, 0]);
  });
});

describe('softmax tables (stable, input ap_fixed<16,6>, default ap_fixed<18,8,AP_RND,AP_SAT> types)', () => {
  const inpNorm = fixed(16, 6, { signed: false });
  it('index = top 10 bits: for ap_ufixed<16,6> a step of 1/16', () => {
    expect(indexFromValue(1, 10, inpNorm)).toBe(16);
    expect(indexFromValue(1.0625 - 2 ** -10, 10, inpNorm)).toBe(16);
    expect(valueFromIndex(16, 10, inpNorm)).toBe(1);
    // A signed address type reads its top bits in two's complement.
    expect(valueFromIndex(512, 10, DEFAULT_SOFTMAX_TYPE)).toBe(-128);
    expect(indexFromValue(-128, 10, DEFAULT_SOFTMAX_TYPE)).toBe(512);
  });

  it('exp table holds exp(−i/16) rounded to 2^-10; inverse table 1/(i/4), saturating at 1/0', () => {
    const exp = softmaxExpTable(1024, inpNorm, DEFAULT_SOFTMAX_TYPE, true).values;
    expect(exp[0]).toBe(1);
    expect(exp[16]).toBe(377 / 1024); // e^-1 · 1024 = 376.71 → 377
    const inv = softmaxInvTable(1024, DEFAULT_SOFTMAX_TYPE, DEFAULT_SOFTMAX_TYPE).values;
    expect(inv[4]).toBe(1);
    expect(inv[8]).toBe(0.5);
    expect(inv[5]).toBe(819 / 1024); // 1/1.25 · 1024 = 819.2 → 819
    expect(inv[0]).toBe(128 - 2 ** -10); // 1/FLT_MIN saturates
    expect(inv[512]).toBe(-1 / 128);
  });

  const softmaxGraph = (implementation?: string) => {
    const g = graphOf([
      inputSpec('in', [2]),
      { name: 'sm', kind: 'Softmax', sourceClass: 'Softmax', inputs: ['in'], activation: { fn: 'softmax' } },
    ]);
    if (!implementation) return g;
    return { ...g, layers: g.layers.map((l) => (l.name === 'sm' ? { ...l, config: { ...l.config, implementation } } : l)) };
  };

  it('stable softmax of [1, 0] and [0, 0], worked by hand', () => {
    const g = softmaxGraph();
    const res = emulateGraph(g, pointWith(g, {}), { count: 2, size: 2, data: Float64Array.of(1, 0, 0, 0) });
    // [1, 0]: e = [1, 377/1024], sum 1.368 → inv_table[5] = 819/1024; y1 = 377·819/2^20 → 301/1024 at ap_fixed<16,6>.
    expect(Array.from(res.outputs.sm.data)).toEqual([819 / 1024, 301 / 1024, 0.5, 0.5]);
  });

  it('latency and argmax implementations', () => {
    const lat = softmaxGraph('latency');
    const r1 = emulateGraph(lat, pointWith(lat, {}), { count: 1, size: 2, data: Float64Array.of(0, 0) });
    expect(Array.from(r1.outputs.sm.data)).toEqual([0.5, 0.5]);
    const arg = softmaxGraph('argmax');
    const r2 = emulateGraph(arg, pointWith(arg, {}), { count: 2, size: 2, data: Float64Array.of(-1, 3, 2, 2) });
    expect(Array.from(r2.outputs.sm.data)).toEqual([0, 1, 1, 0]);
  });
});
