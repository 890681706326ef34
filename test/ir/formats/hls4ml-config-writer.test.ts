import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pointFromConfigText } from '../../../src/estimators/accuracy/point-from-config.js';
import { fixed, formatPrecision } from '../../../src/fixed/precision.js';
import { designPointOf, withLayerKnobs } from '../../../src/ir/design-point.js';
import { hls4mlConfigText } from '../../../src/ir/formats/hls4ml-config-writer.js';
import { loadGraph } from '../../../src/ir/load/load-graph.js';
import { exampleModel } from '../../helpers/shared.js';

const flat = (p: ReturnType<typeof designPointOf>) =>
  Object.fromEntries(Object.entries(p.layers).map(([n, k]) => [n, { ...k, precisions: Object.fromEntries(Object.entries(k.precisions).map(([v, t]) => [v, formatPrecision(t)])) }]));

describe('hls4ml config writer', () => {
  it('writes a config that reproduces the point when read back', async () => {
    const graph = await loadGraph(exampleModel('keras/KERAS_3layer.json'));
    const point = withLayerKnobs(
      { ...designPointOf(graph), ioType: 'io_stream', part: 'xcu250-figd2104-2L-e', clockPeriodNs: 4 },
      {
        fc1_relu: { strategy: 'resource', reuseFactor: 4, precisions: { weight: fixed(8, 3), accum: fixed(24, 10) } },
        fc2_relu: { strategy: 'resource_unrolled', reuseFactor: 8 },
        fc2_relu_relu: { precisions: { result: fixed(10, 5, { signed: false }) } },
      },
    );
    const text = hls4mlConfigText(graph, point, { model: { kerasJson: 'KERAS_3layer.json', kerasH5: 'KERAS_3layer_weights.h5' } });
    const doc = parse(text);
    expect(doc).toMatchObject({ KerasJson: 'KERAS_3layer.json', Part: 'xcu250-figd2104-2L-e', ClockPeriod: 4, IOType: 'io_stream' });
    expect(doc.HLSConfig.LayerName.fc1_relu).toMatchObject({ ReuseFactor: 4, Strategy: 'Resource', Precision: { weight: 'ap_fixed<8,3>', accum: 'ap_fixed<24,10>' } });
    expect(doc.HLSConfig.LayerName.fc2_relu.Strategy).toBe('Resource_Unrolled');
    const back = pointFromConfigText(graph, text, 'pick.yml');
    expect(back.ioType).toBe('io_stream');
    expect(back.part).toBe(point.part);
    expect(flat(back)).toEqual(flat(point));
  });
});
