/**
 * Feature record of matrix kernels: which registers a kernel holds. The unrolled (Latency) kernel registers its
 * input port; the Resource kernel's ReuseLoop reads the input array through a multiplexer and holds no copy of it.
 */
import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../../src/estimators/calibration/parameters.js';
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
