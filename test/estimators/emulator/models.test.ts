/** The emulator on the bundled example models: float agreement at wide types, overflow counts, HGQ masks. */
import { beforeAll, describe, expect, it } from 'vitest';
import { emulateGraph } from '../../../src/estimators/emulator/emulate-graph.js';
import { designPointOf, withLayerKnobs, type DesignPoint } from '../../../src/ir/design-point.js';
import type { Graph } from '../../../src/ir/graph.js';
import { loadGraph } from '../../../src/ir/load/load-graph.js';
import { fixed, fractionalBits, parsePrecision, type FixedType, type Precision } from '../../../src/fixed/precision.js';
import { exampleModel } from '../../helpers/shared.js';
import { pointWith, rng } from './helpers.js';

function batch(size: number, count: number, seed: number, scale = 2) {
  const r = rng(seed);
  return { count, size, data: Float64Array.from({ length: size * count }, () => (r() * 2 - 1) * scale) };
}

/** Every precision of every layer set to t (softmax tables keep their own types). */
function uniformPoint(g: Graph, t: Precision): DesignPoint {
  const changes: Record<string, Record<string, Precision>> = {};
  for (const l of g.layers) {
    const p: Record<string, Precision> = {};
    for (const k of Object.keys(l.precisions)) if (['result', 'weight', 'bias', 'accum', 'scale'].includes(k) && l.kind !== 'Softmax') p[k] = t;
    changes[l.name] = p;
  }
  return pointWith(g, changes);
}

/**
 * A float64 forward pass of a Dense/ReLU/Softmax graph straight from the IR, with a worst-case bound on how far a
 * fixed-point run with LSB `lsb` (truncating casts) can be from it: input casts, weight and bias casts and one
 * product cast per MAC each add at most one LSB, propagated through |w| (ReLU does not expand errors).
 */
function floatForward(g: Graph, x: Float64Array, lsb = 0): { y: Float64Array; bound: Float64Array } {
  let v = x;
  let e = new Float64Array(x.length).fill(lsb);
  for (const l of g.layers) {
    if (l.kind === 'Dense') {
      const [nIn, nOut] = l.params.weight.shape;
      const w = l.params.weight.data;
      const b = l.params.bias.data;
      const out = new Float64Array(nOut);
      const err = new Float64Array(nOut);
      for (let j = 0; j < nOut; j++) {
        let s = b[j];
        let bound = lsb;
        for (let i = 0; i < nIn; i++) {
          const wij = w[i * nOut + j];
          s += v[i] * wij;
          bound += Math.abs(wij) * e[i] + (Math.abs(v[i]) + e[i]) * lsb + lsb;
        }
        out[j] = s;
        err[j] = bound;
      }
      v = out;
      e = err;
    } else if (l.kind === 'Activation' && l.activation?.fn === 'relu') v = v.map((a) => Math.max(0, a));
    else if (l.kind === 'Softmax') {
      const m = Math.max(...v);
      const ex = v.map((a) => Math.exp(a - m));
      const sum = ex.reduce((a, b) => a + b, 0);
      v = ex.map((a) => a / sum);
    }
  }
  return { y: v, bound: e };
}

const argmax = (a: ArrayLike<number>) => Array.from(a).reduce((best, x, i, arr) => (x > arr[best] ? i : best), 0);

describe('KERAS_3layer', () => {
  let g: Graph;
  beforeAll(async () => {
    g = await loadGraph(exampleModel('keras/KERAS_3layer.json'));
  });

  /** Logit errors against the float pass (and its bound), and the top-class agreement over a seeded batch. */
  function compare(t: FixedType) {
    const count = 200;
    const input = batch(16, count, 7);
    const res = emulateGraph(g, uniformPoint(g, t), input, { keepLayerOutputs: true });
    const logits = res.layerOutputs!.output_softmax.data;
    const probs = res.outputs.output_softmax_softmax.data;
    const noSoftmax = { ...g, layers: g.layers.filter((l) => l.kind !== 'Softmax') };
    let agree = 0;
    let maxErr = 0;
    let maxBound = 0;
    let withinBound = true;
    for (let s = 0; s < count; s++) {
      const ref = floatForward(noSoftmax, input.data.subarray(s * 16, s * 16 + 16), 2 ** -fractionalBits(t));
      for (let j = 0; j < 5; j++) {
        const err = Math.abs(logits[s * 5 + j] - ref.y[j]);
        maxErr = Math.max(maxErr, err);
        maxBound = Math.max(maxBound, ref.bound[j]);
        if (err > ref.bound[j]) withinBound = false;
      }
      if (argmax(logits.subarray(s * 5, s * 5 + 5)) === argmax(ref.y)) agree++;
    }
    const overflowing = res.overflows.filter((o) => o.count > 0 && o.variable !== 'inv_table').length;
    return { maxErr, maxBound, withinBound, agree, count, overflowing, probs };
  }

  it('at ap_fixed<40,16> the logits stay within the propagated quantisation bound of a float64 pass; top class agrees 100%', () => {
    // 24 fractional bits: the network amplifies the per-cast 2^-24 to a few 1e-5 on logits of magnitude ~30.
    const r = compare(fixed(40, 16));
    expect(r.withinBound).toBe(true);
    expect(r.maxBound).toBeLessThan(1e-2);
    expect(r.maxErr).toBeLessThan(1e-4);
    expect(r.agree).toBe(r.count);
    expect(r.overflowing).toBe(0);
  });

  it('at ap_fixed<52,20> (the widest double-path type) the logits match the float64 pass within 1e-6', () => {
    const r = compare(fixed(52, 20));
    expect(r.maxErr).toBeLessThan(1e-6);
    expect(r.withinBound).toBe(true);
    expect(r.agree).toBe(r.count);
    expect(r.overflowing).toBe(0);
  });

  it('softmax on a wide input: the table index is the top 10 bits, so inp_norm_t must be narrowed', () => {
    // ap_ufixed<40,16> addressed by its top 10 bits has a step of 64: every x_max − x_i < 64 reads exp(0).
    const wide = compare(fixed(40, 16));
    for (let s = 0; s < 5; s++) expect(Array.from(wide.probs.subarray(s * 5, s * 5 + 5))).toEqual(Array(5).fill(wide.probs[s * 5]));
    const count = 200;
    const input = batch(16, count, 7);
    const base = uniformPoint(g, fixed(40, 16));
    const narrowed = withLayerKnobs(base, { output_softmax_softmax: { precisions: { inp_norm: fixed(16, 6, { signed: false }) } } });
    const res = emulateGraph(g, narrowed, input, { keepLayerOutputs: true });
    let agree = 0;
    for (let s = 0; s < count; s++) {
      if (argmax(res.outputs.output_softmax_softmax.data.subarray(s * 5, s * 5 + 5)) === argmax(res.layerOutputs!.output_softmax.data.subarray(s * 5, s * 5 + 5))) agree++;
    }
    expect(agree).toBeGreaterThanOrEqual(count - 2);
  });

  it('at ap_fixed<16,6>, a narrow accum_t ap_fixed<8,2> overflows on fc1, a wide one does not', () => {
    const input = batch(16, 100, 11);
    const base = designPointOf(g);
    const narrow = emulateGraph(g, pointWith(g, { fc1_relu: { accum: fixed(8, 2) } }), input);
    const wide = emulateGraph(g, pointWith(g, { fc1_relu: { accum: fixed(32, 12) } }), input);
    const acc = (r: typeof narrow) => r.overflows.find((o) => o.layer === 'fc1_relu' && o.variable === 'accum')!;
    expect(acc(narrow).count).toBeGreaterThan(0);
    expect(acc(narrow).total).toBe(100 * 64 * (1 + 2 * 16));
    expect(acc(wide).count).toBe(0);
    // The default point is deterministic and every output lies on the result grid.
    const a = emulateGraph(g, base, input).outputs.output_softmax_softmax.data;
    const b = emulateGraph(g, base, input).outputs.output_softmax_softmax.data;
    expect(Array.from(a)).toEqual(Array.from(b));
    for (const v of a) expect(Number.isInteger(v * 2 ** 10)).toBe(true);
  });

  it('a per-layer mixed point changes only what it touches', () => {
    const input = batch(16, 50, 3);
    const mixed = pointWith(g, { fc2_relu: { weight: fixed(6, 1, { rounding: 'RND_CONV', overflow: 'SAT' }), result: parsePrecision('ap_fixed<10,4,AP_RND,AP_SAT>') } });
    const r0 = emulateGraph(g, designPointOf(g), input, { keepLayerOutputs: true });
    const r1 = emulateGraph(g, mixed, input, { keepLayerOutputs: true });
    expect(Array.from(r1.layerOutputs!.fc1_relu_relu.data)).toEqual(Array.from(r0.layerOutputs!.fc1_relu_relu.data));
    expect(Array.from(r1.layerOutputs!.fc2_relu.data)).not.toEqual(Array.from(r0.layerOutputs!.fc2_relu.data));
    for (const v of r1.layerOutputs!.fc2_relu.data) {
      expect(v).toBeGreaterThanOrEqual(-8);
      expect(v).toBeLessThanOrEqual(8 - 2 ** -6);
    }
  });
});

describe('other bundled models', () => {
  it('Conv1D example runs and keeps every value on its result grid', async () => {
    const g = await loadGraph(exampleModel('keras/KERAS_conv1d_small.json'));
    const res = emulateGraph(g, designPointOf(g), batch(40, 64, 5), { keepLayerOutputs: true });
    for (const l of g.layers) {
      const t = l.precisions.result.precision;
      if (t.kind !== 'fixed') continue;
      for (const v of res.layerOutputs![l.name].data) expect(Number.isInteger(v * 2 ** fractionalBits(t))).toBe(true);
    }
    expect(res.outputs.output_softmax_softmax.count).toBe(64);
  });

  it('BatchNorm example at ap_fixed<40,16> tracks the float network', async () => {
    const g = await loadGraph(exampleModel('keras/KERAS_3layer_batch_norm.json'));
    const res = emulateGraph(g, uniformPoint(g, fixed(40, 16)), batch(16, 20, 9), { keepLayerOutputs: true });
    expect(res.overflows.filter((o) => o.count > 0 && o.variable !== 'inv_table')).toEqual([]);
    expect(res.layerOutputs!.bn4.data.every((v) => Number.isFinite(v))).toBe(true);
  });

  it('HGQ model: per-element masks zero every element with 0 bits and put the rest on their grid', async () => {
    const g = await loadGraph(exampleModel('keras/hgq_jet_classifier.h5'));
    const count = 200;
    const res = emulateGraph(g, designPointOf(g), batch(16, count, 13, 3), { keepLayerOutputs: true });
    let zeroed = 0;
    for (const l of g.layers.filter((x) => x.kind === 'Quantizer')) {
      const bits = l.hgq!.elementBits!;
      const ints = l.hgq!.elementIntegers!;
      const out = res.layerOutputs![l.name].data;
      const size = bits.length;
      for (let s = 0; s < count; s++) {
        for (let e = 0; e < size; e++) {
          const v = out[s * size + e];
          if (bits[e] === 0) {
            expect(v).toBe(0);
            zeroed++;
          } else expect(Number.isInteger(v * 2 ** (bits[e] - ints[e]))).toBe(true);
        }
      }
    }
    expect(zeroed).toBeGreaterThan(1000);
    expect(res.outputs.dense_4_quantizer.size).toBe(5);
  });
});
