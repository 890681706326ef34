/**
 * Features of the io_stream element-wise layers describe what the kernels build per pixel: registers only at the
 * pipeline-stage boundaries of the loop body, a loop counter, and per-channel costs of the packed word.
 */
import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../../src/estimators/calibration/parameters.js';
import { estimatorFor } from '../../../src/estimators/registry.js';
import { BLANK_SIGNATURE, type LayerSignature } from '../../../src/estimators/signature.js';

const p = defaultParameters();
const features = (s: LayerSignature) => estimatorFor(s).analytic(s, p).features;
const image = (h: number, w: number, c: number, extra: Partial<LayerSignature>): LayerSignature => ({
  ...BLANK_SIGNATURE, ioType: 'io_stream', inHeight: h, inWidth: w, nChan: c, nFilt: c, outHeight: h, outWidth: w,
  inPixels: h * w, outPixels: h * w, elements: h * w * c, channels: c, ...extra,
});

describe('io_stream element-wise features', () => {
  it('gives a ReLU stream no output-register bits of its own, only stage registers and a counter', () => {
    const f = features(image(4, 4, 8, { family: 'activation', label: 'relu', activation: 'relu', clockNs: 10, partFamily: '7series' }));
    expect(f.parallelBits).toBe(0);
    expect(f.stageBits).toBe(128);
    expect(f.counterBits).toBe(5);
    expect(f.lanes).toBe(8);
  });
  it('gives a single-word ReLU stream (after a Dense) no stage registers', () => {
    const f = features({ ...BLANK_SIGNATURE, family: 'activation', label: 'relu', activation: 'relu', ioType: 'io_stream', channels: 10, elements: 10, partFamily: '7series', clockNs: 10 });
    expect(f.stageBits).toBe(0);
    expect(f.counterBits).toBe(0);
  });
  it('keeps io_parallel ReLU output bits as before', () => {
    const f = features({ ...BLANK_SIGNATURE, family: 'activation', label: 'relu', activation: 'relu', elements: 10, channels: 10 });
    expect(f.parallelBits).toBe(10 * 32);
    expect(f.stageBits).toBe(0);
  });
  it('counts zero-padding per channel and by the padded image size', () => {
    const f = features(image(32, 32, 8, { family: 'zeropad', label: 'zeropad2d', inputWidth: 32, resultWidth: 32 }));
    expect(f.lanes).toBe(8);
    expect(f.counterBits).toBe(11); // 34 × 34 = 1156 words
  });
  it('registers the pooling window once per extra stage', () => {
    const s = image(4, 4, 8, { family: 'pooling', label: 'pooling2d', filtHeight: 2, filtWidth: 2, strideHeight: 2, strideWidth: 2, outHeight: 2, outWidth: 2, outPixels: 4, clockNs: 10, partFamily: '7series' });
    expect(features(s).stageBits).toBe(2 * 4 * 8 * 16);
    expect(features({ ...s, clockNs: 25 }).stageBits).toBe(0);
  });
});
