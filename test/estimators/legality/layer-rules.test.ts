import { describe, expect, it } from 'vitest';
import { checkLayerKnobs } from '../../../src/estimators/legality/layer-rules.js';
import { designPointOf, type LayerKnobs } from '../../../src/ir/design-point.js';
import type { Layer } from '../../../src/ir/layer.js';
import { depthwiseCnn, skipCnn } from '../graphs.js';

const g = skipCnn();
const dw = depthwiseCnn();
const layer = (graph: typeof g, name: string): Layer => graph.layers.find((l) => l.name === name) as Layer;
const knobs = (graph: typeof g, name: string, change: Partial<LayerKnobs>): LayerKnobs => ({ ...designPointOf(graph).layers[name], ...change });
const check = (graph: typeof g, name: string, change: Partial<LayerKnobs>, io: 'io_parallel' | 'io_stream' = 'io_parallel', backend = 'Vitis') =>
  checkLayerKnobs(layer(graph, name), knobs(graph, name, change), io, backend);

describe('layer legality, with reasons', () => {
  it('accepts the defaults', () => {
    for (const l of g.layers) expect(check(g, l.name, {})).toEqual([]);
  });
  it('refuses an invalid Resource reuse factor, saying hls4ml would snap it', () => {
    // fc: 144 (6×6×4) → 5; valid RFs are the divisors of 144 and 144·{1,5}.
    expect(check(g, 'fc', { strategy: 'resource', reuseFactor: 7 })).toEqual([
      { layer: 'fc', code: 'reuse-factor', message: 'reuse factor 7 is not valid for n_in=144, n_out=5 (hls4ml would snap it)' },
    ]);
    expect(check(g, 'fc', { strategy: 'resource', reuseFactor: 9 })).toEqual([]);
  });
  it('needs reuse factor 1 for distributed arithmetic', () => {
    expect(check(g, 'fc', { strategy: 'distributed_arithmetic', reuseFactor: 2 })[0]?.message).toBe('distributed_arithmetic needs reuse factor 1, got 2');
  });
  it('knows which strategies each kernel has', () => {
    expect(check(g, 'c1', { strategy: 'resource_unrolled', reuseFactor: 3 })[0]?.code).toBe('strategy');
    expect(check(g, 'c1', { strategy: 'resource_unrolled', reuseFactor: 3 }, 'io_stream')).toEqual([]);
    expect(check(dw, 'dw', { strategy: 'distributed_arithmetic' })[0]?.message).toMatch(/^strategy distributed_arithmetic is not implemented for DepthwiseConv2D/);
  });
  it('requires ParallelizationFactor to divide the output pixels', () => {
    expect(check(g, 'c1', { parallelizationFactor: 5 })[0]?.message).toMatch(/^ParallelizationFactor 5 must divide the 144 output pixels/);
    expect(check(g, 'c1', { parallelizationFactor: 12 })).toEqual([]);
  });
  it('flags Vivado HLS\'s unroll limit for Latency layers', () => {
    const v = check(g, 'fc', { parallelizationFactor: 1 }, 'io_parallel', 'Vivado');
    expect(v).toEqual([]);
    const big = check(g, 'c2', { parallelizationFactor: 144 }, 'io_parallel', 'Vivado');
    expect(big[0]?.code).toBe('unroll-limit');
    expect(big[0]?.message).toMatch(/Stop unrolling loop/);
  });
});
