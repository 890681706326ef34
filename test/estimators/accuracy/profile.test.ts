import { describe, expect, it } from 'vitest';
import { floatForward } from '../../../src/estimators/accuracy/float-forward.js';
import { integerBitsFor, profileGraph, rangesFromProfile, valueStats } from '../../../src/estimators/accuracy/profile.js';
import { syntheticInputs } from '../../../src/estimators/accuracy/synthetic-data.js';
import { loadGraph } from '../../../src/ir/load/load-graph.js';
import { renderProfile } from '../../../src/commands/profile.js';
import { exampleModel } from '../../helpers/shared.js';

describe('integer bits needed to avoid overflow (sign included)', () => {
  it.each([
    [-3.9, 3.9, 3, true],
    [-4, 3.99, 3, true], // −4 fits ap_fixed<W,3>: its range is [−4, 4)
    [-1, 4, 4, true], // +4 does not fit [−4, 4)
    [0, 0.75, 0, false], // ap_ufixed<W,0> holds [0, 1)
    [0, 1, 1, false],
    [-0.3, 0.2, 0, true], // ap_fixed<W,0> holds [−0.5, 0.5)
    [-0.2, 0.2, -1, true], // ap_fixed<W,-1> holds [−0.25, 0.25)
    [0, 0, 0, false],
    [-100, 5, 8, true],
  ])('[%s, %s] → %s (signed %s)', (min, max, integer, signed) => {
    expect(integerBitsFor(min, max)).toEqual({ integer, signed });
  });
});

describe('value statistics', () => {
  it('gives numpy-style linear percentiles', () => {
    const s = valueStats(Float64Array.from({ length: 1001 }, (_, i) => i - 500));
    expect(s).toMatchObject({ count: 1001, min: -500, max: 500, mean: 0, absMax: 500, zeros: 1 });
    // numpy.percentile gives the same (499.0000000000001 for p99.9: (p/100)·(n−1) is not exact in binary).
    const want = { 'p0.1': -499, p1: -490, p50: 0, p99: 490, 'p99.9': 499 };
    for (const [k, x] of Object.entries(want)) expect(s.percentiles[k]).toBeCloseTo(x, 9);
  });
});

describe('profiling KERAS_3layer', async () => {
  const graph = await loadGraph(exampleModel('keras/KERAS_3layer.json'));
  const data = syntheticInputs(graph, { count: 300, seed: 1, distribution: 'uniform' });
  const report = profileGraph(graph, floatForward(graph, data.inputs).layerOutputs, { width: 16, synthetic: true, data: data.description });
  const v = (layer: string, variable: string) => report.layers.find((l) => l.layer === layer)?.variables.find((x) => x.variable === variable);

  it('finds sane integer bits for weights and biases', () => {
    for (const l of graph.layers) {
      for (const name of ['weight', 'bias']) {
        const p = v(l.name, name);
        if (!p) continue;
        expect(p.stats.absMax).toBeLessThan(4);
        expect(p.integerBits).toBeLessThanOrEqual(3);
        expect(p.signed).toBe(true);
        expect(p.suggested).toBe(`ap_fixed<16,${p.integerBits}>`);
        // the suggestion really holds the extremes: |x| < 2^(I−1)
        expect(p.stats.max).toBeLessThan(2 ** (p.integerBits - 1));
        expect(-p.stats.min).toBeLessThanOrEqual(2 ** (p.integerBits - 1));
      }
    }
    expect(v('fc1_relu', 'weight')?.integerBits).toBe(3);
    expect(v('fc1_relu', 'weight')?.current).toBe('ap_fixed<16,6>');
    expect(v('fc1_relu', 'weight')?.currentFits).toBe(true);
  });

  it('profiles outputs: unsigned after ReLU, softmax below 1', () => {
    const relu = v('fc1_relu_relu', 'result');
    expect(relu?.signed).toBe(false);
    expect(relu?.suggested).toMatch(/^ap_ufixed<16,\d+>$/);
    const sm = v('output_softmax_softmax', 'result');
    expect(sm?.stats.max).toBeLessThan(1);
    expect(sm?.integerBits).toBe(0);
    expect(sm?.integerBitsCentral).toBeLessThanOrEqual(sm?.integerBits as number);
    expect(report).toMatchObject({ model: 'KERAS_3layer', samples: 300, synthetic: true, width: 16 });
  });

  it('renders a table labelled synthetic', () => {
    const text = renderProfile(report);
    expect(text).toMatch(/^model KERAS_3layer {2}data synthetic: 300 samples, uniform \[-1, 1\], seed 1 {2}\[synthetic\] {2}width 16\n/);
    expect(text).toMatch(/fc1_relu\s+Dense\s+weight\s+-3\.298\s.*\s3\s+ap_fixed<16,3>\s+ap_fixed<16,6>\n/);
    expect(text).not.toContain('overflow');
  });

  it('gives the input range back for drawing like data', () => {
    const r = rangesFromProfile(graph, report).input_1;
    expect(r.lo).toBeGreaterThanOrEqual(-1);
    expect(r.hi).toBeLessThan(1);
  });

  it('flags a current precision that overflows', () => {
    const narrow = profileGraph({ ...graph, layers: graph.layers.map((l) => (l.name === 'fc3_relu' ? { ...l, precisions: { ...l.precisions, result: { precision: { ...l.precisions.result.precision, integer: 2 } as never, source: 'LayerName' } } } : l)) }, floatForward(graph, data.inputs).layerOutputs);
    const r = narrow.layers.find((l) => l.layer === 'fc3_relu')?.variables.find((x) => x.variable === 'result');
    expect(r?.current).toBe('ap_fixed<16,2>');
    expect(r?.currentFits).toBe(false);
  });
});
