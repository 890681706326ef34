/** Small graph builders, a seeded RNG and a rational reference of hls4ml's arithmetic for the emulator tests. */
import { buildGraph } from '../../../src/ir/build-graph.js';
import { designPointOf, withLayerKnobs, type DesignPoint, type LayerKnobs } from '../../../src/ir/design-point.js';
import type { Graph } from '../../../src/ir/graph.js';
import type { LayerSpec } from '../../../src/ir/layer-spec.js';
import { tensor } from '../../../src/ir/tensor.js';
import { ratAdd, ratFromFixed, ratFromNumber, ratMul, refCast, type Rational } from '../../../src/fixed/bigint-ref.js';
import { dyadicToNumber } from '../../../src/fixed/dyadic.js';
import type { FixedType, Precision } from '../../../src/fixed/precision.js';

/** Builds a graph from specs (Keras JSON format, default hls4ml config). */
export function graphOf(specs: LayerSpec[], name = 'synthetic'): Graph {
  return buildGraph({ name, specs }, { format: 'keras-json', file: `${name}.json`, sourceFiles: [] });
}

/** The graph's own point with some layers' precisions replaced. */
export function pointWith(graph: Graph, precisions: Record<string, Record<string, Precision>>, extra: Record<string, Partial<LayerKnobs>> = {}): DesignPoint {
  const changes: Record<string, Partial<LayerKnobs>> = {};
  for (const [layer, p] of Object.entries(precisions)) changes[layer] = { ...(extra[layer] ?? {}), precisions: p };
  for (const [layer, e] of Object.entries(extra)) if (!changes[layer]) changes[layer] = e;
  return withLayerKnobs(designPointOf(graph), changes);
}

/** A seeded linear congruential generator in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed % 2147483647;
  if (s <= 0) s += 2147483646;
  return () => {
    s = (s * 16807) % 2147483647;
    return (s - 1) / 2147483646;
  };
}

/** An Input spec. */
export function inputSpec(name: string, shape: number[]): LayerSpec {
  return { name, kind: 'Input', sourceClass: 'InputLayer', inputs: [], attrs: { shape } };
}

/** Float32 tensor from numbers. */
export function t32(shape: number[], data: number[]): ReturnType<typeof tensor> {
  return tensor(shape, Float32Array.from(data));
}

/** The value of a rational cast into t, as a rational. */
export function castRat(v: Rational, t: FixedType, counter?: { n: number }): Rational {
  const r = refCast(v, t);
  if (r.overflow && counter) counter.n++;
  return ratFromFixed(r.mantissa, t);
}

/** A rational as the double nearest to it (exact for the values these tests produce). */
export function ratToNumber(r: Rational): number {
  // r = num/den with den a power of two here.
  let den = r.den;
  let frac = 0;
  while (den > 1n) {
    if (den % 2n !== 0n) throw new Error('not a dyadic rational');
    den /= 2n;
    frac++;
  }
  return dyadicToNumber(r.num, frac);
}

/**
 * hls4ml's MAC on one vector, in rationals: bias cast to bias_t then accum_t, each product `x·w` (w cast to weight_t)
 * cast to accum_t, each partial sum cast to accum_t, the sum cast to res_t.
 */
export function refMac(
  x: readonly Rational[],
  w: (i: number) => number,
  b: number,
  types: { weight: FixedType; bias: FixedType; accum: FixedType; result: FixedType },
  accumOverflows: { n: number },
): Rational {
  let acc = castRat(castRat(ratFromNumber(b), types.bias), types.accum, accumOverflows);
  for (let i = 0; i < x.length; i++) {
    const wq = castRat(ratFromNumber(w(i)), types.weight);
    const p = castRat(ratMul(x[i], wq), types.accum, accumOverflows);
    acc = castRat(ratAdd(acc, p), types.accum, accumOverflows);
  }
  return castRat(acc, types.result);
}
