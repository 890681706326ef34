import { describe, expect, it } from 'vitest';
import { formatPrecision } from '../../../src/fixed/precision.js';
import { graphTotals, type Graph } from '../../../src/ir/graph.js';
import { loadGraph } from '../../../src/ir/load/load-graph.js';
import type { Layer } from '../../../src/ir/layer.js';
import { exampleModel } from '../../helpers/shared.js';

const layer = (g: Graph, name: string): Layer => {
  const l = g.layers.find((x) => x.name === name);
  if (!l) throw new Error(`no layer ${name}`);
  return l;
};
const types = (l: Layer) => Object.fromEntries(Object.entries(l.precisions).map(([k, v]) => [k, formatPrecision(v.precision)]));

describe('Keras JSON + HDF5 weights (hls4ml KerasJson/KerasH5)', () => {
  it('reads KERAS_3layer: 16→64→32→32→5, 4389 parameters, activations split out as hls4ml does', async () => {
    const g = await loadGraph(exampleModel('keras/KERAS_3layer.json'));
    expect(g.format).toBe('keras-json');
    expect(g.name).toBe('KERAS_3layer');
    expect(g.layers.map((l) => `${l.name}:${l.kind}:${l.outputShape.join('x')}`)).toEqual([
      'input_1:Input:16',
      'fc1_relu:Dense:64',
      'fc1_relu_relu:Activation:64',
      'fc2_relu:Dense:32',
      'fc2_relu_relu:Activation:32',
      'fc3_relu:Dense:32',
      'fc3_relu_relu:Activation:32',
      'output_softmax:Dense:5',
      'output_softmax_softmax:Softmax:5',
    ]);
    expect(graphTotals(g)).toMatchObject({ params: 4389, macs: 16 * 64 + 64 * 32 + 32 * 32 + 32 * 5 });
    const fc1 = layer(g, 'fc1_relu');
    expect(fc1.facts).toMatchObject({ nIn: 16, nOut: 64, params: 1088, weights: 1024 });
    expect(fc1.params.weight.shape).toEqual([16, 64]);
    // Spot checks against the HDF5 datasets fc1_relu/fc1_relu/kernel:0 and bias:0.
    expect(fc1.params.weight.data[0]).toBeCloseTo(0.2731347382068634, 7);
    expect(fc1.params.weight.data[1]).toBeCloseTo(-0.12113316357135773, 7);
    expect(fc1.params.bias.data[0]).toBeCloseTo(-0.6503423452377319, 7);
    expect(layer(g, 'output_softmax').params.weight.data[2]).toBeCloseTo(1.3301900625228882, 6);
    expect(g.outputs).toEqual(['output_softmax_softmax']);
    expect(types(fc1)).toEqual({ result: 'ap_fixed<16,6>', weight: 'ap_fixed<16,6>', bias: 'ap_fixed<16,6>', accum: 'ap_fixed<16,6>' });
    expect(types(layer(g, 'output_softmax_softmax')).exp_table).toBe('ap_fixed<18,8,AP_RND,AP_SAT>');
  });

  it('folds BatchNormalization into scale and bias and counts gamma/beta/mean/variance', async () => {
    const g = await loadGraph(exampleModel('keras/KERAS_3layer_batch_norm.json'));
    const bn1 = layer(g, 'bn1');
    expect(bn1.kind).toBe('BatchNormalization');
    expect(bn1.facts.params).toBe(4 * 64);
    expect(bn1.params.scale.shape).toEqual([64]);
    expect(graphTotals(g).params).toBe(4389 + 4 * (64 + 32 + 32 + 5));
    expect(Array.from(bn1.params.scale.data).every((v) => Number.isFinite(v) && v !== 0)).toBe(true);
  });

  it('reads Conv1D geometry and the Flatten that follows', async () => {
    const g = await loadGraph(exampleModel('keras/KERAS_conv1d_small.json'));
    expect(g.layers.filter((l) => l.kind !== 'Activation').map((l) => `${l.kind}:${l.outputShape.join('x')}`)).toEqual([
      'Input:10x4',
      'Conv1D:10x3',
      'Conv1D:10x2',
      'Conv1D:10x1',
      'Flatten:10',
      'Dense:5',
      'Dense:5',
      'Softmax:5',
    ]);
    const c1 = layer(g, 'conv1_relu');
    expect(c1.window).toMatchObject({ inWidth: 10, nChan: 4, filtWidth: 4, nFilt: 3, outWidth: 10, padding: 'same' });
    expect(c1.facts).toMatchObject({ nIn: 16, nOut: 3, macs: 10 * 16 * 3, params: 51 });
    expect(graphTotals(g).params).toBe(51 + 26 + 9 + 55 + 30);
  });
});

describe('QKeras', () => {
  it('turns quantizers into hls4ml precisions and quantises the stored weights', async () => {
    const g = await loadGraph(exampleModel('keras/qkeras_3layer.json'));
    const fc1 = layer(g, 'fc1');
    expect(fc1.sourceClass).toBe('QDense');
    expect(types(fc1).weight).toBe('ap_fixed<6,1,AP_RND_CONV,AP_SAT>');
    expect(fc1.precisions.weight.source).toBe('quantizer');
    expect(types(layer(g, 'relu1'))).toEqual({ result: 'ap_ufixed<6,0,AP_RND_CONV,AP_SAT>' });
    // quantized_bits(6,0): multiples of 2^-5 in [-1, 1 - 2^-5]
    for (const v of fc1.params.weight.data) {
      expect(Number.isInteger(v * 32)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(-1);
      expect(v).toBeLessThanOrEqual(1 - 1 / 32);
    }
    expect(fc1.facts.zeroWeights).toBeGreaterThan(0);
    expect(graphTotals(g).params).toBe(4389);
  });

  it('reads the same network from a Keras 3 .keras archive', async () => {
    const v3 = await loadGraph(exampleModel('keras/qkeras-v3_3layer.keras'));
    const v2 = await loadGraph(exampleModel('keras/qkeras_3layer.json'));
    expect(v3.format).toBe('keras-v3');
    expect(v3.layers.map((l) => [l.name, l.kind, l.outputShape])).toEqual(v2.layers.map((l) => [l.name, l.kind, l.outputShape]));
    expect(types(layer(v3, 'fc2'))).toEqual(types(layer(v2, 'fc2')));
    expect(graphTotals(v3).params).toBe(4389);
  });
});

describe('HGQ proxy model', () => {
  it('keeps embedded per-layer types, heterogeneous quantizers and per-weight widths', async () => {
    const g = await loadGraph(exampleModel('keras/hgq_jet_classifier.h5'));
    expect(g.format).toBe('keras-h5');
    expect(types(layer(g, 'input_1')).result).toBe('ap_fixed<12,5>');
    const d1 = layer(g, 'dense_1');
    expect(types(d1)).toMatchObject({ weight: 'ap_fixed<10,5>', accum: 'ap_fixed<21,9>', result: 'ap_fixed<12,9>', bias: 'ap_fixed<21,9>' });
    // dense_1_quantizer has one (k,b,i) for the whole tensor: fused into dense_1's result, not a layer.
    expect(g.layers.some((l) => l.name === 'dense_1_quantizer')).toBe(false);
    const q = layer(g, 'dense_1_relu_quantizer');
    expect(q.kind).toBe('Quantizer');
    expect(q.hgq?.elementBits?.length).toBe(64);
    expect(Array.from(q.hgq?.elementBits ?? []).slice(0, 3)).toEqual([0, 0, 10]);
    expect(layer(g, 'dense_1_relu').config.tableSize).toBe(4096);
    const bits = d1.hgq?.weightBits;
    expect(bits?.length).toBe(16 * 64);
    expect(Array.from(bits ?? []).filter((b) => b === 0).length).toBe(d1.facts.zeroWeights);
    expect(Math.max(...(bits ?? []))).toBeLessThanOrEqual(10);
  });
});

describe('hls4ml YAML configuration', () => {
  it('loads the model it names relative to itself and applies part, clock and precision', async () => {
    const g = await loadGraph(exampleModel('keras-config.yml'));
    expect(g.name).toBe('KERAS_3layer');
    expect(g.config).toMatchObject({ part: 'xcku115-flvb2104-2-i', clockPeriodNs: 5, ioType: 'io_parallel', backend: 'Vivado' });
    expect(g.sourceFiles[0]).toBe(exampleModel('keras-config.yml'));
    expect(layer(g, 'fc1_relu').config.reuseFactor).toBe(1);
  });

  it('applies a per-layer config on a QKeras model with hls4ml precedence', async () => {
    const g = await loadGraph(exampleModel('config-files/qkeras_3layer_config.yml'));
    expect(g.config.part).toBe('xcvu9p-flga2577-2-e');
    // weight quantizers are final; the LayerName result of a QActivation wins over its quantizer
    expect(types(layer(g, 'fc1')).weight).toBe('ap_fixed<6,1,AP_RND_CONV,AP_SAT>');
    expect(layer(g, 'relu1').precisions.result).toEqual({ precision: expect.objectContaining({ width: 7, integer: 1 }), source: 'LayerName' });
    const sm = layer(g, 'softmax');
    expect(types(sm)).toMatchObject({ result: 'ap_fixed<16,6>', exp_table: 'ap_fixed<18,8>', inv_table: 'ap_fixed<18,4>' });
    expect(sm.config.tableSize).toBe(1024);
    expect(layer(g, 'fc1').config.extra).toMatchObject({ trace: true });
  });
});
