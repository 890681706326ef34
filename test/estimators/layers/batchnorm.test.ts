/** BatchNormalization multipliers: constant scales that are zero or ±2^k need none (as in a Latency Dense). */
import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../../src/estimators/calibration/parameters.js';
import { estimatorFor } from '../../../src/estimators/registry.js';
import { BLANK_SIGNATURE, type LayerSignature } from '../../../src/estimators/signature.js';
import { weightStatsOf } from '../../../src/estimators/weight-stats.js';
import { fixed } from '../../../src/fixed/precision.js';
import { graphOf } from '../graphs.js';
import { tensor } from '../../../src/ir/tensor.js';

const p = defaultParameters();
const bn = (extra: Partial<LayerSignature> = {}): LayerSignature => ({
  ...BLANK_SIGNATURE, family: 'batchnorm', label: 'BatchNormalization', ioType: 'io_parallel', reuseFactor: 1,
  elements: 8, channels: 8, nIn: 8, nOut: 8, inputWidth: 16, weightWidth: 16, weightInteger: 6, tool: 'vivado_hls', ...extra,
});
const dsp = (s: LayerSignature) => estimatorFor(s).analytic(s, p).dsp;

describe('BatchNormalization DSP', () => {
  it('is one multiplier per element (ALLOCATION limit ceil(n/RF)) when the scales are unknown', () => {
    expect(dsp(bn())).toBe(8);
    expect(dsp(bn({ reuseFactor: 4 }))).toBe(2);
  });
  it('drops the elements whose known scale is zero or a power of two', () => {
    // 8 scales: 2 zero, 4 powers of two, 2 with two signed digits.
    const known = bn({ weightsKnown: true, zeroWeights: 2, pow2Weights: 4, weightDigitCounts: [0, 0, 2] });
    expect(dsp(known)).toBe(2);
    expect(dsp({ ...known, pow2Weights: 6, weightDigitCounts: [] })).toBe(0);
    // io_stream: still at least one cycle per pixel when no scale needs a multiplier.
    const s = { ...known, ioType: 'io_stream' as const, outPixels: 16, pow2Weights: 6, weightDigitCounts: [] };
    expect(estimatorFor(s).analytic(s, p).latency).toBeGreaterThanOrEqual(16);
  });
  it('counts the scales of a BatchNormalization layer in its weight statistics', () => {
    const g = graphOf('bn', [
      { name: 'in', kind: 'Input', sourceClass: 'Input', inputs: [], attrs: { shape: [4] } },
      { name: 'bn', kind: 'BatchNormalization', sourceClass: 'BatchNormalization', inputs: ['in'], params: { scale: tensor([4], Float32Array.from([0.5, 0, 0.75, -2])), bias: tensor([4], Float32Array.from([0, 0, 0, 0])) } },
    ]);
    const layer = g.layers.find((l) => l.kind === 'BatchNormalization');
    if (!layer) throw new Error('no batchnorm');
    expect(weightStatsOf(layer, fixed(8, 3))).toMatchObject({ weights: 4, zeros: 1, pow2: 2, digitCounts: [0, 0, 1] });
  });
});
