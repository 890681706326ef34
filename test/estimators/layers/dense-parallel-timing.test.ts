/**
 * io_parallel Latency Dense timing: a structural count of the shared-multiplier rounds, the adder-tree stages over an
 * output's non-zero products and bias, and the DSP registers at fast clocks (cmvm.ts helpers, dense.ts).
 */
import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../../src/estimators/calibration/parameters.js';
import { adderTreeStages, dspRegisterStages, multipliers, sharedRounds, type Multipliers } from '../../../src/estimators/layers/cmvm.js';
import { estimatorFor } from '../../../src/estimators/registry.js';
import { BLANK_SIGNATURE, type LayerSignature } from '../../../src/estimators/signature.js';

const p = defaultParameters();
const analytic = (s: LayerSignature) => estimatorFor(s).analytic(s, p);
const dense = (extra: Partial<LayerSignature>): LayerSignature => ({
  ...BLANK_SIGNATURE, family: 'dense', label: 'dense', nIn: 32, nOut: 10, nWeights: 320, elements: 10, channels: 10,
  ioType: 'io_parallel', strategy: 'latency', reuseFactor: 1, clockNs: 5, tool: 'vitis_hls', dspType: 'DSP48E1',
  partFamily: '7series', inputWidth: 8, weightWidth: 8, weightInteger: 2, accumWidth: 16, resultWidth: 16, ...extra,
});
const mult = (candidates: number, limit: number, dspMultipliers = candidates): Multipliers => ({
  limit, products: candidates, candidates, dspMultipliers, fabricMultipliers: 0, shiftAddProducts: 0, shiftAddAdders: 0, dsp: dspMultipliers,
});

describe('sharedRounds', () => {
  it('is one round at RF 1 and when every candidate has its own core', () => {
    expect(sharedRounds(mult(120, 320), 1)).toBe(1);
    expect(sharedRounds(mult(120, 160), 2)).toBe(1);
  });
  it('is ceil(candidates / limit), at most RF', () => {
    expect(sharedRounds(mult(120, 4), 100)).toBe(30);
    expect(sharedRounds(mult(85, 2), 100)).toBe(43);
    expect(sharedRounds(mult(365, 24), 16)).toBe(16);
  });
});

describe('adderTreeStages', () => {
  it('takes one cycle per level at 3.33–5 ns and chains the whole tree at 25 ns', () => {
    // ArgyKokk: Vitis HLS 2021.1 through hls4ml's Vivado backend (12.5 % uncertainty) on xc7z007s-2.
    const vitis5 = { clockNs: 5, clockUncertainty: 0.125, partFamily: '7series', speedGrade: 2 } as const;
    expect(adderTreeStages(vitis5, 1)).toBe(0);
    expect(adderTreeStages(vitis5, 4)).toBe(2);
    expect(adderTreeStages(vitis5, 33)).toBe(6);
    expect(adderTreeStages({ ...vitis5, clockNs: 3.33 }, 33)).toBe(6);
    expect(adderTreeStages({ ...vitis5, speedGrade: 1 }, 33)).toBe(6);
    expect(adderTreeStages({ ...vitis5, clockNs: 25, speedGrade: 1 }, 129)).toBe(1);
  });
  it('chains more levels per cycle on a faster speed grade', () => {
    const s = { clockNs: 5, clockUncertainty: 0.125, partFamily: '7series', speedGrade: 1 } as const;
    expect(adderTreeStages({ ...s, speedGrade: 3 }, 17)).toBeLessThan(adderTreeStages(s, 17));
  });
});

describe('dspRegisterStages', () => {
  it('adds the DSP48 multiplier and output registers at 3.33 ns, none at 5 ns or without DSPs', () => {
    const s = { clockNs: 3.33, clockUncertainty: 0.125, partFamily: '7series', speedGrade: 2 } as const;
    expect(dspRegisterStages(s, mult(60, 100))).toBe(2);
    expect(dspRegisterStages(s, mult(60, 100, 0))).toBe(0);
    expect(dspRegisterStages({ ...s, clockNs: 5 }, mult(60, 100))).toBe(0);
  });
});

describe('io_parallel Latency Dense', () => {
  it('is structural: the tree at RF 1, the same at RF 2, the shared rounds plus half the tree at RF 100', () => {
    const rf1 = analytic(dense({}));
    const rf2 = analytic(dense({ reuseFactor: 2 }));
    const rf100 = analytic(dense({ reuseFactor: 100 }));
    expect(rf1.features.structural).toBe(1);
    expect(rf2.latency).toBe(rf1.latency);
    const s = dense({ reuseFactor: 100 });
    const m = multipliers(s, 320, 0, 0, 100, p);
    expect(sharedRounds(m, 100)).toBeGreaterThan(1);
    expect(rf100.latency).toBe(sharedRounds(m, 100) - 1 + Math.ceil(rf1.latency / 2));
  });
  it('is never shorter with shared rounds than with every product in parallel', () => {
    // 32×10 at RF 8: two rounds of the shared multipliers, 1 + ceil(5/2) < the 5-level tree of RF 1.
    const s = dense({ reuseFactor: 8 });
    expect(sharedRounds(multipliers(s, 320, 0, 0, 8, p), 8)).toBe(2);
    expect(analytic(s).latency).toBe(analytic(dense({})).latency);
  });
  it('drops zero products from the tree when the weights are known', () => {
    const full = analytic(dense({ weightsKnown: true, zeroWeights: 0 }));
    const half = analytic(dense({ weightsKnown: true, zeroWeights: 160 }));
    expect(half.latency).toBe(full.latency - 1);
  });
  it('repeats every RF cycles when the kernel is at least RF long, else one cycle after its latency', () => {
    const rf2 = analytic(dense({ reuseFactor: 2 }));
    expect(rf2.ii).toBe(2);
    expect(rf2.iiAfterLatency).toBeUndefined();
    const rf100 = analytic(dense({ reuseFactor: 100 }));
    expect(rf100.iiAfterLatency).toBe(1);
    expect(rf100.iiCap).toBe(100);
  });
  it('is two DSP registers longer at 3.33 ns than with fabric multipliers, at RF 1 and RF 100', () => {
    for (const reuseFactor of [1, 100]) {
      const dsp = analytic(dense({ clockNs: 3.33, reuseFactor }));
      const fabric = analytic(dense({ clockNs: 3.33, mulImpl: 'fabric', reuseFactor }));
      expect(dsp.latency).toBe(fabric.latency + 2);
    }
  });
});
