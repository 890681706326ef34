/**
 * io_stream timing is structural: a pixel loop of known trip count and II plus a few cycles. The analytic counts
 * reproduce real csynth rows (data/calibration/synth_layers.csv), and the calibration adds a fitted offset to such
 * counts instead of rescaling them.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitModels, prepareRecords } from '../../../src/estimators/calibration/fit-models.js';
import { defaultParameters } from '../../../src/estimators/calibration/parameters.js';
import { gatherRecords } from '../../../src/estimators/calibration/read-inputs.js';
import { estimatorFor } from '../../../src/estimators/registry.js';
import { BLANK_SIGNATURE, type LayerSignature } from '../../../src/estimators/signature.js';
import { REPO_ROOT } from '../../helpers/shared.js';

const p = defaultParameters();
const analytic = (s: LayerSignature) => estimatorFor(s).analytic(s, p);
const image = (h: number, w: number, c: number, extra: Partial<LayerSignature>): LayerSignature => ({
  ...BLANK_SIGNATURE, ioType: 'io_stream', inHeight: h, inWidth: w, nChan: c, nFilt: c, outHeight: h, outWidth: w,
  inPixels: h * w, outPixels: h * w, elements: h * w * c, channels: c, ...extra,
});

describe('io_stream analytic timing', () => {
  it('streams one pixel per cycle through a ReLU (1024 px, 32 bit at 5 ns → 1028; 676 px at 25 ns → 678)', () => {
    const relu = { family: 'activation', label: 'relu', activation: 'relu', partFamily: '7series' } as const;
    expect(analytic(image(32, 32, 1, { ...relu, inputWidth: 32, resultWidth: 32, clockNs: 5 })).latency).toBe(1028);
    expect(analytic(image(26, 26, 4, { ...relu, clockNs: 25 })).latency).toBe(678);
  });
  it('chains the ReLU read/select/write into fewer stages on a faster part (676 px at 10 ns: 679 on xc7z020, 678 on xcu50)', () => {
    const relu = { family: 'activation', label: 'relu', activation: 'relu', clockNs: 10 } as const;
    const slow = analytic(image(26, 26, 4, { ...relu, partFamily: '7series' }));
    const fast = analytic(image(26, 26, 4, { ...relu, partFamily: 'ultrascale+' }));
    expect(slow.latency).toBe(679);
    expect(fast.latency).toBe(678);
    // The extra stage registers one word (4 channels × 16 bits); the one-stage loop holds none.
    expect(slow.features.stageBits).toBe(64);
    expect(fast.features.stageBits).toBe(0);
  });
  it('chains the pooling tree by clock and part (26×26×4, 4×4 pool: 681 / 679 / 678; 4×4×8, 2×2: 20 / 18)', () => {
    const pool = (h: number, c: number, k: number, clockNs: number, partFamily: '7series' | 'ultrascale+') =>
      analytic(image(h, h, c, { family: 'pooling', label: 'pooling2d', filtHeight: k, filtWidth: k, strideHeight: k, strideWidth: k, outHeight: Math.floor(h / k), outWidth: Math.floor(h / k), outPixels: Math.floor(h / k) ** 2, clockNs, partFamily })).latency;
    expect(pool(26, 4, 4, 10, '7series')).toBe(681);
    expect(pool(26, 4, 4, 25, '7series')).toBe(679);
    expect(pool(26, 4, 4, 10, 'ultrascale+')).toBe(679);
    expect(pool(26, 4, 4, 25, 'ultrascale+')).toBe(678);
    expect(pool(4, 8, 2, 10, '7series')).toBe(20);
    expect(pool(4, 8, 2, 25, '7series')).toBe(18);
  });
  it('pipelines a single-word table activation at II 1 (tanh over 10 channels → latency 3, II 1)', () => {
    const a = analytic({ ...BLANK_SIGNATURE, family: 'table-activation', label: 'tanh', activation: 'tanh', ioType: 'io_stream', channels: 10, elements: 10, clockNs: 10, partFamily: '7series' });
    expect(a.latency).toBe(3);
    expect(a.ii).toBe(1);
    expect(a.iiAfterLatency).toBeUndefined();
  });
  it('pads a 32×32 image to 34×34 when the signature does not carry the padding (→ 1159)', () => {
    const a = analytic(image(32, 32, 1, { family: 'zeropad', label: 'zeropad2d', inputWidth: 32, resultWidth: 32, clockNs: 5 }));
    expect(a.latency).toBe(1159);
    expect(a.ii).toBe(1159);
  });
  it('pools 32-bit pixels at two cycles each at 5 ns (8×8×4, 2×2 pool → 132)', () => {
    const s = image(8, 8, 4, { family: 'pooling', label: 'pooling2d', filtHeight: 2, filtWidth: 2, outHeight: 4, outWidth: 4, outPixels: 16, inputWidth: 32, resultWidth: 32, clockNs: 5, partFamily: '7series' });
    expect(analytic(s).latency).toBe(132);
  });
  it('runs a Latency conv at one window per RF cycles plus 3 at RF 1 (28×28×1, 3×3×4 → 787)', () => {
    const s = image(28, 28, 1, { family: 'conv2d', label: 'conv_2d_cl', strategy: 'latency', filtHeight: 3, filtWidth: 3, nFilt: 4, nIn: 9, nOut: 4, nWeights: 36, outHeight: 26, outWidth: 26, outPixels: 676, clockNs: 25 });
    expect(analytic(s).latency).toBe(787);
  });
});

describe('latency model of structural counts', () => {
  it('keeps the analytic cycles unscaled and adds an integer offset', async () => {
    const g = await gatherRecords([join(REPO_ROOT, 'data', 'calibration', 'synth_layers.csv')]);
    const table = fitModels(prepareRecords(g.records, p));
    for (const key of ['activation/-/io_stream', 'pooling/-/io_stream', 'zeropad/-/io_stream']) {
      const m = table[key]?.latency;
      expect(m, key).toBeDefined();
      expect(m?.coefficients[m.features.indexOf('cycles')], key).toBe(1);
      expect(Number.isInteger(m?.coefficients[m.features.indexOf('one')]), key).toBe(true);
    }
  });
  it('prefers the exact count to a rescaled line when whole-cycle predictions say so (Vitis HLS, 5 ns, real weights)', async () => {
    const files = ['synth_reports.csv', 'synth_layers.csv', 'synth_subreports.csv'].map((f) => join(REPO_ROOT, 'data', 'calibration', f));
    const table = fitModels(prepareRecords((await gatherRecords(files)).records, p));
    const m = table['dense/latency/io_parallel@vitis_hls:7series:5']?.latency;
    expect(m).toBeDefined();
    expect(m?.coefficients[m.features.indexOf('cycles')]).toBe(1);
    expect(Number.isInteger(m?.coefficients[m.features.indexOf('one')])).toBe(true);
  });
});
