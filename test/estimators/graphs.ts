/** Small deterministic IR graphs for estimator tests: a skip-connection CNN, a depthwise CNN and an LSTM. */
import { buildGraph } from '../../src/ir/build-graph.js';
import type { Graph } from '../../src/ir/graph.js';
import type { LayerSpec } from '../../src/ir/layer-spec.js';
import { sizeOf, tensor, type Tensor } from '../../src/ir/tensor.js';

/** A tensor of deterministic values in (−0.5, 0.5). */
export function fixedTensor(shape: number[], salt: number): Tensor {
  return tensor(shape, Float32Array.from({ length: sizeOf(shape) }, (_, i) => Math.sin(i * 12.9898 + salt * 78.233) * 0.5));
}

const spec = (name: string, kind: LayerSpec['kind'], inputs: string[], extra: Partial<LayerSpec> = {}): LayerSpec => ({ name, kind, sourceClass: kind, inputs, ...extra });

/** Builds a graph from specs. */
export function graphOf(name: string, specs: LayerSpec[]): Graph {
  return buildGraph({ name, specs }, { format: 'keras-json', file: `${name}.json`, sourceFiles: [`${name}.json`] });
}

/** Conv2D → ReLU → Conv2D(same) → Add(with the ReLU) → MaxPool → Flatten → Dense: a skip connection. */
export function skipCnn(size = 12, channels = 4): Graph {
  return graphOf('skip_cnn', [
    spec('in', 'Input', [], { attrs: { shape: [size, size, 1] } }),
    spec('c1', 'Conv2D', ['in'], { attrs: { kernel: [3, 3], filters: channels, padding: 'same' }, params: { weight: fixedTensor([3, 3, 1, channels], 1), bias: fixedTensor([channels], 2) } }),
    spec('r1', 'Activation', ['c1'], { activation: { fn: 'relu' } }),
    spec('c2', 'Conv2D', ['r1'], { attrs: { kernel: [3, 3], filters: channels, padding: 'same' }, params: { weight: fixedTensor([3, 3, channels, channels], 3), bias: fixedTensor([channels], 4) } }),
    spec('add', 'Add', ['r1', 'c2']),
    spec('pool', 'MaxPooling2D', ['add'], { attrs: { pool: [2, 2], strides: [2, 2], padding: 'valid' } }),
    spec('flat', 'Flatten', ['pool']),
    spec('fc', 'Dense', ['flat'], { attrs: { units: 5 }, params: { weight: fixedTensor([(size / 2) * (size / 2) * channels, 5], 5), bias: fixedTensor([5], 6) } }),
    spec('sm', 'Softmax', ['fc'], { activation: { fn: 'softmax' } }),
  ]);
}

/** DepthwiseConv2D → BatchNorm → sigmoid → GlobalAveragePooling → Dense. */
export function depthwiseCnn(): Graph {
  return graphOf('dw_cnn', [
    spec('in', 'Input', [], { attrs: { shape: [10, 10, 3] } }),
    spec('dw', 'DepthwiseConv2D', ['in'], { attrs: { kernel: [3, 3], depthMultiplier: 1, padding: 'valid' }, params: { weight: fixedTensor([3, 3, 3, 1], 7), bias: fixedTensor([3], 8) } }),
    spec('bn', 'BatchNormalization', ['dw'], { params: { scale: fixedTensor([3], 9), bias: fixedTensor([3], 10) } }),
    spec('sig', 'Activation', ['bn'], { activation: { fn: 'sigmoid' } }),
    spec('gap', 'GlobalAveragePooling2D', ['sig']),
    spec('fc', 'Dense', ['gap'], { attrs: { units: 2 }, params: { weight: fixedTensor([3, 2], 11), bias: fixedTensor([2], 12) } }),
  ]);
}
