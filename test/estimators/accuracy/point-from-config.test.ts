import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pointFromConfigText } from '../../../src/estimators/accuracy/point-from-config.js';
import { formatPrecision } from '../../../src/fixed/precision.js';
import { designPointOf } from '../../../src/ir/design-point.js';
import { loadGraph } from '../../../src/ir/load/load-graph.js';
import { HlsdseError } from '../../../src/util/errors.js';
import { exampleModel, REPO_ROOT } from '../../helpers/shared.js';

const pointFile = `${REPO_ROOT}/test/fixtures/data/point_3layer.yml`;

describe('design points from hls4ml-style YAML', async () => {
  const graph = await loadGraph(exampleModel('keras/KERAS_3layer.json'));
  const fmt = (p: Parameters<typeof formatPrecision>[0]) => formatPrecision(p);

  it('resolves Model and LayerName blocks for every layer', () => {
    const p = pointFromConfigText(graph, readFileSync(pointFile, 'utf8'), pointFile);
    expect(Object.keys(p.layers)).toEqual(graph.layers.map((l) => l.name));
    expect(fmt(p.layers.fc1_relu.precisions.weight)).toBe('ap_fixed<8,3>');
    expect(fmt(p.layers.fc1_relu.precisions.result)).toBe('ap_fixed<12,5>');
    expect(p.layers.fc1_relu.reuseFactor).toBe(4);
    expect(fmt(p.layers.fc2_relu.precisions.weight)).toBe('ap_fixed<12,5>');
    // softmax tables keep hls4ml's own defaults
    expect(fmt(p.layers.output_softmax_softmax.precisions.exp_table)).toBe('ap_fixed<18,8,AP_RND,AP_SAT>');
    expect(p.ioType).toBe('io_parallel');
  });

  it('accepts a bare HLSConfig body and equals the model point when it says nothing', () => {
    const p = pointFromConfigText(graph, 'Model:\n  Precision: ap_fixed<16,6>\n', 'bare.yml');
    expect(p).toEqual(designPointOf(graph));
  });

  it('keeps quantizer-fixed weights of a QKeras model', async () => {
    const q = await loadGraph(exampleModel('keras/qkeras_3layer.json'));
    const p = pointFromConfigText(q, 'HLSConfig:\n  Model:\n    Precision: ap_fixed<10,4>\n', 'p.yml');
    expect(fmt(p.layers.fc1.precisions.weight)).toBe(fmt(q.layers[1].precisions.weight.precision));
    expect(fmt(p.layers.fc1.precisions.result)).toBe('ap_fixed<10,4>');
  });

  it('refuses a layer the model does not have, and bad YAML, with one line naming the file', () => {
    const bad = () => pointFromConfigText(graph, 'HLSConfig:\n  LayerName:\n    fc9:\n      ReuseFactor: 2\n', 'p.yml');
    expect(bad).toThrow(HlsdseError);
    expect(bad).toThrow("HLSConfig.LayerName.fc9: the model has no layer named 'fc9'");
    expect(() => pointFromConfigText(graph, 'HLSConfig: [1, 2', 'p.yml')).toThrow('not valid YAML');
    expect(() => pointFromConfigText(graph, '- 1\n- 2\n', 'p.yml')).toThrow('expected a mapping');
  });
});
