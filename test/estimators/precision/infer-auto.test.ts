/** `auto` precision inference against hls4ml's `infer_precision_types` formulas, worked by hand. */
import { describe, expect, it } from 'vitest';
import { emulateGraph } from '../../../src/estimators/emulator/emulate-graph.js';
import { capToMaximum, concatType, constantType, macType, mergeType, poolAccumType } from '../../../src/estimators/precision/auto-rules.js';
import { hasAutoPrecision, resolveAutoPrecisions } from '../../../src/estimators/precision/infer-auto.js';
import { AUTO, fixed, formatPrecision, type Precision } from '../../../src/fixed/precision.js';
import type { Graph } from '../../../src/ir/graph.js';
import type { LayerSpec } from '../../../src/ir/layer-spec.js';
import { graphOf, inputSpec, pointWith, t32 } from '../emulator/helpers.js';

const fmt = (p: Precision | undefined) => (p ? formatPrecision(p) : 'undefined');

function denseGraph(): Graph {
  const specs: LayerSpec[] = [
    inputSpec('in', [16]),
    {
      name: 'd',
      kind: 'Dense',
      sourceClass: 'Dense',
      inputs: ['in'],
      attrs: { units: 4 },
      params: { weight: t32([16, 4], Array.from({ length: 64 }, (_, i) => ((i % 7) - 3) / 4)), bias: t32([4], [0.5, -0.5, 1, 0]) },
    },
  ];
  return graphOf(specs);
}

describe('Dense', () => {
  it('16 inputs of ap_fixed<16,6>, weight ap_fixed<8,3>, bias ap_fixed<8,3> → ap_fixed<29,14> for accum and result', () => {
    // W = 8 + 16 + ceil(log2 16) = 28, I = 3 + 6 + 4 = 13, F = 15; bias: I = max(13, 3) + 1 = 14, W = 14 + max(15, 5) = 29.
    expect(fmt(macType(fixed(16, 6), fixed(8, 3), fixed(8, 3), 16))).toBe('ap_fixed<29,14>');
    const g = denseGraph();
    const point = pointWith(g, { in: { result: fixed(16, 6) }, d: { weight: fixed(8, 3), bias: fixed(8, 3), accum: AUTO, result: AUTO } });
    expect(hasAutoPrecision(point)).toBe(true);
    const r = resolveAutoPrecisions(g, point);
    expect(hasAutoPrecision(r)).toBe(false);
    expect(fmt(r.layers.d.precisions.accum)).toBe('ap_fixed<29,14>');
    expect(fmt(r.layers.d.precisions.result)).toBe('ap_fixed<29,14>');
  });

  it('auto weight/bias take the model default without a quantizer; an unsigned input and signed bias add a bit', () => {
    const g = denseGraph();
    const r = resolveAutoPrecisions(g, pointWith(g, { in: { result: fixed(8, 4, { signed: false }) }, d: { weight: AUTO, bias: AUTO, accum: AUTO, result: AUTO } }));
    expect(fmt(r.layers.d.precisions.weight)).toBe('ap_fixed<16,6>');
    // W = 16 + 8 + 4 = 28, I = 6 + 4 + 4 = 14, signed; bias <16,6>: I = max(14, 6) + 1 = 15, W = 15 + max(14, 10) = 29.
    expect(fmt(r.layers.d.precisions.accum)).toBe('ap_fixed<29,15>');
  });

  it('Model.Precision.maximum caps width and integer bits separately and imposes its modes', () => {
    const max = fixed(24, 10, { rounding: 'RND', overflow: 'SAT' });
    expect(fmt(capToMaximum(fixed(29, 14), max))).toBe('ap_fixed<24,10,AP_RND,AP_SAT>');
    expect(fmt(capToMaximum(fixed(20, 12, { signed: false }), fixed(32, 16)))).toBe('ap_fixed<20,12>');
    const g = denseGraph();
    const capped = { ...g, config: { ...g.config, maximumPrecision: max } };
    const r = resolveAutoPrecisions(capped, pointWith(g, { d: { weight: fixed(8, 3), bias: fixed(8, 3), accum: AUTO, result: AUTO } }));
    expect(fmt(r.layers.d.precisions.result)).toBe('ap_fixed<24,10,AP_RND,AP_SAT>');
  });

  it('the emulator resolves auto first and runs in the inferred types without accumulator overflow', () => {
    const g = denseGraph();
    const point = pointWith(g, { d: { weight: fixed(8, 3), bias: fixed(8, 3), accum: AUTO, result: AUTO } });
    const data = Float64Array.from({ length: 16 * 10 }, (_, i) => ((i * 37) % 64) - 32 + 0.5);
    const res = emulateGraph(g, point, { count: 10, size: 16, data });
    expect(res.overflows.find((o) => o.variable === 'accum')!.count).toBe(0);
    expect(res.overflows.find((o) => o.layer === 'd' && o.variable === 'result')!.count).toBe(0);
  });
});

describe('pooling, merges, concatenate, shape layers, parameters', () => {
  it('average pooling 2×2 on ap_fixed<16,6>: accum ap_fixed<20,8>, result the input type; max pooling keeps the input', () => {
    expect(fmt(poolAccumType(fixed(16, 6), 'average', 4))).toBe('ap_fixed<20,8>');
    expect(fmt(poolAccumType(fixed(16, 6), 'max', 4))).toBe('ap_fixed<16,6>');
    const g = graphOf([
      inputSpec('in', [4, 4, 2]),
      { name: 'p', kind: 'AveragePooling2D', sourceClass: 'AveragePooling2D', inputs: ['in'], attrs: { pool: [2, 2], strides: [2, 2], padding: 'valid' } },
      { name: 'f', kind: 'Flatten', sourceClass: 'Flatten', inputs: ['p'] },
    ]);
    const r = resolveAutoPrecisions(g, pointWith(g, { in: { result: fixed(12, 4) }, p: { accum: AUTO, result: AUTO }, f: { result: AUTO } }));
    expect(fmt(r.layers.p.precisions.accum)).toBe('ap_fixed<16,6>');
    expect(fmt(r.layers.p.precisions.result)).toBe('ap_fixed<12,4>');
    expect(fmt(r.layers.f.precisions.result)).toBe('ap_fixed<12,4>');
  });

  it('add of ap_fixed<16,6> and ap_ufixed<8,3> → ap_fixed<17,7>; multiply adds widths; maximum takes the superset', () => {
    const a = fixed(16, 6);
    const b = fixed(8, 3, { signed: false });
    // I = max(6, 3 + 1) + 1 = 7, F = max(10, 5) = 10.
    expect(fmt(mergeType('add', a, b))).toBe('ap_fixed<17,7>');
    expect(fmt(mergeType('subtract', fixed(8, 3, { signed: false }), fixed(8, 3, { signed: false })))).toBe('ap_fixed<9,4>');
    expect(fmt(mergeType('multiply', a, b))).toBe('ap_fixed<24,9>');
    expect(fmt(mergeType('maximum', a, b))).toBe('ap_fixed<16,6>');
    expect(fmt(concatType(fixed(8, 2, { rounding: 'RND' }), fixed(10, 5)))).toBe('ap_fixed<11,5,AP_RND>');
    const g = graphOf([
      inputSpec('x', [3]),
      inputSpec('y', [3]),
      { name: 'add', kind: 'Add', sourceClass: 'Add', inputs: ['x', 'y'] },
    ]);
    const r = resolveAutoPrecisions(g, pointWith(g, { x: { result: a }, y: { result: b }, add: { result: AUTO } }));
    expect(fmt(r.layers.add.precisions.result)).toBe('ap_fixed<17,7>');
  });

  it('activations take the default; leaky ReLU alpha gets a constant type; thresholded ReLU theta the input type', () => {
    expect(fmt(constantType(0.3))).toBe('ap_ufixed<8,-1>');
    expect(fmt(constantType(0.5))).toBe('ap_ufixed<1,0>');
    expect(fmt(constantType(-2))).toBe('ap_fixed<1,2>'); // hls4ml: width k + i + f = 1 + 1 − 1
    const g = graphOf([
      inputSpec('in', [4]),
      { name: 'lr', kind: 'Activation', sourceClass: 'LeakyReLU', inputs: ['in'], activation: { fn: 'leaky_relu', alpha: 0.3 } },
      { name: 'sm', kind: 'Softmax', sourceClass: 'Softmax', inputs: ['lr'], activation: { fn: 'softmax' } },
    ]);
    const r = resolveAutoPrecisions(g, pointWith(g, { lr: { result: AUTO, param: AUTO }, sm: { result: AUTO, exp_table: AUTO } }));
    expect(fmt(r.layers.lr.precisions.result)).toBe('ap_fixed<16,6>');
    expect(fmt(r.layers.lr.precisions.param)).toBe('ap_ufixed<8,-1>');
    expect(fmt(r.layers.sm.precisions.exp_table)).toBe('ap_fixed<16,6>');
  });

  it('conv n_ops = n_chan · filt_h · filt_w; depthwise n_ops = filt_h · filt_w', () => {
    const g = graphOf([
      inputSpec('in', [6, 6, 3]),
      { name: 'c', kind: 'Conv2D', sourceClass: 'Conv2D', inputs: ['in'], attrs: { kernel: [3, 3], filters: 2, padding: 'valid' }, params: { weight: t32([3, 3, 3, 2], Array(54).fill(0.5)), bias: t32([2], [0, 0]) } },
      { name: 'dw', kind: 'DepthwiseConv2D', sourceClass: 'DepthwiseConv2D', inputs: ['c'], attrs: { kernel: [2, 2], depthMultiplier: 1, padding: 'valid' }, params: { weight: t32([2, 2, 2, 1], Array(8).fill(0.25)), bias: t32([2], [0, 0]) } },
    ]);
    const t = fixed(8, 3);
    const r = resolveAutoPrecisions(g, pointWith(g, { in: { result: t }, c: { weight: t, bias: t, accum: AUTO, result: AUTO }, dw: { weight: t, bias: t, accum: AUTO, result: AUTO } }));
    // conv: n_ops 27 → ceil(log2) 5: W = 8 + 8 + 5 = 21, I = 3 + 3 + 5 = 11; bias: I = 12, W = 12 + max(10, 5) = 22.
    expect(fmt(r.layers.c.precisions.result)).toBe('ap_fixed<22,12>');
    // depthwise on <22,12>: n_ops 4 → 2: W = 8 + 22 + 2 = 32, I = 3 + 12 + 2 = 17; bias: I = 18, W = 18 + 15 = 33.
    expect(fmt(r.layers.dw.precisions.accum)).toBe('ap_fixed<33,18>');
  });
});
