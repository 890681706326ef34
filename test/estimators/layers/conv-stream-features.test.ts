/**
 * io_stream convolutions: the line buffer is reported per `ap_shift_reg` (64 FF, ≈ 32 LUT per SRL slice) whatever
 * its word width, a Resource kernel multiplexes min(RF, n_in) window values into each multiplier, and a Latency
 * kernel that shares multipliers (II = RF > 1) holds its products in registers (conv-timing.ts).
 */
import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../../src/estimators/calibration/parameters.js';
import { multipliers } from '../../../src/estimators/layers/cmvm.js';
import { accFileBits, streamKernelFeatures } from '../../../src/estimators/layers/conv-timing.js';
import { estimatorFor } from '../../../src/estimators/registry.js';
import { BLANK_SIGNATURE, type LayerSignature } from '../../../src/estimators/signature.js';

const p = defaultParameters();
const conv = (h: number, c: number, f: number, extra: Partial<LayerSignature>): LayerSignature => ({
  ...BLANK_SIGNATURE, family: 'conv2d', label: 'conv_2d_cl', ioType: 'io_stream', strategy: 'resource',
  inHeight: h, inWidth: h, nChan: c, filtHeight: 3, filtWidth: 3, nFilt: f, outHeight: h - 2, outWidth: h - 2,
  inPixels: h * h, outPixels: (h - 2) ** 2, nIn: 9 * c, nOut: f, nWeights: 9 * c * f, channels: f, elements: (h - 2) ** 2 * f,
  dspType: 'DSP48E1', partFamily: '7series', ...extra,
});
const features = (s: LayerSignature) => streamKernelFeatures(s, multipliers(s, s.nIn * s.nOut, 0, 0, s.reuseFactor, p));

describe('accFileBits', () => {
  it('counts every accumulator bit of a Resource kernel with RF > n_in (run-time output index), none otherwise', () => {
    // live-demo 3×3×32 → 32 filters at RF 9216: 32 accumulators of 14 bits behind write-select multiplexers.
    expect(features(conv(12, 32, 32, { reuseFactor: 9216, inputWidth: 8, accumWidth: 14 })).accFileBits).toBe(32 * 14);
    expect(accFileBits(conv(6, 1, 4, { reuseFactor: 36, accumWidth: 16 }))).toBe(4 * 16);
    // RF = n_in and RF < n_in: each multiplier feeds fixed accumulators.
    expect(accFileBits(conv(6, 1, 4, { reuseFactor: 9, accumWidth: 16 }))).toBe(0);
    expect(accFileBits(conv(6, 4, 8, { reuseFactor: 4, accumWidth: 16 }))).toBe(0);
    expect(accFileBits(conv(6, 1, 4, { reuseFactor: 36, accumWidth: 16, strategy: 'latency' }))).toBe(0);
  });
  it('is a Dense io_stream LUT feature too, zero in io_parallel', () => {
    const dense = (io: 'io_stream' | 'io_parallel'): LayerSignature => ({
      ...BLANK_SIGNATURE, family: 'dense', label: 'dense', ioType: io, strategy: 'resource', nIn: 32, nOut: 10,
      nWeights: 320, channels: 10, elements: 10, reuseFactor: 64, inputWidth: 16, weightWidth: 16, accumWidth: 16,
      resultWidth: 16, dspType: 'DSP48E1', partFamily: '7series',
    });
    const est = estimatorFor(dense('io_stream'));
    expect(est?.analytic(dense('io_stream'), p).features.accFileBits).toBe(160);
    expect(est?.analytic(dense('io_parallel'), p).features.accFileBits).toBe(0);
    expect(est?.fitFeatures.lut).toContain('accFileBits');
  });
});

describe('streamKernelFeatures', () => {
  it('counts (K_h−1)·C line-buffer registers, one SRL slice each per 32 words of the line, whatever the width', () => {
    const narrow = features(conv(18, 8, 4, { reuseFactor: 72, inputWidth: 8 }));
    const wide = features(conv(18, 8, 4, { reuseFactor: 72, inputWidth: 32 }));
    expect(narrow.lineRegs).toBe(16);
    expect(wide.lineRegs).toBe(16);
    expect(wide.lineSrl).toBe(16);
    // A 34-pixel line needs two 32-deep slices per register (ChiRuiChen 34×34×8: 768 LUT vs 512 at 18×18×8).
    expect(features(conv(34, 8, 1, { reuseFactor: 72, inputWidth: 32 })).lineSrl).toBe(32);
  });
  it('has no line buffer for a one-row kernel, and nothing at all in io_parallel', () => {
    expect(features(conv(8, 4, 4, { filtHeight: 1, nIn: 12, reuseFactor: 12 })).lineRegs).toBe(0);
    expect(features(conv(8, 4, 4, { ioType: 'io_parallel', reuseFactor: 4 }))).toEqual({ lineRegs: 0, lineSrl: 0, inMuxBits: 0, holdBits: 0, counters: 0, accFileBits: 0, frameRegBits: 0 });
  });
  it('multiplexes min(RF, n_in) inputs once per distinct input index of the Resource multipliers (72 inputs, RF 72: 72 × 32 bits)', () => {
    expect(features(conv(34, 8, 1, { reuseFactor: 72, inputWidth: 32, weightWidth: 32 })).inMuxBits).toBe(72 * 32);
    // RF 9 over 36 inputs and 8 filters: 32 multipliers, but only 36/9 = 4 distinct 9:1 selections among them.
    expect(features(conv(6, 4, 8, { reuseFactor: 9 })).inMuxBits).toBe(4 * 9 * 16);
    // RF 36 over 36 inputs: every multiplier reads the same input in a step, one 36:1 multiplexer.
    expect(features(conv(6, 4, 8, { reuseFactor: 36 })).inMuxBits).toBe(36 * 16);
    expect(features(conv(6, 4, 8, { reuseFactor: 1 })).inMuxBits).toBe(0);
  });
  it('holds the products of a Latency kernel only when its multipliers are shared', () => {
    const lat = (rf: number) => features(conv(6, 4, 8, { strategy: 'latency', reuseFactor: rf, weightsKnown: true }));
    expect(lat(1).holdBits).toBe(0);
    expect(lat(1).inMuxBits).toBe(0);
    expect(lat(16).holdBits).toBe(288 * 16);
    expect(lat(16).inMuxBits).toBeGreaterThan(0);
  });
  it('counts the 32-bit pixel/stride counters of the window logic: four in 2D, two in 1D', () => {
    expect(features(conv(8, 4, 4, { reuseFactor: 4 })).counters).toBe(4);
    expect(features(conv(8, 4, 4, { filtHeight: 1, nIn: 12, reuseFactor: 12 })).counters).toBe(2);
  });
  it('reaches the conv estimator features and drops the storage-bit line buffer from its LUT/FF models', () => {
    const s = conv(34, 8, 1, { reuseFactor: 72, inputWidth: 32, weightWidth: 32 });
    const est = estimatorFor(s);
    expect(est.analytic(s, p).features.lineSrl).toBe(32);
    expect(est.fitFeatures.lut).toContain('lineSrl');
    expect(est.fitFeatures.lut).not.toContain('lineBits');
    expect(est.fitFeatures.lut).toContain('counters');
    expect(est.fitFeatures.ff).toContain('frameRegBits');
  });
});
