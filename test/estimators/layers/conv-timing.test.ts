/**
 * The Latency kernel of io_stream Dense and Conv layers (hls4ml `dense_latency` under PIPELINE II=RF with an
 * ALLOCATION limit on multipliers): Vivado HLS turns two-digit constants into shift-and-add logic before
 * scheduling, so only the rest wait for the shared cores (real rows: pominiq/DNNonSilicon nested kernels).
 */
import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../../src/estimators/calibration/parameters.js';
import { multipliers } from '../../../src/estimators/layers/cmvm.js';
import { latencyPixelCycles } from '../../../src/estimators/layers/conv-timing.js';
import { sharedKernelCycles, sharedMultiplications } from '../../../src/estimators/layers/kernel-timing.js';
import { BLANK_SIGNATURE, type LayerSignature } from '../../../src/estimators/signature.js';

const p = defaultParameters();
/** pominiq MNIST_R16 first conv: 3×3×1 → 4 filters, 36 weights, 3 of them two-digit constants. */
const conv = (extra: Partial<LayerSignature>): LayerSignature => ({
  ...BLANK_SIGNATURE, family: 'conv2d', label: 'conv_2d_cl', strategy: 'latency', ioType: 'io_stream', reuseFactor: 16,
  nIn: 9, nOut: 4, nWeights: 36, inHeight: 28, inWidth: 28, filtHeight: 3, filtWidth: 3, nFilt: 4, inPixels: 784, outPixels: 676,
  clockNs: 25, partFamily: '7series', dspType: 'DSP48E1', tool: 'vivado_hls',
  weightsKnown: true, weightDigitCounts: [0, 0, 3, 7, 18, 7, 1], weightDistinctDigitCounts: [0, 0, 3, 7, 18, 7, 1], ...extra,
});
const m = (s: LayerSignature) => multipliers(s, s.nIn * s.nOut, s.zeroWeights, s.pow2Weights, s.reuseFactor, p);

describe('shared Latency kernel', () => {
  it('shares only the constants with three or more signed digits under Vivado HLS (33 of 36)', () => {
    const s = conv({});
    expect(m(s).candidates).toBe(36);
    expect(sharedMultiplications(s, m(s), p)).toBe(33);
    // Without parameters (callers that do not refine it) every candidate.
    expect(sharedMultiplications(s, m(s))).toBe(36);
  });
  it('takes ⌈33/3⌉ − 1 = 10 cycles at 25 ns and one more at 10 ns', () => {
    expect(sharedKernelCycles(conv({}), m(conv({})), p)).toBe(10);
    const fast = conv({ clockNs: 10 });
    expect(sharedKernelCycles(fast, m(fast), p)).toBe(11);
  });
  it('runs a pixel in kernel + 3 cycles, at most RF (784 × 13 + 2 = 10194), one at RF 1', () => {
    expect(latencyPixelCycles(conv({}), m(conv({})), p)).toBe(13);
    const rf8 = conv({ reuseFactor: 8 });
    expect(latencyPixelCycles(rf8, m(rf8), p)).toBe(8);
    const rf1 = conv({ reuseFactor: 1 });
    expect(latencyPixelCycles(rf1, m(rf1), p)).toBe(1);
  });
});
