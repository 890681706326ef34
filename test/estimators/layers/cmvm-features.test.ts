/**
 * Feature record of matrix kernels: which registers a kernel holds. The unrolled (Latency) kernel registers its
 * input port; the Resource kernel's ReuseLoop reads the input array through a multiplexer and holds no copy of it.
 */
import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../../src/estimators/calibration/parameters.js';
import { multipliers, scaleMultipliers, sumMultipliers } from '../../../src/estimators/layers/cmvm.js';
import { mulCoreBits } from '../../../src/estimators/layers/cmvm-features.js';
import { estimatorFor } from '../../../src/estimators/registry.js';
import { BLANK_SIGNATURE, type LayerSignature } from '../../../src/estimators/signature.js';

const p = defaultParameters();
const dense = (extra: Partial<LayerSignature>): LayerSignature => ({
  ...BLANK_SIGNATURE, family: 'dense', label: 'dense', nIn: 2048, nOut: 10, nWeights: 20480, elements: 10, channels: 10,
  inputWidth: 8, weightWidth: 8, ioType: 'io_stream', strategy: 'resource', reuseFactor: 20480, clockNs: 10,
  dspType: 'DSP48E1', partFamily: '7series', tool: 'vivado_hls', ...extra,
});
const features = (s: LayerSignature) => estimatorFor(s).analytic(s, p).features;

describe('matrix-kernel input registers', () => {
  it('counts no input register bits for a Resource kernel (hls4ml-live-demo 2048×10 kernel: 531 FF in all)', () => {
    expect(features(dense({ inPixels: 0 })).inBits).toBe(0);
  });
  it('counts n_in × input bits for a Latency kernel, which registers its input port', () => {
    expect(features(dense({ strategy: 'latency', ioType: 'io_parallel', nIn: 10, nOut: 5, nWeights: 50, reuseFactor: 1 })).inBits).toBe(80);
  });
  it('keeps the io_stream input array that DataPrepare fills as its own feature', () => {
    expect(features(dense({ inPixels: 256 })).streamBits).toBe(2048 * 8);
  });
});

describe('kernels side by side', () => {
  it('sums two kernels field by field and scales one by its copies', () => {
    const a = multipliers(dense({ strategy: 'latency', ioType: 'io_parallel', nIn: 10, nOut: 5, reuseFactor: 1 }), 50, 0, 0, 1, p);
    const b = multipliers(dense({ strategy: 'resource', ioType: 'io_parallel', nIn: 4, nOut: 4, reuseFactor: 2 }), 16, 0, 0, 2, p);
    const sum = sumMultipliers(a, b);
    for (const k of Object.keys(a) as (keyof typeof a)[]) expect(sum[k], k).toBe(a[k] + b[k]);
    const three = scaleMultipliers(a, 3);
    for (const k of Object.keys(a) as (keyof typeof a)[]) expect(three[k], k).toBe(a[k] * 3);
    expect(scaleMultipliers(a, 1)).toBe(a);
  });
  it('prices every ParallelizationFactor copy of an io_parallel depthwise kernel, not only its DSPs', () => {
    const dw = (pf: number): LayerSignature => ({
      ...BLANK_SIGNATURE, family: 'depthwise', label: 'DepthwiseConv2D', strategy: 'latency', ioType: 'io_parallel', reuseFactor: 1, parallelization: pf,
      nIn: 9, nOut: 1, nWeights: 36, filtHeight: 3, filtWidth: 3, nFilt: 4, nChan: 4, inHeight: 8, inWidth: 8, outHeight: 6, outWidth: 6,
      inPixels: 64, outPixels: 36, elements: 144, channels: 4,
    });
    const one = estimatorFor(dw(1)).analytic(dw(1), p);
    const two = estimatorFor(dw(2)).analytic(dw(2), p);
    expect(two.dsp).toBe(2 * one.dsp);
    expect(two.features.addBits).toBe(2 * one.features.addBits);
  });
});

describe('registers of pipelined multiplier cores', () => {
  const latency = (extra: Partial<LayerSignature>): LayerSignature =>
    dense({ strategy: 'latency', ioType: 'io_parallel', nIn: 32, nOut: 5, nWeights: 160, reuseFactor: 1, inputWidth: 16, weightWidth: 16, accumWidth: 16, clockNs: 5, ...extra });
  it('counts 2 × (input + weight bits) per DSP core when Vivado HLS registers the core (7-series at 5 ns)', () => {
    expect(mulCoreBits(latency({}), 104)).toBe(104 * 64);
    expect(features(latency({})).mulCoreBits).toBe(features(latency({})).dspMultipliers * 64);
  });
  it('counts none at slow clocks, on faster families, for Vitis HLS (registers inside the DSP48) or without DSPs', () => {
    expect(mulCoreBits(latency({ clockNs: 10 }), 104)).toBe(0);
    expect(mulCoreBits(latency({ partFamily: 'ultrascale+' }), 104)).toBe(0);
    expect(mulCoreBits(latency({ tool: 'vitis_hls', clockNs: 3.33 }), 104)).toBe(0);
    expect(mulCoreBits(latency({}), 0)).toBe(0);
  });
});

describe('adder-tree terms of an unrolled Latency kernel', () => {
  const latency = (extra: Partial<LayerSignature>): LayerSignature =>
    dense({ strategy: 'latency', ioType: 'io_parallel', nIn: 10, nOut: 5, nWeights: 50, reuseFactor: 1, tool: 'vitis_hls', clockNs: 5, accumWidth: 16, weightsKnown: true, zeroWeights: 10, pow2Weights: 15, ...extra });
  it('counts every non-zero weight, ±2^k included, × accumulator bits', () => {
    expect(features(latency({})).termBits).toBe(40 * 16);
    // The ±2^k weights are no products, but still terms of the sums.
    expect(features(latency({})).addBits).toBeLessThan(40 * 16);
  });
  it('is 0 for io_stream and Resource kernels', () => {
    expect(features(latency({ ioType: 'io_stream' })).termBits).toBe(0);
    expect(features(latency({ strategy: 'resource' })).termBits).toBe(0);
  });
});
