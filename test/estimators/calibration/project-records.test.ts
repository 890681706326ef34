/**
 * Records from hls4ml project folders: the kernel weight files, when the project has them, replace the statistical
 * guess of zeros / ±2^k / signed digits with counts from the values quantised to the layer's `weight_t`.
 */
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../../src/estimators/calibration/parameters.js';
import { recordsFromProject } from '../../../src/estimators/calibration/project-records.js';
import { gatherRecords } from '../../../src/estimators/calibration/read-inputs.js';
import { constantDigits } from '../../../src/estimators/layers/constant-dsp-share.js';
import { readHls4mlProject } from '../../../src/estimators/reports/hls4ml-project.js';
import type { Hls4mlProject } from '../../../src/estimators/reports/types.js';
import { scratchDir } from '../../helpers/tmp.js';
import { fixture } from '../reports/fixtures.js';

const LUT = fixture('argykokk/CARDIO_LUT_reuse100');
const lut = await readHls4mlProject(LUT);
// CARDIO_LUT_reuse100 and CARDIO_DSP_reuse1 are one trained MLP synthesised with other settings (same n_zeros,
// same ap_fixed<8,1> weights): the weight files kept with DSP_reuse1 are this project's weights.
const dsp = await readHls4mlProject(fixture('argykokk/CARDIO_DSP_reuse1'));
const withWeights: Hls4mlProject = { ...lut, weights: dsp.weights ?? {} };
const sigOf = (p: Hls4mlProject, configId: number) => {
  const r = recordsFromProject(p).records.find((x) => x.source.includes(`config${configId}`));
  if (!r) throw new Error(`no record for config${configId}`);
  return r.signature;
};

describe('project records with known weights', () => {
  it('counts zeros, ±2^k and signed digits of the weights quantised to weight_t (ap_fixed<8,1>: codes v·128)', () => {
    const fc1 = sigOf(withWeights, 2);
    // 63 weights: one 0, seven ±2^k (e.g. 0.5, −1, 0.0625), the rest by CSD digits of their 8-bit codes.
    expect(fc1).toMatchObject({ weightsKnown: true, zeroWeights: 1, pow2Weights: 7, weightDigitCounts: [0, 0, 22, 27, 6] });
    // output: codes 127 ×4, −126 (2 digits: 128 − 1, −128 + 2), 122 (3: 128 − 8 + 2), −128 ×3 (±2^k).
    expect(sigOf(withWeights, 5)).toMatchObject({ weightsKnown: true, zeroWeights: 0, pow2Weights: 3, weightDigitCounts: [0, 0, 5, 1] });
  });

  it('keeps n_zeros and the statistical guess without weight files', () => {
    expect(sigOf(lut, 2)).toMatchObject({ weightsKnown: false, zeroWeights: 1, pow2Weights: 0, weightDigitCounts: [] });
  });

  it('feeds the DSP rule: the wide-constant share is counted from the histogram, not guessed', () => {
    const p = defaultParameters();
    const known = sigOf(withWeights, 2);
    expect(known.tool).toBe('vitis_hls');
    const minDigits = p.constDspMinDigitsVitis;
    // Distinct products: a code repeated on one input (a row of the 21×3 kernel) is built once.
    const hist = known.weightDistinctDigitCounts;
    expect(hist.reduce((a, b) => a + b, 0)).toBeLessThan(55);
    const wide = hist.reduce((n, c, d) => n + (d >= 2 && d >= minDigits ? c : 0), 0);
    expect(constantDigits(known, p).wideShare).toBeCloseTo(wide / 55, 12);
    expect(constantDigits(known, p).zeroShare).toBe(0);
    expect(constantDigits(sigOf(lut, 2), p).wideShare).not.toBeCloseTo(wide / 55, 3);
  });

  it('ignores weight files whose size is not the layer weight count', () => {
    const wrong: Hls4mlProject = { ...lut, weights: { 2: { weight: [0.5, 0.25, 0.125] } } };
    expect(sigOf(wrong, 2)).toMatchObject({ weightsKnown: false, zeroWeights: 1 });
  });
});

describe('calibrate on a project with a broken weight file', () => {
  it('warns once naming the file and the problem, and keeps the project', async () => {
    const dir = join(scratchDir('weights'), 'CARDIO');
    cpSync(LUT, dir, { recursive: true });
    cpSync(join(fixture('argykokk/CARDIO_DSP_reuse1'), 'firmware', 'weights'), join(dir, 'firmware', 'weights'), { recursive: true });
    writeFileSync(join(dir, 'firmware', 'weights', 'w5.h'), 'weight5_t w5[9] = {0.99, -0.99, x};\n');
    const g = await gatherRecords([dir]);
    expect(g.warnings).toEqual([`warning: ${join(dir, 'firmware/weights/w5.h')}: entry 3 "x" is not a number, skipped`]);
    const bySource = (id: number) => g.records.find((r) => r.source.includes(`config${id}`))?.signature;
    expect(bySource(2)).toMatchObject({ weightsKnown: true, pow2Weights: 7 });
    expect(bySource(5)).toMatchObject({ weightsKnown: false, zeroWeights: 0 });
  });
});
