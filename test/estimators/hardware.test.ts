import { describe, expect, it } from 'vitest';
import { bram18For, romBram18 } from '../../src/estimators/bram.js';
import { dspPerMultiply, isFabricMultiply } from '../../src/estimators/dsp-split.js';

describe('DSP slices per multiplication', () => {
  it('fits one slice up to the port widths of each DSP type', () => {
    expect(dspPerMultiply(16, 16, 'DSP48E2')).toBe(1);
    expect(dspPerMultiply(27, 18, 'DSP48E2')).toBe(1);
    expect(dspPerMultiply(25, 18, 'DSP48E1')).toBe(1);
    expect(dspPerMultiply(27, 24, 'DSP58')).toBe(1);
  });
  it('splits wider products: ceil(long/A)·ceil(short/B)', () => {
    expect(dspPerMultiply(27, 19, 'DSP48E2')).toBe(2);
    expect(dspPerMultiply(26, 18, 'DSP48E1')).toBe(2);
    expect(dspPerMultiply(32, 32, 'DSP48E2')).toBe(4);
    expect(dspPerMultiply(18, 64, 'DSP48E2')).toBe(3);
  });
  it('sends products with a narrow operand to fabric', () => {
    expect(isFabricMultiply(8, 16, 8)).toBe(true);
    expect(isFabricMultiply(9, 16, 8)).toBe(false);
  });
});

describe('BRAM_18K of memories', () => {
  it('picks the best aspect ratio for FIFOs', () => {
    expect(bram18For(36, 512)).toBe(1);
    expect(bram18For(18, 1024)).toBe(1);
    expect(bram18For(72, 512)).toBe(2);
    expect(bram18For(1, 16384)).toBe(1);
    expect(bram18For(16, 4096)).toBe(4);
    expect(bram18For(0, 10)).toBe(0);
  });
  it('maps Resource weight ROMs as the reports show (block_factor·w wide, RF deep)', () => {
    // pominiq/DNNonSilicon model_01: dense 32→10, RF 8, 16-bit weights: 40×16 = 640 bits × 8 → 18 BRAM_18K.
    expect(romBram18(40 * 16, 8, 4)).toBe(18);
    // pominiq/DNNonSilicon model_03_relu: dense 32→10, RF 4 → 80×16 = 1280 bits → 36.
    expect(romBram18(80 * 16, 4, 4)).toBe(36);
    // YanLunHuang/LFADS report_16bits: dense 128→64, RF 128 → 64×16 = 1024 bits → 29.
    expect(romBram18(64 * 16, 128, 4)).toBe(29);
    // ChiRuiChen/AutoEncoder_hls4ml: 8 × 32-bit weights per word (256 bits) → 7 (4 leftover bits in LUTs).
    expect(romBram18(256, 36, 4)).toBe(7);
    // By hand: 1152 deep = 1024 (1K×18) + 128 (512×36): 72-bit words → 4 + 2 = 6, cheaper than 2K×9 (8).
    expect(romBram18(72, 1152, 0)).toBe(6);
  });
});
