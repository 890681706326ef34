import { describe, expect, it } from 'vitest';
import { renderEmulate } from '../../../src/commands/emulate.js';
import { absError, accuracyMetrics, argmaxRows } from '../../../src/estimators/accuracy/metrics.js';
import type { Batch, EmulationResult } from '../../../src/estimators/emulator/types.js';

const batch = (rows: number[][]): Batch => ({ count: rows.length, size: rows[0].length, data: Float64Array.from(rows.flat()) });

describe('accuracy metrics of a design point', () => {
  const float = { out: batch([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2], [0.3, 0.3, 0.4], [0.0, 0.1, 0.9]]) };
  const emulated: EmulationResult = {
    outputs: { out: batch([[0.125, 0.625, 0.25], [0.25, 0.5, 0.25], [0.25, 0.25, 0.5], [0, 0.125, 0.875]]) },
    layerOutputs: { fc: batch([[1, 2], [3, 4], [5, 6], [7, 8]]), out: batch([[0.125, 0.625, 0.25], [0.25, 0.5, 0.25], [0.25, 0.25, 0.5], [0, 0.125, 0.875]]) },
    overflows: [
      { layer: 'fc', variable: 'result', count: 3, total: 8 },
      { layer: 'fc', variable: 'accum', count: 0, total: 8 },
    ],
  };

  it('compares top classes, errors and labels, and passes overflows through', () => {
    const m = accuracyMetrics(float, emulated, { labels: Int32Array.from([1, 0, 2, 1]) });
    const o = m.outputs[0];
    expect(o.topClassAgreement).toBe(0.75); // sample 2 flips from class 0 to 1
    expect(o.accuracy).toBe(0.5); // emulated classes 1,1,2,2 vs labels 1,0,2,1
    expect(o.floatAccuracy).toBe(0.75);
    expect(o.maxAbsError).toBeCloseTo(0.25, 12);
    expect(o.meanAbsError).toBeCloseTo((0.025 + 0.075 + 0.05 + 0.25 + 0.2 + 0.05 + 0.05 + 0.05 + 0.1 + 0 + 0.025 + 0.025) / 12, 12);
    expect(m.overflows).toBe(emulated.overflows);
    expect(m.overflowTotal).toBe(3);
    expect(m.synthetic).toBe(false);
    expect(m.layers).toBeUndefined();
  });

  it('takes one-hot labels and reports per-layer errors in graph order', () => {
    const oneHot = batch([[0, 1, 0], [1, 0, 0], [0, 0, 1], [0, 1, 0]]);
    const m = accuracyMetrics(float, emulated, {
      labels: oneHot,
      synthetic: true,
      floatLayers: { fc: batch([[1, 2], [3, 4], [5, 6], [7, 9]]), out: float.out },
      layerOrder: ['fc', 'out'],
    });
    expect(m.outputs[0].accuracy).toBe(0.5);
    expect(m.synthetic).toBe(true);
    expect(m.layers?.map((l) => [l.layer, l.maxAbsError])).toEqual([['fc', 1], ['out', m.outputs[0].maxAbsError]]);
    const text = renderEmulate({ model: 'm', point: 'p.yml', data: 'synthetic: 4 samples', reference: 'float64', metrics: m, files: [] });
    expect(text).toMatch(/^model m {2}point p\.yml {2}data synthetic: 4 samples {2}\[synthetic\] {2}reference float64\n/);
    expect(text).toMatch(/out\s+3\s+75\.00 %\s+50\.00 %\s+75\.00 %/);
    expect(text).toMatch(/fc\s+result\s+3 of 8\s+37\.50 %/);
    expect(text).not.toMatch(/fc\s+accum/);
  });

  it('leaves top-class figures out for one-value outputs, and finds the first argmax', () => {
    const m = accuracyMetrics({ y: batch([[0.5], [1]]) }, { outputs: { y: batch([[0.25], [1]]) }, overflows: [] });
    expect(m.outputs[0].topClassAgreement).toBeUndefined();
    expect(m.outputs[0].meanAbsError).toBe(0.125);
    expect(Array.from(argmaxRows(batch([[1, 3, 3], [2, 2, 2]])))).toEqual([1, 0]);
    expect(() => absError(batch([[1]]), batch([[1, 2]]))).toThrow('differ in layout');
  });
});
