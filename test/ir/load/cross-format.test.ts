/** The same network through two formats (Keras JSON+H5 and its ONNX export) gives the same IR. */
import { describe, expect, it } from 'vitest';
import { graphTotals, type Graph } from '../../../src/ir/graph.js';
import { loadGraph } from '../../../src/ir/load/load-graph.js';
import { exampleModel } from '../../helpers/shared.js';

const weighted = (g: Graph) => g.layers.filter((l) => l.kind === 'Dense' || l.kind.startsWith('Conv'));

describe('Keras vs ONNX export of KERAS_3layer', () => {
  it('has the same shapes, counts, activations and weights', async () => {
    const keras = await loadGraph(exampleModel('keras/KERAS_3layer.json'));
    const onnx = await loadGraph(exampleModel('onnx/three_layer_keras.onnx'));
    expect(onnx.format).toBe('onnx');
    expect(onnx.layers.map((l) => [l.kind, l.outputShape])).toEqual(keras.layers.map((l) => [l.kind, l.outputShape]));
    expect(onnx.layers.filter((l) => l.activation).map((l) => l.activation?.fn)).toEqual(keras.layers.filter((l) => l.activation).map((l) => l.activation?.fn));
    expect(graphTotals(onnx)).toEqual(graphTotals(keras));
    const [k, o] = [weighted(keras), weighted(onnx)];
    for (let i = 0; i < k.length; i++) {
      expect(o[i].facts).toEqual(k[i].facts);
      expect(Array.from(o[i].params.weight.data)).toEqual(Array.from(k[i].params.weight.data));
      expect(Array.from(o[i].params.bias.data)).toEqual(Array.from(k[i].params.bias.data));
    }
  });

  it('reads the hls4ml ONNX config beside the model', async () => {
    const g = await loadGraph(exampleModel('onnx-config.yml'));
    expect(g.config.part).toBe('xcku115-flvb2104-2-i');
    expect(graphTotals(g).params).toBe(4389);
  });
});
