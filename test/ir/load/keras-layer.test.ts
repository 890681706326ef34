/** Keras/QKeras layer classes without a real file among the examples, translated from their configs. */
import { describe, expect, it } from 'vitest';
import { formatPrecision } from '../../../src/fixed/precision.js';
import { buildGraph } from '../../../src/ir/build-graph.js';
import type { LayerSpec } from '../../../src/ir/layer-spec.js';
import { convertKerasLayer } from '../../../src/ir/load/keras-layer.js';
import { tensor, type Tensor } from '../../../src/ir/tensor.js';

const w = (entries: Record<string, [number[], number]>): Map<string, Tensor> =>
  new Map(Object.entries(entries).map(([k, [shape, v]]) => [k, tensor(shape, new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(v))]));
const q = (bits: number, integer: number) => ({ class_name: 'quantized_bits', config: { bits, integer, alpha: 1 } });

describe('convertKerasLayer', () => {
  it('QConv2D with quantizers and a split activation', () => {
    const r = convertKerasLayer('QConv2D', 'c1', { filters: 4, kernel_size: [3, 3], strides: [1, 1], padding: 'same', activation: 'quantized_relu(4,2)', kernel_quantizer: q(8, 1), bias_quantizer: q(8, 3) }, ['in'], w({ kernel: [[3, 3, 2, 4], 0.3], bias: [[4], 0.1] }));
    expect(r.specs.map((s) => [s.name, s.kind])).toEqual([['c1', 'Conv2D'], ['c1_relu', 'Activation']]);
    expect(formatPrecision(r.specs[0].quantizers?.weight ?? { kind: 'auto' })).toBe('ap_fixed<8,2,AP_RND_CONV,AP_SAT>');
    expect(formatPrecision(r.specs[1].quantizers?.result ?? { kind: 'auto' })).toBe('ap_ufixed<4,2,AP_RND_CONV,AP_SAT>');
    expect(r.specs[0].params?.weight.data[0]).toBe(0.296875); // 0.3 quantised to 2^-6 steps
  });

  it('QDepthwiseConv2D and QSeparableConv2D', () => {
    const dw = convertKerasLayer('QDepthwiseConv2D', 'dw', { kernel_size: [3, 3], depth_multiplier: 2, padding: 'valid', depthwise_quantizer: q(6, 0) }, ['in'], w({ depthwise_kernel: [[3, 3, 2, 2], 0.25] }));
    expect(dw.specs[0]).toMatchObject({ kind: 'DepthwiseConv2D', attrs: { depthMultiplier: 2 } });
    const sep = convertKerasLayer('QSeparableConv2D', 'sep', { filters: 8, kernel_size: 3, padding: 'same', depthwise_quantizer: q(6, 0), pointwise_quantizer: q(4, 0) }, ['in'], w({ depthwise_kernel: [[3, 3, 2, 1], 0.5], pointwise_kernel: [[1, 1, 2, 8], 0.5], bias: [[8], 0] }));
    expect(Object.keys(sep.specs[0].params ?? {})).toEqual(['depthwise', 'pointwise', 'bias']);
    const g = buildGraph({ name: 't', specs: [{ name: 'in', kind: 'Input', sourceClass: 'InputLayer', inputs: [], attrs: { shape: [6, 6, 2] } }, ...sep.specs] }, { format: 'keras-json', file: 't', sourceFiles: [] });
    expect(g.layers[1].outputShape).toEqual([6, 6, 8]);
    expect(g.layers[1].facts).toMatchObject({ nIn: 2, nOut: 8, macs: 36 * (9 * 2 + 2 * 8) });
  });

  it('LSTM and GRU with reset_after biases', () => {
    const lstm = convertKerasLayer('LSTM', 'l', { units: 4, return_sequences: true }, ['in'], w({ kernel: [[3, 16], 0.1], recurrent_kernel: [[4, 16], 0.1], bias: [[16], 0] }));
    expect(lstm.specs[0]).toMatchObject({ kind: 'LSTM', attrs: { units: 4, returnSequences: true }, activation: { fn: 'tanh' }, recurrentActivation: { fn: 'sigmoid' } });
    const gru = convertKerasLayer('GRU', 'g', { units: 4, reset_after: true }, ['in'], w({ kernel: [[3, 12], 0.1], recurrent_kernel: [[4, 12], 0.1], bias: [[2, 12], 0.5] }));
    expect(gru.specs[0].params?.bias.shape).toEqual([12]);
    expect(gru.specs[0].params?.recurrent_bias.shape).toEqual([12]);
  });

  it('padding, upsampling, permute, merges and QKeras ternary/binary', () => {
    expect(convertKerasLayer('ZeroPadding2D', 'z', { padding: [[1, 2], [3, 4]] }, ['in'], new Map()).specs[0].attrs).toEqual({ pads: [1, 2, 3, 4] });
    expect(convertKerasLayer('UpSampling1D', 'u', { size: 2 }, ['in'], new Map()).specs[0].attrs).toEqual({ size: [2] });
    expect(convertKerasLayer('Permute', 'p', { dims: [2, 1] }, ['in'], new Map()).specs[0].attrs).toEqual({ perm: [1, 0] });
    expect(convertKerasLayer('Average', 'a', {}, ['x', 'y'], new Map()).specs[0].kind).toBe('Average');
    const t = convertKerasLayer('QActivation', 't', { activation: 'ternary' }, ['in'], new Map());
    expect(t.specs[0]).toMatchObject({ kind: 'Activation', activation: { fn: 'ternary_tanh' } });
    expect(formatPrecision(t.specs[0].quantizers?.result ?? { kind: 'auto' })).toBe('ap_int<2>');
  });

  it('refuses what it cannot model, naming the layer and class', () => {
    expect(() => convertKerasLayer('GarNet', 'g', {}, ['in'], new Map())).toThrow("layer 'g' (GarNet) is not supported by hlsdse");
    expect(() => convertKerasLayer('Conv2D', 'c', { filters: 1, kernel_size: 3, padding: 'causal' }, ['in'], w({ kernel: [[3, 3, 1, 1], 0] }))).toThrow("padding 'causal'");
    expect(() => convertKerasLayer('QDense', 'd', { units: 2, kernel_quantizer: { class_name: 'quantized_mystery', config: {} } }, ['in'], w({ kernel: [[2, 2], 0] }))).toThrow("QKeras quantizer 'quantized_mystery' is not supported");
  });
});
