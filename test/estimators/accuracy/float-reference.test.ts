import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { floatForward } from '../../../src/estimators/accuracy/float-forward.js';
import { buildTfModel, floatReference, loadTf } from '../../../src/estimators/accuracy/float-reference.js';
import { loadGraph } from '../../../src/ir/load/load-graph.js';
import { tensor } from '../../../src/ir/tensor.js';
import { HlsdseError } from '../../../src/util/errors.js';
import { exampleModel } from '../../helpers/shared.js';
import { activationsGraph, batchFor, cnn1dGraph, cnn2dGraph, expectClose, graphOf } from './graphs.js';

const kerasDir = exampleModel('keras');
const bundled = readdirSync(kerasDir).filter((f) => /\.(json|h5|keras)$/.test(f) && !f.endsWith('_weights.h5'));

describe('the tfjs float reference equals the Float64 forward pass', () => {
  it.each(bundled)('%s: every layer within 1e-5', async (file) => {
    const graph = await loadGraph(`${kerasDir}/${file}`);
    const inputs = batchFor(graph, 64);
    const tf = await floatReference(graph, inputs);
    const ff = floatForward(graph, inputs);
    expect(Object.keys(tf.layerOutputs)).toEqual(graph.layers.map((l) => l.name));
    for (const l of graph.layers) expectClose(tf.layerOutputs[l.name], ff.layerOutputs[l.name], 1e-5, `${file} ${l.name}`);
    for (const o of graph.outputs) expect(tf.outputs[o]).toBe(tf.layerOutputs[o]);
  });

  it.each([
    ['2D convolutions, pooling, padding, upsampling', cnn2dGraph],
    ['1D layers, merges, concat, transpose, reshape', cnn1dGraph],
    ['every activation', activationsGraph],
  ])('%s', async (_what, make) => {
    const graph = make();
    const inputs = batchFor(graph, 16);
    const tf = await floatReference(graph, inputs);
    const ff = floatForward(graph, inputs);
    for (const l of graph.layers) expectClose(tf.layerOutputs[l.name], ff.layerOutputs[l.name], 1e-5, `${graph.name} ${l.name}`);
  });

  it('runs batches larger than one chunk the same as sample by sample', async () => {
    const graph = await loadGraph(exampleModel('keras/KERAS_3layer.json'));
    const inputs = batchFor(graph, 600);
    const tf = await loadTf();
    const model = buildTfModel(tf, graph);
    const all = model.run(inputs);
    const one = model.run({ input_1: { count: 1, size: 16, data: inputs.input_1.data.slice(599 * 16) } });
    model.dispose();
    expect(Array.from(all.outputs.output_softmax_softmax.data.slice(599 * 5))).toEqual(Array.from(one.outputs.output_softmax_softmax.data));
  });
});

describe('float forward semantics (hand-computed)', () => {
  it('Dense, average pooling over valid pixels only, depthwise channel order', () => {
    const g = graphOf('hand', [
      { name: 'in', kind: 'Input', sourceClass: 'InputLayer', inputs: [], attrs: { shape: [3, 1] } },
      { name: 'ap', kind: 'AveragePooling1D', sourceClass: 'AveragePooling1D', inputs: ['in'], attrs: { pool: [2], padding: 'same' } },
      { name: 'dw', kind: 'DepthwiseConv1D', sourceClass: 'DepthwiseConv1D', inputs: ['ap'], attrs: { kernel: [1], depthMultiplier: 2 }, params: { weight: tensor([1, 1, 2], [10, -1]) } },
      { name: 'fc', kind: 'Dense', sourceClass: 'Dense', inputs: ['dw'], attrs: { units: 1 }, params: { weight: tensor([2, 1], [1, 2]), bias: tensor([1], [0.5]) } },
    ]);
    const r = floatForward(g, { count: 1, size: 3, data: Float64Array.from([1, 3, 8]) });
    // SAME pooling of 3 values with pool 2, stride 2: [(1+3)/2, 8/1] — the padded pixel is not counted.
    expect(Array.from(r.layerOutputs.ap.data)).toEqual([2, 8]);
    expect(Array.from(r.layerOutputs.dw.data)).toEqual([20, -2, 80, -8]);
    expect(Array.from(r.layerOutputs.fc.data)).toEqual([20 - 4 + 0.5, 80 - 16 + 0.5]);
  });
});

describe('unsupported layers', () => {
  it('names the layer', async () => {
    const g = graphOf('rnn', [
      { name: 'in', kind: 'Input', sourceClass: 'InputLayer', inputs: [], attrs: { shape: [4, 2] } },
      {
        name: 'my_lstm', kind: 'LSTM', sourceClass: 'LSTM', inputs: ['in'], attrs: { units: 3 },
        params: { weight: tensor([2, 12], new Float32Array(24)), recurrent_weight: tensor([3, 12], new Float32Array(36)), bias: tensor([12], new Float32Array(12)) },
      },
    ]);
    const inputs = batchFor(g, 2);
    expect(() => floatForward(g, inputs)).toThrow(HlsdseError);
    await expect(floatReference(g, inputs)).rejects.toThrow(/layer 'my_lstm' \(LSTM\) has no float reference/);
  });
});
