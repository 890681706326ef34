import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/ir/build-graph.js';
import type { LayerSpec } from '../../src/ir/layer-spec.js';
import { tensor } from '../../src/ir/tensor.js';
import { resolveWindow } from '../../src/ir/window.js';

const input = (shape: number[]): LayerSpec => ({ name: 'in', kind: 'Input', sourceClass: 'InputLayer', inputs: [], attrs: { shape } });
const build = (specs: LayerSpec[]) => buildGraph({ name: 't', specs }, { format: 'keras-json', file: 't.json', sourceFiles: [] });

describe('window geometry', () => {
  it('pads SAME like TensorFlow (the odd pixel at the end)', () => {
    const w = resolveWindow({ inHeight: 7, inWidth: 9, nChan: 3, filtHeight: 3, filtWidth: 4, strideHeight: 2, strideWidth: 2, dilationHeight: 1, dilationWidth: 1, nFilt: 5, padding: 'same' });
    expect(w).toMatchObject({ outHeight: 4, outWidth: 5, padTop: 1, padBottom: 1, padLeft: 1, padRight: 2 });
  });
  it('computes VALID outputs and explicit pads', () => {
    expect(resolveWindow({ inHeight: 28, inWidth: 28, nChan: 1, filtHeight: 5, filtWidth: 5, strideHeight: 1, strideWidth: 1, dilationHeight: 1, dilationWidth: 1, nFilt: 6, padding: 'valid' })).toMatchObject({ outHeight: 24, outWidth: 24 });
    expect(resolveWindow({ inHeight: 5, inWidth: 5, nChan: 1, filtHeight: 3, filtWidth: 3, strideHeight: 1, strideWidth: 1, dilationHeight: 2, dilationWidth: 2, nFilt: 1, padding: [1, 1, 0, 0] })).toMatchObject({ outHeight: 3, outWidth: 1 });
  });
  it('refuses a window larger than its input', () => {
    expect(() => resolveWindow({ inHeight: 2, inWidth: 2, nChan: 1, filtHeight: 3, filtWidth: 3, strideHeight: 1, strideWidth: 1, dilationHeight: 1, dilationWidth: 1, nFilt: 1, padding: 'valid' })).toThrow('does not fit');
  });
});

describe('buildGraph', () => {
  it('derives conv, pooling, merge and reshape shapes and facts', () => {
    const k = tensor([3, 3, 2, 4], new Float32Array(72).map((_, i) => (i % 3 === 0 ? 0 : i % 3 === 1 ? 0.5 : 0.3)));
    const g = build([
      input([8, 8, 2]),
      { name: 'c', kind: 'Conv2D', sourceClass: 'Conv2D', inputs: ['in'], attrs: { kernel: [3, 3], filters: 4, padding: 'same' }, params: { weight: k } },
      { name: 'p', kind: 'MaxPooling2D', sourceClass: 'MaxPooling2D', inputs: ['c'], attrs: { pool: [2, 2] } },
      { name: 'z', kind: 'ZeroPadding2D', sourceClass: 'ZeroPadding2D', inputs: ['p'], attrs: { pads: [1, 0, 0, 1] } },
      { name: 'cat', kind: 'Concatenate', sourceClass: 'Concatenate', inputs: ['z', 'z'], attrs: { axis: -1 } },
      { name: 'add', kind: 'Add', sourceClass: 'Add', inputs: ['cat', 'cat'] },
      { name: 'g', kind: 'GlobalAveragePooling2D', sourceClass: 'GlobalAveragePooling2D', inputs: ['add'] },
      { name: 'r', kind: 'Reshape', sourceClass: 'Reshape', inputs: ['g'], attrs: { targetShape: [2, -1] } },
    ]);
    expect(g.layers.map((l) => l.outputShape)).toEqual([[8, 8, 2], [8, 8, 4], [4, 4, 4], [5, 5, 4], [5, 5, 8], [5, 5, 8], [8], [2, 4]]);
    const c = g.layers[1];
    expect(c.facts).toMatchObject({ nIn: 18, nOut: 4, macs: 64 * 18 * 4, weights: 72, zeroWeights: 24, pow2Weights: 24 });
    expect(g.layers[2].window).toMatchObject({ filtHeight: 2, strideHeight: 2, nFilt: 4 });
    expect(g.outputs).toEqual(['r']);
  });

  it('counts LSTM matrices and MACs over the sequence', () => {
    const g = build([
      input([20, 6]),
      { name: 'l', kind: 'LSTM', sourceClass: 'LSTM', inputs: ['in'], attrs: { units: 8 }, params: { weight: tensor([6, 32], new Float32Array(192)), recurrent_weight: tensor([8, 32], new Float32Array(256)), bias: tensor([32], new Float32Array(32)) } },
    ]);
    expect(g.layers[1].outputShape).toEqual([8]);
    expect(g.layers[1].facts).toMatchObject({ nIn: 6, nOut: 32, macs: 20 * (6 * 32 + 8 * 32), params: 480 });
  });

  it('orders layers topologically and rejects dangling inputs', () => {
    const g = build([
      { name: 'a', kind: 'Activation', sourceClass: 'ReLU', inputs: ['in'], activation: { fn: 'relu' } },
      input([4]),
    ]);
    expect(g.layers.map((l) => l.name)).toEqual(['in', 'a']);
    expect(() => build([input([4]), { name: 'a', kind: 'Flatten', sourceClass: 'Flatten', inputs: ['ghost'] }])).toThrow("reads from 'ghost'");
  });

  it('hashes structure and weights, not object identity', () => {
    const specs = (v: number): LayerSpec[] => [input([2]), { name: 'd', kind: 'Dense', sourceClass: 'Dense', inputs: ['in'], attrs: { units: 1 }, params: { weight: tensor([2, 1], [v, 1]) } }];
    expect(build(specs(0.5)).hash).toBe(build(specs(0.5)).hash);
    expect(build(specs(0.5)).hash).not.toBe(build(specs(0.25)).hash);
  });
});
