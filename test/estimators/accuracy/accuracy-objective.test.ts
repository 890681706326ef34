import { describe, expect, it } from 'vitest';
import { fixed } from '../../../src/fixed/precision.js';
import { createAccuracyObjective, precisionSignature } from '../../../src/estimators/accuracy/accuracy-objective.js';
import { floatForward } from '../../../src/estimators/accuracy/float-forward.js';
import { syntheticInputs } from '../../../src/estimators/accuracy/synthetic-data.js';
import { designPointOf, withLayerKnobs } from '../../../src/ir/design-point.js';
import { loadGraph } from '../../../src/ir/load/load-graph.js';
import { exampleModel } from '../../helpers/shared.js';

const graph = await loadGraph(exampleModel('keras/KERAS_3layer.json'));
const { inputs } = syntheticInputs(graph, { count: 200, seed: 3, distribution: 'uniform', defaultRange: { lo: -1, hi: 1 } });
const float = floatForward(graph, inputs);
const objective = createAccuracyObjective(graph, inputs, float.outputs, { synthetic: true });

describe('accuracy objective', () => {
  it('costs little at ap_fixed<16,6> and a lot with a starved accumulator', () => {
    const base = designPointOf(graph);
    const good = objective.evaluate(base);
    expect(good.accuracyDrop).toBeLessThan(0.1);
    const starved = objective.evaluate(withLayerKnobs(base, { fc1_relu: { precisions: { accum: fixed(6, 2), result: fixed(6, 2) } } }));
    expect(starved.accuracyDrop).toBeGreaterThan(good.accuracyDrop);
    expect(starved.overflows).toBeGreaterThan(0);
  });

  it('ignores knobs that do not change the arithmetic', () => {
    const base = designPointOf(graph);
    const other = withLayerKnobs(base, { fc1_relu: { reuseFactor: 4, strategy: 'resource' } });
    expect(precisionSignature(other)).toBe(precisionSignature(base));
    expect(objective.evaluate(other)).toBe(objective.evaluate(base));
  });
});
