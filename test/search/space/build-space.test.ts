import { describe, expect, it } from 'vitest';
import { formatPrecision } from '../../../src/fixed/precision.js';
import { loadGraph } from '../../../src/ir/load/load-graph.js';
import { buildSpace, DEFAULT_SPACE } from '../../../src/search/space/build-space.js';
import { decodeGenome, genomeKey, indexGenome, keyGenome } from '../../../src/search/space/design-space.js';
import { parseSpaceText } from '../../../src/search/space/space-config.js';
import { exampleModel } from '../../helpers/shared.js';

const graph = await loadGraph(exampleModel('keras/KERAS_3layer.json'));

describe('buildSpace', () => {
  it('gives every weighted layer a strategy and its legal reuse factors by default', () => {
    const s = buildSpace(graph, DEFAULT_SPACE);
    expect(s.knobs.map((k) => k.id)).toEqual([
      'fc1_relu.strategy',
      'fc1_relu.reuseFactor',
      'fc2_relu.strategy',
      'fc2_relu.reuseFactor',
      'fc3_relu.strategy',
      'fc3_relu.reuseFactor',
      'output_softmax.strategy',
      'output_softmax.reuseFactor',
    ]);
    expect(s.knobs[1].values).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024]);
    // legal reuse factors: 16×64 → 11, 64×32 → 7 divisors of 64 + 5 more multiples of 64, 32×32 → 11, 32×5 → 7
    expect(s.size).toBe(BigInt(2 * 11 * 2 * 12 * 2 * 11 * 2 * 7));
  });

  it('reads a space file with ties, pins, precision grids and two IO types', () => {
    const cfg = parseSpaceText(
      's.yml',
      `ioType: [io_parallel, io_stream]
layers:
  '*': {strategy: [latency, resource], reuseFactor: {max: 64}, precision: {weight: {width: [6, 8, 16], integer: weights}}}
  fc1_relu_relu: {precision: {result: ['ap_fixed<10,4>', 'ap_fixed<12,4>']}}
tie: [[fc2_relu, fc3_relu]]
pin: {output_softmax: {strategy: latency, reuseFactor: 1}}
`,
    );
    const s = buildSpace(graph, cfg, 's.yml');
    const ids = s.knobs.map((k) => k.id);
    expect(ids[0]).toBe('*.ioType');
    expect(ids).toContain('fc2_relu+fc3_relu.reuseFactor');
    expect(ids).toContain('fc1_relu_relu.precision.result');
    expect(ids.some((id) => id.startsWith('output_softmax.strategy'))).toBe(false);
    const tied = s.knobs.find((k) => k.id === 'fc2_relu+fc3_relu.reuseFactor');
    expect(tied?.values).toEqual([1, 2, 4, 8, 16, 32, 64]);
    const w = s.knobs.find((k) => k.id === 'fc1_relu.precision.weight');
    const maxAbs = graph.layers[1].facts.maxAbsWeight;
    const integer = Math.floor(Math.log2(maxAbs)) + 2;
    expect(w?.values).toEqual([`ap_fixed<6,${integer}>`, `ap_fixed<8,${integer}>`, `ap_fixed<16,${integer}>`]);
    expect(s.base.layers.output_softmax).toMatchObject({ strategy: 'latency', reuseFactor: 1 });
  });

  it('round-trips genomes through canonical ids and decodes them into design points', () => {
    const s = buildSpace(graph, DEFAULT_SPACE);
    const g = indexGenome(s, 12345n);
    const key = genomeKey(s, g);
    expect(key).toBe((12345).toString(36));
    expect(keyGenome(s, key)).toEqual(g);
    const { point } = decodeGenome(s, g);
    s.knobs.forEach((k, i) => {
      const v = k.values[g[i]];
      if (k.name === 'strategy') expect(point.layers[k.layers[0]].strategy).toBe(v);
      if (k.name === 'reuseFactor') expect(point.layers[k.layers[0]].reuseFactor).toBe(v);
    });
    expect(formatPrecision(point.layers.fc1_relu.precisions.weight)).toBe('ap_fixed<16,6>');
    expect(() => keyGenome(s, 'zzzzzzzzzz')).toThrow('outside this space');
  });

  it('refuses unknown layers, impossible values and stray keys with the key path', () => {
    expect(() => buildSpace(graph, parseSpaceText('s.yml', 'layers: {fc9: {reuseFactor: [2]}}'), 's.yml')).toThrow("the model has no layer named 'fc9'");
    expect(() => buildSpace(graph, parseSpaceText('s.yml', 'layers: {fc1_relu: {reuseFactor: [5000]}}'), 's.yml')).toThrow('layers.fc1_relu.reuseFactor: 5000 is outside 1..1024');
    expect(() => parseSpaceText('s.yml', 'layers: {fc1_relu: {reuse: [2]}}')).toThrow('layers.fc1_relu.reuse: unknown knob');
    expect(() => parseSpaceText('s.yml', 'ioType: io_serial')).toThrow('ioType: expected io_parallel or io_stream');
    expect(() => parseSpaceText('s.yml', 'layers: {fc1_relu: {precision: {weight: ["ap_fixed<0,0>"]}}}')).toThrow('width must be at least 1');
    expect(() => buildSpace(graph, parseSpaceText('s.yml', 'layers: {fc1_relu_relu: {precision: {weight: ["ap_fixed<8,2>"]}}}'), 's.yml')).toThrow("Activation layers have no 'weight' precision");
  });

  it('hashes the space so another space is recognised', () => {
    const a = buildSpace(graph, DEFAULT_SPACE);
    const b = buildSpace(graph, parseSpaceText('s.yml', "layers: {'*': {strategy: [latency], reuseFactor: legal}}"));
    expect(a.hash).toBe(buildSpace(graph, DEFAULT_SPACE).hash);
    expect(a.hash).not.toBe(b.hash);
  });
});

describe('pointHash', async () => {
  const { pointHash } = await import('../../../src/search/space/point-hash.js');
  it('depends on the knob values only', () => {
    const a = buildSpace(graph, DEFAULT_SPACE);
    const b = buildSpace(graph, parseSpaceText('s.yml', "layers: {'*': {strategy: [resource, latency], reuseFactor: legal}}"));
    const pa = decodeGenome(a, indexGenome(a, 0n)).point; // latency everywhere, RF 1
    const pb = decodeGenome(b, b.knobs.map((k) => (k.name === 'strategy' ? 1 : 0))).point; // latency (second value), RF 1
    expect(pointHash(pa)).toBe(pointHash(pb));
    expect(pointHash(decodeGenome(a, indexGenome(a, 1n)).point)).not.toBe(pointHash(pa));
  });
});

describe('YAML flow-style precisions', () => {
  it('explains a precision cut at its comma', () => {
    expect(() => parseSpaceText('s.yml', 'layers: {fc1_relu: {precision: {weight: [ap_fixed<6,3>]}}}')).toThrow("'ap_fixed<6' is a precision cut at its comma by YAML flow style; quote it");
  });
});

describe('integer bits from a profile', () => {
  const cfg = () => parseSpaceText('s.yml', "layers: {fc1_relu_relu: {precision: {result: {width: [8, 10], integer: profile}}}}");
  it('takes integer bits and sign from the profile table', () => {
    const s = buildSpace(graph, cfg(), 's.yml', { fc1_relu_relu: { result: { integer: 4, signed: false } } });
    expect(s.knobs.find((k) => k.id === 'fc1_relu_relu.precision.result')?.values).toEqual(['ap_ufixed<8,4>', 'ap_ufixed<10,4>']);
  });
  it('refuses a profile grid without a profile', () => {
    expect(() => buildSpace(graph, cfg(), 's.yml')).toThrow("layers.fc1_relu_relu.precision.result.integer: 'profile' needs a profiled 'result' of this layer");
  });
});
