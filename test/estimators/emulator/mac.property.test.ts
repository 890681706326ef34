/**
 * Dense, Conv1D/Conv2D and depthwise emulation against a plain rational reference of hls4ml's kernels (every
 * product and partial sum cast to accum_t, padding products included), for random small layers, types (widths up
 * to 70 bits, so the BigInt path runs too) and inputs.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emulateGraph } from '../../../src/estimators/emulator/emulate-graph.js';
import { ratFromNumber, type Rational } from '../../../src/fixed/bigint-ref.js';
import type { FixedType } from '../../../src/fixed/precision.js';
import type { LayerSpec } from '../../../src/ir/layer-spec.js';
import { arbType } from '../../fixed/arbitraries.js';
import { castRat, graphOf, inputSpec, pointWith, ratToNumber, refMac, t32 } from './helpers.js';

const SEED = 20260601;
const f32 = Math.fround;

const arbTypes = fc.record({
  input: arbType({ maxWidth: 20, spread: 4 }),
  weight: arbType({ maxWidth: 16, spread: 4 }),
  bias: arbType({ maxWidth: 16, spread: 4 }),
  accum: fc.oneof(arbType({ maxWidth: 40, spread: 6 }), arbType({ minWidth: 53, maxWidth: 70, spread: 6 })),
  result: fc.oneof(arbType({ maxWidth: 30, spread: 4 }), arbType({ minWidth: 53, maxWidth: 60, spread: 4 })),
});

const value = fc.double({ min: -20, max: 20, noNaN: true });

interface Case {
  readonly specs: LayerSpec[];
  readonly inputSize: number;
  readonly samples: number[][];
  readonly types: { input: FixedType; weight: FixedType; bias: FixedType; accum: FixedType; result: FixedType };
}

function run(c: Case, layer: string) {
  const g = graphOf(c.specs);
  const { input, ...rest } = c.types;
  const point = pointWith(g, { in: { result: input }, [layer]: { ...rest } });
  const data = Float64Array.from(c.samples.flat());
  return emulateGraph(g, point, { count: c.samples.length, size: c.inputSize, data });
}

/** How many cases exercised overflow and the BigInt path (the generators must reach both). */
const seen = { overflow: 0, wide: 0, fast: 0 };

function note(types: Case['types'], overflows: number): void {
  if (overflows > 0) seen.overflow++;
  if (types.accum.width > 52 || types.result.width > 52) seen.wide++;
  else seen.fast++;
}

describe('Dense matches the rational reference', () => {
  it('random layers, types and inputs', () => {
    const arb = fc
      .record({ nIn: fc.integer({ min: 1, max: 6 }), nOut: fc.integer({ min: 1, max: 4 }), types: arbTypes })
      .chain((r) =>
        fc.record({
          r: fc.constant(r),
          w: fc.array(value, { minLength: r.nIn * r.nOut, maxLength: r.nIn * r.nOut }),
          b: fc.array(value, { minLength: r.nOut, maxLength: r.nOut }),
          x: fc.array(fc.array(value, { minLength: r.nIn, maxLength: r.nIn }), { minLength: 1, maxLength: 3 }),
        }),
      );
    fc.assert(
      fc.property(arb, ({ r, w, b, x }) => {
        const { nIn, nOut, types } = r;
        const specs: LayerSpec[] = [
          inputSpec('in', [nIn]),
          { name: 'd', kind: 'Dense', sourceClass: 'Dense', inputs: ['in'], attrs: { units: nOut }, params: { weight: t32([nIn, nOut], w), bias: t32([nOut], b) } },
        ];
        const res = run({ specs, inputSize: nIn, samples: x, types }, 'd');
        const ovf = { n: 0 };
        const expected: number[] = [];
        for (const sample of x) {
          const xq: Rational[] = sample.map((v) => castRat(ratFromNumber(v), types.input));
          for (let j = 0; j < nOut; j++) expected.push(ratToNumber(refMac(xq, (i) => f32(w[i * nOut + j]), f32(b[j]), types, ovf)));
        }
        expect(Array.from(res.outputs.d.data)).toEqual(expected);
        expect(res.overflows.find((o) => o.layer === 'd' && o.variable === 'accum')?.count).toBe(ovf.n);
        note(types, ovf.n);
      }),
      { seed: SEED, numRuns: 200 },
    );
    expect(seen.overflow).toBeGreaterThan(10);
    expect(seen.wide).toBeGreaterThan(10);
    expect(seen.fast).toBeGreaterThan(10);
  });
});

describe('convolutions match the rational reference', () => {
  it('Conv1D/Conv2D and depthwise with padding, stride and dilation', () => {
    const arb = fc
      .record({
        twoD: fc.boolean(),
        depthwise: fc.boolean(),
        h: fc.integer({ min: 2, max: 4 }),
        w: fc.integer({ min: 2, max: 5 }),
        c: fc.integer({ min: 1, max: 3 }),
        f: fc.integer({ min: 1, max: 3 }),
        k: fc.integer({ min: 1, max: 3 }),
        stride: fc.integer({ min: 1, max: 2 }),
        dilation: fc.integer({ min: 1, max: 2 }),
        same: fc.boolean(),
        types: arbTypes,
      })
      .filter((r) => r.same || (r.k - 1) * r.dilation + 1 <= Math.min(r.twoD ? r.h : r.w, r.w))
      .chain((r) => {
        const kh = r.twoD ? r.k : 1;
        const inH = r.twoD ? r.h : 1;
        const nOutC = r.depthwise ? r.c : r.f;
        const nW = kh * r.k * r.c * (r.depthwise ? 1 : r.f);
        return fc.record({
          r: fc.constant(r),
          wt: fc.array(value, { minLength: nW, maxLength: nW }),
          b: fc.array(value, { minLength: nOutC, maxLength: nOutC }),
          x: fc.array(fc.array(value, { minLength: inH * r.w * r.c, maxLength: inH * r.w * r.c }), { minLength: 1, maxLength: 2 }),
        });
      });
    fc.assert(
      fc.property(arb, ({ r, wt, b, x }) => {
        const kh = r.twoD ? r.k : 1;
        const inH = r.twoD ? r.h : 1;
        const nOutC = r.depthwise ? r.c : r.f;
        const kind = `${r.depthwise ? 'DepthwiseConv' : 'Conv'}${r.twoD ? '2D' : '1D'}` as LayerSpec['kind'];
        const kshape = r.twoD ? [r.k, r.k, r.c, r.depthwise ? 1 : r.f] : [r.k, r.c, r.depthwise ? 1 : r.f];
        const attrs = {
          kernel: r.twoD ? [r.k, r.k] : [r.k],
          strides: r.twoD ? [r.stride, r.stride] : [r.stride],
          dilation: r.twoD ? [r.dilation, r.dilation] : [r.dilation],
          padding: r.same ? 'same' : 'valid',
          ...(r.depthwise ? { depthMultiplier: 1 } : { filters: r.f }),
        };
        const inShape = r.twoD ? [r.h, r.w, r.c] : [r.w, r.c];
        const specs: LayerSpec[] = [
          inputSpec('in', inShape),
          { name: 'cv', kind, sourceClass: kind, inputs: ['in'], attrs, params: { weight: t32(kshape, wt), bias: t32([nOutC], b) } },
        ];
        const g = graphOf(specs);
        const win = g.layers[1].window!;
        const res = run({ specs, inputSize: inH * r.w * r.c, samples: x, types: r.types }, 'cv');
        const ovf = { n: 0 };
        const expected: number[] = [];
        for (const sample of x) {
          const xq = sample.map((v) => castRat(ratFromNumber(v), r.types.input));
          for (let oh = 0; oh < win.outHeight; oh++) {
            for (let ow = 0; ow < win.outWidth; ow++) {
              // The window in (kh, kw, c) order; padding reads zero.
              const windowVals: Rational[] = [];
              const windowChan: number[] = [];
              const windowPos: number[] = [];
              for (let a = 0; a < kh; a++) {
                for (let bb = 0; bb < r.k; bb++) {
                  const ih = oh * win.strideHeight - win.padTop + a * win.dilationHeight;
                  const iw = ow * win.strideWidth - win.padLeft + bb * win.dilationWidth;
                  for (let ch = 0; ch < r.c; ch++) {
                    const inside = ih >= 0 && ih < inH && iw >= 0 && iw < r.w;
                    windowVals.push(inside ? xq[(ih * r.w + iw) * r.c + ch] : ratFromNumber(0));
                    windowChan.push(ch);
                    windowPos.push(a * r.k + bb);
                  }
                }
              }
              for (let o = 0; o < nOutC; o++) {
                if (r.depthwise) {
                  const sel = windowVals.filter((_, e) => windowChan[e] === o);
                  const pos = windowPos.filter((_, e) => windowChan[e] === o);
                  expected.push(ratToNumber(refMac(sel, (i) => f32(wt[pos[i] * r.c + o]), f32(b[o]), r.types, ovf)));
                } else {
                  expected.push(ratToNumber(refMac(windowVals, (i) => f32(wt[i * r.f + o]), f32(b[o]), r.types, ovf)));
                }
              }
            }
          }
        }
        expect(Array.from(res.outputs.cv.data)).toEqual(expected);
        expect(res.overflows.find((o) => o.variable === 'accum')?.count).toBe(ovf.n);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
