/** Pooling, merges, BatchNorm, activations, shape layers and errors, each on a small hand-worked example. */
import { describe, expect, it } from 'vitest';
import { emulateGraph } from '../../../src/estimators/emulator/emulate-graph.js';
import { fixed, type FixedType } from '../../../src/fixed/precision.js';
import type { LayerSpec } from '../../../src/ir/layer-spec.js';
import { HlsdseError } from '../../../src/util/errors.js';
import { graphOf, inputSpec, pointWith, t32 } from './helpers.js';

const F16_6 = fixed(16, 6);

function run(specs: LayerSpec[], inputs: Record<string, number[]>, precisions: Record<string, Record<string, FixedType>> = {}, keep = false) {
  const g = graphOf(specs);
  const batches = Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => {
      const size = g.layers.find((l) => l.name === k)!.outputShape.reduce((a, b) => a * b, 1);
      return [k, { count: v.length / size, size, data: Float64Array.from(v) }];
    }),
  );
  return emulateGraph(g, pointWith(g, precisions), batches, { keepLayerOutputs: keep });
}

describe('pooling', () => {
  it('average pooling truncates the quotient toward zero at the accum LSB', () => {
    const specs: LayerSpec[] = [
      inputSpec('in', [4, 1]),
      { name: 'p', kind: 'AveragePooling1D', sourceClass: 'AveragePooling1D', inputs: ['in'], attrs: { pool: [2], strides: [2], padding: 'valid' } },
    ];
    // accum ap_fixed<8,4> (4 fractional bits): (−0.0625 + 0)/2 = −0.03125 → 0; (1 + 0.0625)/2 = 0.53125 → 0.5.
    const r = run(specs, { in: [-0.0625, 0, 1, 0.0625] }, { p: { accum: fixed(8, 4), result: F16_6 } });
    expect(Array.from(r.outputs.p.data)).toEqual([0, 0.5]);
  });

  it('max pooling and global average pooling over 2D inputs', () => {
    const specs: LayerSpec[] = [
      inputSpec('in', [2, 2, 2]),
      { name: 'mp', kind: 'MaxPooling2D', sourceClass: 'MaxPooling2D', inputs: ['in'], attrs: { pool: [2, 2], strides: [2, 2], padding: 'valid' } },
      { name: 'gap', kind: 'GlobalAveragePooling2D', sourceClass: 'GlobalAveragePooling2D', inputs: ['in'] },
    ];
    const r = run(specs, { in: [1, -1, 2, -2, 3, -3, -4, 4] }, {}, true);
    expect(Array.from(r.outputs.mp.data)).toEqual([3, 4]);
    expect(Array.from(r.outputs.gap.data)).toEqual([0.5, -0.5]);
  });
});

describe('BigInt and double paths agree', () => {
  it('average pooling, add and BatchNorm give the same bits with a 60-bit and a 50-bit type on the same grid', () => {
    const specs: LayerSpec[] = [
      inputSpec('in', [4, 2]),
      inputSpec('in2', [4, 2]),
      { name: 'p', kind: 'AveragePooling1D', sourceClass: 'AveragePooling1D', inputs: ['in'], attrs: { pool: [2], strides: [2], padding: 'valid' } },
      { name: 'add', kind: 'Add', sourceClass: 'Add', inputs: ['in', 'in2'] },
      { name: 'bn', kind: 'BatchNormalization', sourceClass: 'BatchNormalization', inputs: ['add'], params: { scale: t32([2], [0.375, -1.5]), bias: t32([2], [0.125, 2]) } },
    ];
    const data = { in: [0.3, -1.7, 2.2, 5.1, -3.3, 0.01, 7.7, -0.4], in2: [1, 2, 3, 4, -5, -6, 7, 8.5] };
    const inT = fixed(30, 10, { rounding: 'RND' });
    const at = (w: number) => fixed(w, w - 30);
    const fast = run(specs, data, { in: { result: inT }, in2: { result: inT }, p: { accum: at(50), result: at(50) }, add: { result: at(50) }, bn: { result: at(50) } }, true);
    const slow = run(specs, data, { in: { result: inT }, in2: { result: inT }, p: { accum: at(60), result: at(60) }, add: { result: at(60) }, bn: { result: at(60) } }, true);
    for (const k of ['p', 'add', 'bn']) expect(Array.from(slow.layerOutputs![k].data)).toEqual(Array.from(fast.layerOutputs![k].data));
  });
});

describe('merges and concatenate', () => {
  const two = (kind: LayerSpec['kind']): LayerSpec[] => [
    inputSpec('a', [3]),
    inputSpec('b', [3]),
    { name: 'm', kind, sourceClass: kind, inputs: ['a', 'b'] },
  ];
  it('add, subtract, multiply, maximum, minimum cast the exact result', () => {
    const data = { a: [1.5, -2, 3.25], b: [0.25, 0.5, -1] };
    const rt = { m: { result: fixed(8, 3) } }; // range [−4, 4), 5 fractional bits
    expect(Array.from(run(two('Add'), data, rt).outputs.m.data)).toEqual([1.75, -1.5, 2.25]);
    expect(Array.from(run(two('Subtract'), data, rt).outputs.m.data)).toEqual([1.25, -2.5, -3.75]); // 4.25 wraps
    expect(Array.from(run(two('Multiply'), data, rt).outputs.m.data)).toEqual([0.375, -1, -3.25]);
    expect(Array.from(run(two('Maximum'), data, rt).outputs.m.data)).toEqual([1.5, 0.5, 3.25]);
    expect(Array.from(run(two('Minimum'), data, rt).outputs.m.data)).toEqual([0.25, -2, -1]);
  });

  it('average divides by (res_t) 2 keeping the sum LSB, truncating toward zero', () => {
    // inputs ap_fixed<8,4> (4 fractional bits): (0.0625 + 0)/2 = 0.03125 → 0; (−0.0625 + 0)/2 → −0 = 0.
    const g = run(two('Average'), { a: [0.0625, -0.0625, 3], b: [0, 0, 1.5] }, { a: { result: fixed(8, 4) }, b: { result: fixed(8, 4) }, m: { result: F16_6 } });
    expect(Array.from(g.outputs.m.data)).toEqual([0, 0, 2.25]);
  });

  it('concatenate along the last axis', () => {
    const specs: LayerSpec[] = [
      inputSpec('a', [2, 1]),
      inputSpec('b', [2, 2]),
      { name: 'c', kind: 'Concatenate', sourceClass: 'Concatenate', inputs: ['a', 'b'], attrs: { axis: -1 } },
    ];
    const r = run(specs, { a: [1, 2], b: [3, 4, 5, 6] });
    expect(Array.from(r.outputs.c.data)).toEqual([1, 3, 4, 2, 5, 6]);
  });
});

describe('BatchNormalization and activations', () => {
  it('BatchNorm computes x·scale + bias exactly, then one cast', () => {
    const specs: LayerSpec[] = [
      inputSpec('in', [2]),
      { name: 'bn', kind: 'BatchNormalization', sourceClass: 'BatchNormalization', inputs: ['in'], params: { scale: t32([2], [0.5, 3]), bias: t32([2], [0.25, -1]) } },
    ];
    const r = run(specs, { in: [1.5, 2] }, { bn: { scale: F16_6, bias: F16_6, result: fixed(6, 3) } });
    expect(Array.from(r.outputs.bn.data)).toEqual([1, -3]); // 5 wraps in ap_fixed<6,3> ([−4, 4))
  });

  it('relu6, leaky ReLU (alpha in the model default type), hard sigmoid, elu, binary tanh', () => {
    const act = (fn: string, extra: Record<string, number> = {}): LayerSpec[] => [
      inputSpec('in', [4]),
      { name: 'a', kind: 'Activation', sourceClass: 'Activation', inputs: ['in'], activation: { fn: fn as never, ...extra } },
    ];
    const x = { in: [-2, -0.5, 3, 7] };
    expect(Array.from(run(act('relu6'), x).outputs.a.data)).toEqual([0, 0, 3, 6]);
    // alpha 0.3 in ap_fixed<16,6> = 307/1024; −2·307/1024 = −0.599609375 (exact at 10 fractional bits).
    expect(Array.from(run(act('leaky_relu', { alpha: 0.3 }), x).outputs.a.data)).toEqual([-614 / 1024, -154 / 1024, 3, 7]);
    // slope 0.2 in ap_ufixed<16,0> = 13107/65536, shift 0.5: 0.2·(−0.5) + 0.5 = 0.40000915… → 409/1024.
    expect(Array.from(run(act('hard_sigmoid'), x).outputs.a.data)).toEqual([102 / 1024, 409 / 1024, 1, 1]);
    expect(Array.from(run(act('binary_tanh'), x).outputs.a.data)).toEqual([-1, -1, 1, 1]);
    const elu = Array.from(run(act('elu'), x).outputs.a.data);
    expect(elu[2]).toBe(3);
    expect(elu[0]).toBeCloseTo(Math.expm1(-2), 2);
  });
});

describe('shape layers', () => {
  it('zero padding, upsampling and transpose move values; flatten keeps the input type in io_parallel', () => {
    const specs: LayerSpec[] = [
      inputSpec('in', [2, 1]),
      { name: 'zp', kind: 'ZeroPadding1D', sourceClass: 'ZeroPadding1D', inputs: ['in'], attrs: { pads: [0, 0, 1, 2] } },
      { name: 'up', kind: 'UpSampling1D', sourceClass: 'UpSampling1D', inputs: ['in'], attrs: { size: [2] } },
      { name: 'tr', kind: 'Transpose', sourceClass: 'Permute', inputs: ['in'], attrs: { perm: [1, 0] } },
      { name: 'fl', kind: 'Flatten', sourceClass: 'Flatten', inputs: ['in'] },
    ];
    const r = run(specs, { in: [1.5, -2.25] }, { fl: { result: fixed(4, 2) } }, true);
    expect(Array.from(r.outputs.zp.data)).toEqual([0, 1.5, -2.25, 0, 0]);
    expect(Array.from(r.outputs.up.data)).toEqual([1.5, 1.5, -2.25, -2.25]);
    expect(Array.from(r.outputs.tr.data)).toEqual([1.5, -2.25]);
    expect(Array.from(r.outputs.fl.data)).toEqual([1.5, -2.25]);
  });
});

describe('errors', () => {
  const dense: LayerSpec[] = [
    inputSpec('in', [2]),
    { name: 'd', kind: 'Dense', sourceClass: 'Dense', inputs: ['in'], attrs: { units: 1 }, params: { weight: t32([2, 1], [1, 1]), bias: t32([1], [0]) } },
  ];
  const expectCode = (f: () => unknown, code: string, text: RegExp) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(HlsdseError);
      expect((e as HlsdseError).code).toBe(code);
      expect((e as Error).message).toMatch(text);
      return;
    }
    throw new Error('expected an error');
  };

  it('a width of 0 or a non-fixed type is bad-precision naming the layer', () => {
    const zero = { ...fixed(8, 3), width: 0 } as FixedType;
    expectCode(() => run(dense, { in: [1, 2] }, { d: { accum: zero } }), 'bad-precision', /layer 'd'.*'accum'.*width 0/);
    const float = { kind: 'float', width: 32 } as unknown as FixedType;
    expectCode(() => run(dense, { in: [1, 2] }, { d: { weight: float } }), 'bad-precision', /layer 'd'.*'weight'.*not a fixed-point type/);
  });

  it('recurrent layers are not emulated', () => {
    const specs: LayerSpec[] = [
      inputSpec('in', [3, 2]),
      {
        name: 'rnn',
        kind: 'SimpleRNN',
        sourceClass: 'SimpleRNN',
        inputs: ['in'],
        attrs: { units: 2 },
        params: { weight: t32([2, 2], [1, 0, 0, 1]), recurrent_weight: t32([2, 2], [1, 0, 0, 1]), bias: t32([2], [0, 0]) },
      },
    ];
    expectCode(() => run(specs, { in: [1, 2, 3, 4, 5, 6] }), 'unsupported-layer', /'rnn'.*SimpleRNN is not emulated/);
  });
});
