/** Multi-layer cases: exact mantissas carried between wide layers, and SeparableConv as hls4ml's split. */
import { describe, expect, it } from 'vitest';
import { emulateGraph } from '../../../src/estimators/emulator/emulate-graph.js';
import { ratFromNumber } from '../../../src/fixed/bigint-ref.js';
import { fixed } from '../../../src/fixed/precision.js';
import type { LayerSpec } from '../../../src/ir/layer-spec.js';
import { castRat, graphOf, inputSpec, pointWith, ratToNumber, refMac, rng, t32 } from './helpers.js';

describe('wide types across layers', () => {
  it('a 60-bit result feeds the next Dense exactly (BigInt path end to end)', () => {
    const r = rng(99);
    const w1 = Array.from({ length: 12 }, () => Math.fround((r() - 0.5) * 3));
    const w2 = Array.from({ length: 6 }, () => Math.fround((r() - 0.5) * 3));
    const specs: LayerSpec[] = [
      inputSpec('in', [4]),
      { name: 'd1', kind: 'Dense', sourceClass: 'Dense', inputs: ['in'], attrs: { units: 3 }, params: { weight: t32([4, 3], w1), bias: t32([3], [0.1, -0.2, 0.3]) } },
      { name: 'd2', kind: 'Dense', sourceClass: 'Dense', inputs: ['d1'], attrs: { units: 2 }, params: { weight: t32([3, 2], w2), bias: t32([2], [0.05, 0]) } },
    ];
    const g = graphOf(specs);
    const wide = fixed(60, 12, { rounding: 'RND' });
    const types1 = { weight: fixed(24, 2), bias: fixed(24, 2), accum: fixed(64, 14), result: wide };
    const types2 = { weight: fixed(30, 2), bias: fixed(30, 2), accum: fixed(70, 16), result: fixed(66, 14) };
    const inT = fixed(40, 8);
    const x = Array.from({ length: 8 }, () => (r() - 0.5) * 10);
    const res = emulateGraph(g, pointWith(g, { in: { result: inT }, d1: types1, d2: types2 }), { count: 2, size: 4, data: Float64Array.from(x) });
    const ovf = { n: 0 };
    const expected: number[] = [];
    for (let s = 0; s < 2; s++) {
      const xq = x.slice(s * 4, s * 4 + 4).map((v) => castRat(ratFromNumber(v), inT));
      const h = [0, 1, 2].map((j) => refMac(xq, (i) => w1[i * 3 + j], Math.fround([0.1, -0.2, 0.3][j]), types1, ovf));
      for (let j = 0; j < 2; j++) expected.push(ratToNumber(refMac(h, (i) => w2[i * 2 + j], Math.fround([0.05, 0][j]), types2, ovf)));
    }
    expect(Array.from(res.outputs.d2.data)).toEqual(expected);
  });
});

describe('SeparableConv', () => {
  it('equals DepthwiseConv (no bias) followed by a 1×1 Conv with the bias', () => {
    const r = rng(5);
    const dw = Array.from({ length: 3 * 3 * 2 }, () => (r() - 0.5) * 2);
    const pw = Array.from({ length: 2 * 3 }, () => (r() - 0.5) * 2);
    const bias = [0.25, -0.5, 0.125];
    const conv = { kernel: [3, 3], strides: [1, 1], padding: 'same' };
    const sep = graphOf([
      inputSpec('in', [4, 4, 2]),
      { name: 's', kind: 'SeparableConv2D', sourceClass: 'SeparableConv2D', inputs: ['in'], attrs: { ...conv, filters: 3, depthMultiplier: 1 }, params: { depthwise: t32([3, 3, 2, 1], dw), pointwise: t32([1, 1, 2, 3], pw), bias: t32([3], bias) } },
    ]);
    const split = graphOf([
      inputSpec('in', [4, 4, 2]),
      { name: 'd', kind: 'DepthwiseConv2D', sourceClass: 'DepthwiseConv2D', inputs: ['in'], attrs: { ...conv, depthMultiplier: 1 }, params: { weight: t32([3, 3, 2, 1], dw), bias: t32([2], [0, 0]) } },
      { name: 'p', kind: 'Conv2D', sourceClass: 'Conv2D', inputs: ['d'], attrs: { kernel: [1, 1], filters: 3, padding: 'valid' }, params: { weight: t32([1, 1, 2, 3], pw), bias: t32([3], bias) } },
    ]);
    const acc = fixed(12, 4);
    const mid = fixed(10, 3, { rounding: 'RND', overflow: 'SAT' });
    const data = Float64Array.from({ length: 32 * 3 }, () => (r() - 0.5) * 8);
    const a = emulateGraph(sep, pointWith(sep, { s: { depthwise: fixed(8, 1), pointwise: fixed(8, 1), bias: fixed(8, 1), accum: acc, depthwise_result: mid, result: fixed(16, 6) } }), { count: 3, size: 32, data });
    const b = emulateGraph(split, pointWith(split, { d: { weight: fixed(8, 1), bias: fixed(8, 1), accum: acc, result: mid }, p: { weight: fixed(8, 1), bias: fixed(8, 1), accum: acc, result: fixed(16, 6) } }), { count: 3, size: 32, data });
    expect(Array.from(a.outputs.s.data)).toEqual(Array.from(b.outputs.p.data));
  });
});
