/**
 * Every registered estimator, on random signatures of its families and every strategy × io type it covers, with the
 * shipped calibration and with priors only: figures finite and non-negative, lo ≤ mean ≤ hi, II ≥ 1; Resource DSP
 * never increases with the reuse factor.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCalibration } from '../../src/estimators/calibration/load.js';
import { validReuseFactors } from '../../src/estimators/legality/reuse-factor.js';
import { estimatorRegistry, estimatorFor } from '../../src/estimators/registry.js';
import { BLANK_SIGNATURE, type LayerFamily, type LayerSignature } from '../../src/estimators/signature.js';
import { RESOURCE_TARGETS, type Calibration } from '../../src/estimators/types.js';
import { STRATEGIES } from '../../src/ir/layer.js';

const EMPTY: Calibration = { id: 'priors', provenance: { tool: '', partFamily: '', sources: [], createdBy: 'test' }, models: {}, parameters: {} };
const CALIBRATIONS: readonly Calibration[] = [defaultCalibration(), EMPTY];

const signature = fc
  .record({
    k: fc.integer({ min: 1, max: 5 }),
    c: fc.integer({ min: 1, max: 16 }),
    f: fc.integer({ min: 1, max: 16 }),
    h: fc.integer({ min: 1, max: 24 }),
    w: fc.integer({ min: 5, max: 24 }),
    rf: fc.integer({ min: 1, max: 64 }),
    bits: fc.integer({ min: 2, max: 32 }),
    zeros: fc.double({ min: 0, max: 1, noNaN: true }),
    clock: fc.constantFrom(2.5, 3.33, 5, 10),
    dspType: fc.constantFrom('DSP48E1', 'DSP48E2', 'DSP58'),
  })
  .map((r) => (family: LayerFamily): LayerSignature => {
    const kh = Math.min(r.k, r.h);
    const outH = r.h - kh + 1;
    const outW = r.w - r.k + 1;
    const nIn = family === 'dense' ? r.c * r.k : r.k * kh * r.c;
    const nWeights = nIn * r.f;
    return {
      ...BLANK_SIGNATURE, family, label: family, reuseFactor: r.rf, nIn, nOut: r.f, nWeights, zeroWeights: Math.floor(nWeights * r.zeros * 0.5),
      weightsKnown: true, inputWidth: r.bits, inputInteger: 4, weightWidth: r.bits, weightInteger: 2, accumWidth: r.bits + 4, accumInteger: 8,
      resultWidth: r.bits, inHeight: r.h, inWidth: r.w, nChan: r.c, filtHeight: kh, filtWidth: r.k, nFilt: r.f, outHeight: outH, outWidth: outW,
      inPixels: r.h * r.w, outPixels: family === 'dense' ? 1 : outH * outW, elements: outH * outW * r.f, channels: r.f, units: r.f,
      sequenceLength: r.h, clockNs: r.clock, dspType: r.dspType as LayerSignature['dspType'], tableWidth: r.bits,
    };
  });

describe('estimator conformance', () => {
  for (const est of estimatorRegistry) {
    it(`${est.id}: finite, non-negative, lo ≤ mean ≤ hi on every covered strategy × io type`, () => {
      fc.assert(
        fc.property(signature, (make) => {
          for (const family of est.families) {
            for (const strategy of STRATEGIES) {
              for (const ioType of ['io_parallel', 'io_stream'] as const) {
                const sig = { ...make(family), strategy, ioType };
                if (!est.covers(sig)) continue;
                for (const cal of CALIBRATIONS) {
                  const e = est.estimateSignature(sig, cal);
                  for (const t of RESOURCE_TARGETS) {
                    const iv = e.resources[t];
                    expect(Number.isFinite(iv.mean) && iv.lo >= 0, `${est.id} ${t}`).toBe(true);
                    expect(iv.lo <= iv.mean && iv.mean <= iv.hi, `${est.id} ${t} ${JSON.stringify(iv)}`).toBe(true);
                  }
                  const l = e.latencyCycles;
                  expect(Number.isFinite(l.mean) && l.lo >= 0 && l.lo <= l.mean && l.mean <= l.hi).toBe(true);
                  expect(Number.isInteger(e.iiCycles) && e.iiCycles >= 1).toBe(true);
                }
              }
            }
          }
        }),
        { numRuns: 25 },
      );
    });
  }

  it('Resource DSP never increases with the reuse factor (dense and conv)', () => {
    fc.assert(
      fc.property(signature, (make) => {
        for (const family of ['dense', 'conv2d'] as const) {
          const base = { ...make(family), strategy: 'resource' as const, zeroWeights: 0 };
          let last = Number.POSITIVE_INFINITY;
          for (const rf of validReuseFactors(base.nIn, base.nOut)) {
            const sig = { ...base, reuseFactor: rf };
            const dsp = estimatorFor(sig).estimateSignature(sig, defaultCalibration()).resources.dsp.mean;
            expect(dsp).toBeLessThanOrEqual(last);
            last = dsp;
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a combination no kernel implements, naming the triple', () => {
    const sig = { ...BLANK_SIGNATURE, family: 'depthwise' as const, label: 'DepthwiseConv2D', strategy: 'distributed_arithmetic' as const };
    expect(() => estimatorFor(sig, 'dw1')).toThrow("layer 'dw1': no estimator for (DepthwiseConv2D, distributed_arithmetic, io_parallel)");
  });
});
