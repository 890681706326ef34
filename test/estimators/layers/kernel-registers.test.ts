/**
 * Registers of the matrix kernels of io_stream layers (kernel-registers.ts): a Latency kernel call without a cycle
 * boundary holds nothing, a registered one its products but not its ports, and the Resource ReuseLoop pipelines its
 * DSP multiplier cores where the iteration does not fit one cycle.
 */
import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../../src/estimators/calibration/parameters.js';
import { featureCap } from '../../../src/estimators/calibration/feature-caps.js';
import { multipliers } from '../../../src/estimators/layers/cmvm.js';
import { streamKernelFeatures } from '../../../src/estimators/layers/conv-timing.js';
import { ffFeatureName, kernelRegistered, plainFeatureName, registerFeatureName, registerView, resourceMulCoreBits, STREAM_LATENCY_KERNEL_REGISTERS } from '../../../src/estimators/layers/kernel-registers.js';
import { estimatorFor } from '../../../src/estimators/registry.js';
import { BLANK_SIGNATURE, type LayerSignature } from '../../../src/estimators/signature.js';

const p = defaultParameters();
const dense = (extra: Partial<LayerSignature>): LayerSignature => ({
  ...BLANK_SIGNATURE, family: 'dense', label: 'dense', nIn: 32, nOut: 10, nWeights: 320, elements: 10, channels: 10, inPixels: 4,
  ioType: 'io_stream', strategy: 'latency', reuseFactor: 16, clockNs: 25, dspType: 'DSP48E1', partFamily: '7series', tool: 'vivado_hls', ...extra,
});
const conv = (extra: Partial<LayerSignature>): LayerSignature => ({
  ...BLANK_SIGNATURE, family: 'conv2d', label: 'conv_2d_cl', ioType: 'io_stream', strategy: 'latency', reuseFactor: 1, clockNs: 25,
  inHeight: 6, inWidth: 6, nChan: 4, filtHeight: 3, filtWidth: 3, nFilt: 8, outHeight: 4, outWidth: 4, inPixels: 36, outPixels: 16,
  nIn: 36, nOut: 8, nWeights: 288, channels: 8, elements: 128, dspType: 'DSP48E1', partFamily: 'ultrascale+', tool: 'vivado_hls', ...extra,
});
const mult = (s: LayerSignature) => multipliers(s, s.nIn * s.nOut, s.zeroWeights, s.pow2Weights, s.reuseFactor, p);
const features = (s: LayerSignature) => estimatorFor(s).analytic(s, p).features;

describe('register features', () => {
  it('name the FF view of a kernel feature and leave the others', () => {
    expect(registerFeatureName('addBits')).toBe('regAddBits');
    expect(ffFeatureName('outBits')).toBe('regOutBits');
    expect(ffFeatureName('heldBits')).toBe('heldBits');
    expect(plainFeatureName(registerFeatureName('dspMultipliers'))).toBe('dspMultipliers');
    expect(plainFeatureName('regions')).toBeUndefined();
    expect(plainFeatureName('addBits')).toBeUndefined();
  });
  it('bound a register view by the bound of its feature', () => {
    expect(featureCap('ff', 'regOutBits')).toBe(featureCap('ff', 'outBits'));
    expect(featureCap('ff', 'regDspMultipliers')).toBe(featureCap('ff', 'dspMultipliers'));
  });
  it('copy the registered features and zero the rest', () => {
    const f = { addBits: 100, outBits: 20, inBits: 5 };
    expect(registerView(f, true)).toMatchObject({ regAddBits: 100, regOutBits: 20, regInBits: 5 });
    expect(registerView(f, false)).toMatchObject({ regAddBits: 0, regOutBits: 0, regInBits: 0 });
    expect(registerView(f, true, STREAM_LATENCY_KERNEL_REGISTERS)).toMatchObject({ regAddBits: 100, regOutBits: 0, regInBits: 0 });
  });
});

describe('kernelRegistered', () => {
  it('is false for an unshared RF 1 Latency stream kernel at 25 ns (pominiq: 0 FF), true when it shares cores', () => {
    const rf1 = dense({ reuseFactor: 1, partFamily: 'ultrascale+' });
    expect(kernelRegistered(rf1, mult(rf1), p)).toBe(false);
    const rf16 = dense({ reuseFactor: 16 });
    expect(kernelRegistered(rf16, mult(rf16), p)).toBe(true);
  });
  it('is always true for io_parallel and for the Resource strategy', () => {
    const par = dense({ reuseFactor: 1, ioType: 'io_parallel', inPixels: 0 });
    expect(kernelRegistered(par, mult(par), p)).toBe(true);
    const res = dense({ reuseFactor: 1, strategy: 'resource' });
    expect(kernelRegistered(res, mult(res), p)).toBe(true);
  });
  it('leaves a combinational stream Dense with only its DataPrepare input array, and a conv with its window logic', () => {
    const d = features(dense({ reuseFactor: 1, partFamily: 'ultrascale+' }));
    expect(d.regAddBits).toBe(0);
    expect(d.regOutBits).toBe(0);
    expect(d.heldBits).toBe(0);
    expect(d.streamBits).toBe(32 * 16);
    const c = features(conv({}));
    expect(c.regAddBits).toBe(0);
    expect(c.regInBits).toBe(0);
    // 2 rows × 4 channels of line buffers at 64 FF, a 3×3×4 window of 16-bit words, four 32-bit counters.
    expect(c.frameRegBits).toBe(8 * 64 + 36 * 16 + 4 * 32);
  });
  it('keeps a registered stream Latency kernel\'s products but not its ports', () => {
    const f = features(dense({ reuseFactor: 16 }));
    expect(f.regAddBits).toBe(f.addBits);
    expect(f.regOutBits).toBe(0);
    expect(f.regInBits).toBe(0);
  });
});

describe('resourceMulCoreBits', () => {
  it('pipelines the ReuseLoop cores on 7-series at 10 ns, not on UltraScale+ (pominiq 45–86 vs ≈ 7 FF per DSP)', () => {
    const s7 = dense({ strategy: 'resource', reuseFactor: 4, clockNs: 10 });
    expect(resourceMulCoreBits(s7, 80)).toBe(80 * 2 * 32);
    expect(resourceMulCoreBits({ ...s7, partFamily: 'ultrascale+' }, 80)).toBe(0);
  });
  it('is 0 for Vitis HLS, for other strategies and without DSP multipliers', () => {
    const s7 = dense({ strategy: 'resource', reuseFactor: 4, clockNs: 10 });
    expect(resourceMulCoreBits({ ...s7, tool: 'vitis_hls' }, 80)).toBe(0);
    expect(resourceMulCoreBits({ ...s7, strategy: 'latency' }, 80)).toBe(0);
    expect(resourceMulCoreBits(s7, 0)).toBe(0);
  });
  it('is what the Resource Dense reports as its mulCoreBits', () => {
    const s = dense({ strategy: 'resource', reuseFactor: 4, clockNs: 10 });
    expect(features(s).mulCoreBits).toBe(resourceMulCoreBits(s, mult(s).dspMultipliers));
  });
});

describe('streamKernelFeatures frameRegBits', () => {
  it('is 0 in io_parallel', () => {
    const s = conv({ ioType: 'io_parallel' });
    expect(streamKernelFeatures(s, mult(s)).frameRegBits).toBe(0);
  });
});
