/** Small seeded IR graphs covering every layer kind the float references compute, and batch helpers. */
import { expect } from 'vitest';
import type { Batch } from '../../../src/estimators/emulator/types.js';
import { buildGraph } from '../../../src/ir/build-graph.js';
import type { Graph } from '../../../src/ir/graph.js';
import type { ActivationFn } from '../../../src/ir/layer.js';
import type { LayerSpec } from '../../../src/ir/layer-spec.js';
import { sizeOf, tensor, type Tensor } from '../../../src/ir/tensor.js';
import { createRng, forkSeed } from '../../../src/util/rng.js';

/** A seeded tensor with values uniform in [−scale, scale). */
export function randomTensor(shape: number[], seed: string, scale = 0.5): Tensor {
  const rng = createRng(forkSeed(11, seed));
  return tensor(shape, Float32Array.from({ length: sizeOf(shape) }, () => rng.uniform(-scale, scale)));
}

/** Builds a graph from specs (no file behind it). */
export function graphOf(name: string, specs: LayerSpec[]): Graph {
  return buildGraph({ name, specs }, { format: 'keras-json', file: `${name}.json`, sourceFiles: [`${name}.json`] });
}

/** A seeded batch for a graph's single input (or by input name). */
export function batchFor(graph: Graph, count: number, seed = 5, scale = 2): Record<string, Batch> {
  const out: Record<string, Batch> = {};
  for (const name of graph.inputs) {
    const size = sizeOf((graph.layers.find((l) => l.name === name) as Graph['layers'][number]).outputShape);
    const rng = createRng(forkSeed(seed, name));
    // float32-exact inputs, so both references see the same values
    out[name] = { count, size, data: Float64Array.from({ length: count * size }, () => Math.fround(rng.uniform(-scale, scale))) };
  }
  return out;
}

/** Asserts two batches agree within `tol` relative to the larger of 1 and the layer's largest magnitude. */
export function expectClose(a: Batch, b: Batch, tol: number, what: string): void {
  expect(a.count, what).toBe(b.count);
  expect(a.size, what).toBe(b.size);
  let scale = 1;
  for (const v of b.data) scale = Math.max(scale, Math.abs(v));
  let worst = 0;
  let at = -1;
  for (let i = 0; i < a.data.length; i++) {
    const e = Math.abs(a.data[i] - b.data[i]);
    if (!(e <= worst)) {
      worst = e;
      at = i;
    }
  }
  expect(worst / scale, `${what}: worst |Δ| ${worst} at ${at} (scale ${scale})`).toBeLessThanOrEqual(tol);
}

const spec = (name: string, kind: LayerSpec['kind'], inputs: string[], extra: Partial<LayerSpec> = {}): LayerSpec => ({ name, kind, sourceClass: kind, inputs, ...extra });
const input = (name: string, shape: number[]): LayerSpec => spec(name, 'Input', [], { attrs: { shape } });

/** A 2D CNN: Conv2D (same, stride, dilation), depthwise, separable, pooling of every kind, BN, padding, upsampling. */
export function cnn2dGraph(): Graph {
  return graphOf('cnn2d', [
    input('in', [9, 8, 3]),
    spec('conv_same', 'Conv2D', ['in'], { attrs: { kernel: [3, 3], strides: [2, 2], filters: 4, padding: 'same' }, params: { weight: randomTensor([3, 3, 3, 4], 'c1'), bias: randomTensor([4], 'c1b') } }),
    spec('act1', 'Activation', ['conv_same'], { activation: { fn: 'relu' } }),
    spec('pad', 'ZeroPadding2D', ['act1'], { attrs: { pads: [1, 0, 2, 1] } }),
    spec('conv_dil', 'Conv2D', ['pad'], { attrs: { kernel: [2, 2], dilation: [2, 2], filters: 3, padding: 'valid' }, params: { weight: randomTensor([2, 2, 4, 3], 'c2'), bias: randomTensor([3], 'c2b') } }),
    spec('dw', 'DepthwiseConv2D', ['conv_dil'], { attrs: { kernel: [2, 2], depthMultiplier: 2, padding: 'same' }, params: { weight: randomTensor([2, 2, 3, 2], 'dw'), bias: randomTensor([6], 'dwb') } }),
    spec('bn', 'BatchNormalization', ['dw'], { params: { scale: randomTensor([6], 'bns', 1.5), bias: randomTensor([6], 'bnb') } }),
    spec('up', 'UpSampling2D', ['bn'], { attrs: { size: [2, 3] } }),
    spec('sep', 'SeparableConv2D', ['up'], { attrs: { kernel: [3, 3], strides: [1, 2], filters: 5, depthMultiplier: 1, padding: 'same' }, params: { depthwise: randomTensor([3, 3, 6, 1], 'sd'), pointwise: randomTensor([1, 1, 6, 5], 'sp'), bias: randomTensor([5], 'sb') } }),
    spec('maxp', 'MaxPooling2D', ['sep'], { attrs: { pool: [2, 2], strides: [2, 2], padding: 'same' } }),
    spec('avgp_same', 'AveragePooling2D', ['sep'], { attrs: { pool: [3, 3], strides: [2, 2], padding: 'same' } }),
    spec('avgp_pads', 'AveragePooling2D', ['sep'], { attrs: { pool: [2, 2], strides: [2, 2], pads: [1, 0, 0, 1] } }),
    spec('maxp_pads', 'MaxPooling2D', ['sep'], { attrs: { pool: [2, 2], strides: [2, 2], pads: [0, 1, 1, 0] } }),
    spec('gmax', 'GlobalMaxPooling2D', ['maxp']),
    spec('gavg', 'GlobalAveragePooling2D', ['avgp_same']),
    spec('gavg2', 'GlobalAveragePooling2D', ['avgp_pads']),
    spec('gmax2', 'GlobalMaxPooling2D', ['maxp_pads']),
    spec('cat', 'Concatenate', ['gmax', 'gavg', 'gavg2', 'gmax2'], { attrs: { axis: -1 } }),
    spec('fc', 'Dense', ['cat'], { attrs: { units: 4 }, params: { weight: randomTensor([20, 4], 'fc'), bias: randomTensor([4], 'fcb') } }),
    spec('sm', 'Softmax', ['fc'], { activation: { fn: 'softmax' } }),
  ]);
}

/** A 1D model: Conv1D, depthwise/separable 1D, pooling 1D, padding/upsampling 1D, transpose, reshape, merges. */
export function cnn1dGraph(): Graph {
  return graphOf('cnn1d', [
    input('a', [12, 3]),
    input('b', [12, 3]),
    spec('add', 'Add', ['a', 'b']),
    spec('sub', 'Subtract', ['a', 'b']),
    spec('mul', 'Multiply', ['a', 'b']),
    spec('avg', 'Average', ['a', 'b', 'add']),
    spec('mx', 'Maximum', ['a', 'b']),
    spec('mn', 'Minimum', ['sub', 'mul']),
    spec('cat', 'Concatenate', ['add', 'sub', 'mul', 'avg', 'mx', 'mn'], { attrs: { axis: 2 } }),
    spec('conv', 'Conv1D', ['cat'], { attrs: { kernel: [3], strides: [2], filters: 4, padding: 'same' }, params: { weight: randomTensor([3, 18, 4], 'k1'), bias: randomTensor([4], 'k1b') } }),
    spec('pad', 'ZeroPadding1D', ['conv'], { attrs: { pads: [0, 0, 2, 1] } }),
    spec('dw', 'DepthwiseConv1D', ['pad'], { attrs: { kernel: [2], depthMultiplier: 3, padding: 'valid' }, params: { weight: randomTensor([2, 4, 3], 'dw1'), bias: randomTensor([12], 'dw1b') } }),
    spec('sep', 'SeparableConv1D', ['dw'], { attrs: { kernel: [3], filters: 4, depthMultiplier: 2, padding: 'valid' }, params: { depthwise: randomTensor([3, 12, 2], 's1'), pointwise: randomTensor([1, 24, 4], 's1p'), bias: randomTensor([4], 's1b') } }),
    spec('up', 'UpSampling1D', ['sep'], { attrs: { size: [2] } }),
    spec('mp', 'MaxPooling1D', ['up'], { attrs: { pool: [3], strides: [2], padding: 'valid' } }),
    spec('ap', 'AveragePooling1D', ['up'], { attrs: { pool: [2], padding: 'same' } }),
    spec('gm', 'GlobalMaxPooling1D', ['mp']),
    spec('ga', 'GlobalAveragePooling1D', ['ap']),
    spec('tr', 'Transpose', ['ap'], { attrs: { perm: [1, 0] } }),
    spec('fl', 'Flatten', ['tr']),
    spec('rs', 'Reshape', ['fl'], { attrs: { targetShape: [4, -1] } }),
    spec('dn', 'Dense', ['rs'], { attrs: { units: 3 }, params: { weight: randomTensor([6, 3], 'd3'), bias: randomTensor([3], 'd3b') } }),
    spec('q', 'Quantizer', ['gm']),
  ]);
}

/** Every element-wise activation (and softmax, PReLU with a per-channel alpha) after one Dense layer. */
export function activationsGraph(): Graph {
  const fns: { fn: ActivationFn; alpha?: number; theta?: number; maxValue?: number }[] = [
    { fn: 'linear' }, { fn: 'relu' }, { fn: 'relu', maxValue: 1.5 }, { fn: 'relu6' }, { fn: 'leaky_relu', alpha: 0.1 },
    { fn: 'thresholded_relu', theta: 0.7 }, { fn: 'elu', alpha: 0.8 }, { fn: 'selu' }, { fn: 'sigmoid' }, { fn: 'hard_sigmoid' },
    { fn: 'tanh' }, { fn: 'hard_tanh' }, { fn: 'softplus' }, { fn: 'softsign' }, { fn: 'swish' }, { fn: 'gelu' },
    { fn: 'exponential' }, { fn: 'binary_tanh' }, { fn: 'ternary_tanh' }, { fn: 'softmax' },
  ];
  return graphOf('acts', [
    input('in', [2, 5]),
    spec('fc', 'Dense', ['in'], { attrs: { units: 6 }, params: { weight: randomTensor([5, 6], 'afc', 1.5), bias: randomTensor([6], 'afcb') } }),
    ...fns.map((a, i) => spec(`act${i}_${a.fn}`, a.fn === 'softmax' ? 'Softmax' : 'Activation', ['fc'], { activation: a })),
    spec('prelu', 'Activation', ['fc'], { activation: { fn: 'prelu' }, params: { alpha: randomTensor([1, 6], 'alpha', 0.5) } }),
  ]);
}
