/**
 * DSP and BRAM are hardware facts, not fits: exact on hls4ml's Resource formula for every valid reuse factor, and
 * exact on the real report rows (data/calibration/*.csv) whose configuration is known.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../../src/estimators/calibration/parameters.js';
import { gatherRecords } from '../../../src/estimators/calibration/read-inputs.js';
import { validReuseFactors } from '../../../src/estimators/legality/reuse-factor.js';
import { estimatorFor } from '../../../src/estimators/registry.js';
import { BLANK_SIGNATURE, type LayerSignature } from '../../../src/estimators/signature.js';
import { REPO_ROOT } from '../../helpers/shared.js';
import { join } from 'node:path';

const p = defaultParameters();
const dense = (nIn: number, nOut: number, rf: number, w = 16, strategy: LayerSignature['strategy'] = 'resource'): LayerSignature => ({
  ...BLANK_SIGNATURE, family: 'dense', label: 'Dense', strategy, ioType: 'io_parallel', reuseFactor: rf, nIn, nOut, nWeights: nIn * nOut,
  inputWidth: w, weightWidth: w, accumWidth: w, resultWidth: w, inPixels: 1, outPixels: 1, elements: nOut, channels: nOut,
});
const analytic = (s: LayerSignature) => estimatorFor(s).analytic(s, p);

describe('DSP on the Resource formula', () => {
  it('is ceil(n_in·n_out/RF) multipliers × slices per product, for every valid RF', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 9, max: 40 }), (nIn, nOut, w) => {
        for (const rf of validReuseFactors(nIn, nOut)) {
          const s = dense(nIn, nOut, rf, w);
          const per = Math.ceil(w / 27) * Math.ceil(w / 18);
          expect(analytic(s).dsp).toBe(Math.ceil((nIn * nOut) / rf) * per);
        }
      }),
      { numRuns: 60 },
    );
  });
  it('drops zero weights from the Latency allocation (multiplier_limit = ceil(N/RF) − floor(zeros/RF))', () => {
    const s = { ...dense(128, 3, 16, 16, 'latency'), zeroWeights: 288, weightsKnown: true };
    expect(analytic(s).dsp).toBe(24 - 18);
  });
  it('uses no DSP for a softmax whose multipliers are forced into fabric, and prices them as fabric bits', () => {
    const sm: LayerSignature = { ...BLANK_SIGNATURE, family: 'softmax', label: 'Softmax', strategy: 'latency', ioType: 'io_parallel', reuseFactor: 1, inputWidth: 16, resultWidth: 16, tableSize: 1024, tableWidth: 18, inPixels: 1, outPixels: 1, elements: 10, channels: 10 };
    expect(analytic(sm).dsp).toBeGreaterThan(0);
    expect(analytic(sm).features.fabricMulBits).toBe(0);
    const fabric = analytic({ ...sm, mulImpl: 'fabric' });
    expect(fabric.dsp).toBe(0);
    expect(fabric.features.fabricMulBits).toBe(10 * 18 * 18);
  });
  it('counts fewer used weight bits for constant products of wider layers (trained weights shrink with the fan)', () => {
    for (const tool of ['vivado_hls', 'vitis_hls'] as const) {
      const bits = (nIn: number, nOut: number) => {
        const f = analytic({ ...dense(nIn, nOut, 1, 8, 'latency'), tool }).features;
        return (f.shiftAddBits + f.fabricMulBits) / (nIn * nOut);
      };
      expect(bits(128, 128), tool).toBeLessThan(bits(8, 8));
    }
  });
  it('gives Vitis HLS fewer Latency DSPs on wider layers (smaller trained weights have fewer signed digits)', () => {
    const share = (nIn: number, nOut: number) => analytic({ ...dense(nIn, nOut, 1, 8, 'latency'), tool: 'vitis_hls', weightInteger: 2 }).dsp / (nIn * nOut);
    expect(share(10, 5)).toBeGreaterThan(share(32, 32));
    expect(share(32, 32)).toBeGreaterThan(share(196, 56));
  });
  it('puts narrow constant products in fabric under Vivado HLS but not under Vitis HLS', () => {
    const s = { ...dense(10, 5, 1, 8, 'latency'), weightInteger: 1 };
    expect(analytic({ ...s, tool: 'vivado_hls' }).dsp).toBe(0);
    expect(analytic({ ...s, tool: 'vitis_hls' }).dsp).toBeGreaterThan(0);
  });
  it('uses no DSP for distributed arithmetic or narrow generic products', () => {
    expect(analytic(dense(16, 16, 1, 16, 'distributed_arithmetic')).dsp).toBe(0);
    expect(analytic(dense(16, 16, 4, 8)).dsp).toBe(0);
  });
});

describe('BRAM of a Resource weight ROM, by hand', () => {
  it('is block_factor·w bits wide and RF deep, in 36-bit columns', () => {
    // 64×32 at RF 32: block factor 64, 16-bit → 1024-bit words, 32 deep → 28 full columns + 16 bits → 29.
    expect(analytic(dense(64, 32, 32)).bram18).toBe(29);
    // RF 1 keeps weights in registers; a 576-bit ROM (36 weights) stays in LUTs.
    expect(analytic(dense(64, 32, 1)).bram18).toBe(0);
    expect(analytic(dense(6, 6, 3)).bram18).toBe(0);
  });
});

describe('DSP and BRAM on real report rows', async () => {
  const dir = join(REPO_ROOT, 'data', 'calibration');
  const { records } = await gatherRecords(['synth_reports.csv', 'synth_layers.csv', 'synth_subreports.csv'].map((f) => join(dir, f)));
  // Stock Resource layers with 16-bit operands; LFADS report_32bits was synthesised with 32-bit types while its
  // committed config says 16 bits (config ≠ report, see the data README).
  const resource = records.filter((r) => r.signature.strategy === 'resource' && r.signature.weightWidth === 16 && r.signature.inputWidth === 16 && !r.project.endsWith('report_32bits'));
  it('has the rows', () => expect(resource.length).toBeGreaterThanOrEqual(15));
  it('predicts every Resource DSP count exactly', () => {
    for (const r of resource) expect(analytic(r.signature).dsp, r.source).toBe(r.measured.dsp);
  });
  it('predicts the Resource weight-ROM BRAM exactly where the ROM is at most 512 deep', () => {
    for (const r of resource.filter((x) => x.signature.reuseFactor <= 512)) expect(analytic(r.signature).bram18, r.source).toBe(r.measured.bram18);
  });
  it('is within 30 % on unpruned RF 1 Latency rows with 16-bit operands and exact on most where the limit binds', () => {
    const rows = records.filter((r) => r.signature.strategy === 'latency' && r.signature.weightWidth === 16 && r.signature.inputWidth === 16 && ['dense', 'conv2d'].includes(r.signature.family));
    expect(rows.length).toBeGreaterThan(10);
    // Unpruned: the committed hls4ml_prj next to the pruning studies holds a pruned model (zero counts unknown here).
    const full = rows.filter((r) => r.signature.reuseFactor === 1 && r.signature.tool === 'vivado_hls' && !/prun|\/models\/hls4ml_prj$/i.test(r.project));
    expect(full.length).toBeGreaterThanOrEqual(5);
    for (const r of full) expect(Math.abs(analytic(r.signature).dsp / (r.measured.dsp ?? 1) - 1), r.source).toBeLessThanOrEqual(0.3);
    const binding = rows.filter((r) => r.signature.reuseFactor > 1 && !/prun/i.test(r.project));
    const exact = binding.filter((r) => analytic(r.signature).dsp === r.measured.dsp).length;
    expect(exact / binding.length).toBeGreaterThanOrEqual(0.7);
  });
});
