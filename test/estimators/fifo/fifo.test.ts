import { describe, expect, it } from 'vitest';
import { defaultCalibration } from '../../../src/estimators/calibration/load.js';
import { estimateDesign } from '../../../src/estimators/estimate-design.js';
import type { StreamProcess } from '../../../src/estimators/fifo/process.js';
import { maxOccupancy, simulate, streamEdges } from '../../../src/estimators/fifo/simulate.js';
import { designPointOf } from '../../../src/ir/design-point.js';
import { skipCnn } from '../graphs.js';

const geometry = (h: number, w: number, k = 1) => ({ inHeight: h, inWidth: w, outHeight: h - k + 1, outWidth: w - k + 1, filtHeight: k, filtWidth: k, strideHeight: 1, strideWidth: 1, padTop: 0, padLeft: 0 });
const proc = (name: string, inputs: number[], rule: StreamProcess['rule'], tokens: number, extra: Partial<StreamProcess> = {}): StreamProcess => ({
  name, inputs, inTokens: tokens, outTokens: tokens, readCycles: 1, depth: 2, rule, geometry: geometry(1, tokens), ...extra,
});

describe('dataflow token simulation', () => {
  it('needs only shallow FIFOs between equal-rate element-wise processes', () => {
    const ps = [proc('a', [-1], 'same', 64), proc('b', [0], 'same', 64), proc('c', [1], 'same', 64)];
    const s = simulate(ps, 2);
    for (const e of streamEdges(ps)) expect(maxOccupancy(s, e)).toBeLessThanOrEqual(2);
  });

  it('buffers in front of a slow consumer as far as the rates require, at most a frame at the network II', () => {
    const ps = [proc('fast', [-1], 'same', 100), proc('slow', [0], 'same', 100, { readCycles: 4 })];
    const edge = streamEdges(ps)[0];
    expect(maxOccupancy(simulate(ps, 1), edge)).toBeGreaterThan(50);
    expect(maxOccupancy(simulate(ps, 2, undefined, 400), edge)).toBeLessThanOrEqual(100);
  });

  it('deadlocks a fork-join whose short branch is too shallow, and not at the simulated depths', () => {
    // src → (line-buffer conv 3×3 on 8×8) → join; src → join directly: the join waits for the conv's first output.
    const conv = proc('conv', [0], 'window', 36, { inTokens: 64, geometry: geometry(8, 8, 3) });
    const ps = [proc('src', [-1], 'same', 64), conv, proc('join', [0, 1], 'same', 36, { inTokens: 36 })];
    const edges = streamEdges(ps);
    const free = simulate(ps, 2);
    const sized = edges.map((e) => maxOccupancy(free, e));
    const ok = simulate(ps, 2, sized);
    expect(ok.deadlock).toBe(false);
    expect(ok.finish).toBe(free.finish);
    const shallow = edges.map((e, i) => (e.producer === 0 && e.consumer === 2 ? 1 : sized[i]));
    expect(simulate(ps, 2, shallow).deadlock).toBe(true);
  });
});

describe('FIFO sizing in estimateDesign (io_stream)', () => {
  const g = skipCnn();
  const point = { ...designPointOf(g), ioType: 'io_stream' as const };
  const e = estimateDesign(g, point, defaultCalibration());

  it('sizes every stream at or below hls4ml\'s default depth, with its cost', () => {
    expect(e.fifos.length).toBeGreaterThanOrEqual(6);
    for (const f of e.fifos) {
      expect(f.sizedDepth).toBeGreaterThanOrEqual(1);
      expect(f.depth).toBeLessThanOrEqual(f.defaultDepth);
      expect(f.bram18 + f.lut).toBeGreaterThan(0);
      expect(f.bram18).toBeLessThanOrEqual(f.defaultBram18);
    }
    expect(e.fifos.map((f) => f.stream)).toEqual(expect.arrayContaining(['c1_out', 'r1_out_cpy1', 'r1_out_cpy2', 'c2_out', 'add_out']));
  });

  it('keeps the skip branch deep enough to cover the line-buffer delay', () => {
    const skip = e.fifos.find((f) => f.consumer === 'add' && f.producer === 'r1');
    expect(skip?.sizedDepth).toBeGreaterThan(12);
  });

  it('reflects FIFO cost in the totals', () => {
    const layerLut = e.layers.reduce((s, l) => s + l.resources.lut.mean, 0);
    const fifoLut = e.fifos.reduce((s, f) => s + f.lut, 0);
    expect(e.total.lut.mean).toBeCloseTo(layerLut + fifoLut, 6);
  });

  it('accepts the sized depths silently and warns when given depths deadlock', () => {
    const sized = Object.fromEntries(e.fifos.map((f) => [f.stream, f.sizedDepth]));
    expect(estimateDesign(g, { ...point, fifoDepths: sized }, defaultCalibration()).warnings.filter((w) => /FIFO/.test(w))).toEqual([]);
    const shallow = estimateDesign(g, { ...point, fifoDepths: { ...sized, r1_out_cpy2: 1 } }, defaultCalibration());
    expect(shallow.warnings.some((w) => /deadlock/.test(w))).toBe(true);
    expect(shallow.fifos.find((f) => f.stream === 'r1_out_cpy2')?.depth).toBe(1);
  });
});
