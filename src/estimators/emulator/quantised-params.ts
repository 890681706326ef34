/**
 * Layer parameters (weights, biases, BN scales) cast to their types once per (layer, parameter, type) and cached
 * outside the hot loop, with the facts the kernels need to pick an exact double path.
 */
import { castDyadic } from '../../fixed/quantize.js';
import { doubleToDyadic, dyadicToNumber } from '../../fixed/dyadic.js';
import { castArray } from '../../fixed/fast-cast.js';
import { formatPrecision, fractionalBits, type FixedType } from '../../fixed/precision.js';
import type { Layer } from '../../ir/layer.js';
import { isWide, minimalFrac, oddBits } from './values.js';

/** A parameter tensor cast to its type. */
export interface QuantisedTensor {
  readonly type: FixedType;
  /** The cast values (exact when `exactDoubles`). */
  readonly data: Float64Array;
  /** Entries the cast overflowed. */
  readonly overflows: number;
  /** Largest odd-part bit count over the entries (what a product adds to the other factor's mantissa). */
  readonly maxOddBits: number;
  /** Largest fractional bit count any entry actually needs (−1075 when all are zero). */
  readonly maxFrac: number;
  /** True when every entry is exactly its double. */
  readonly exactDoubles: boolean;
  /** Exact mantissas at F = fractional bits of the type (computed on first use). */
  mantissas(): readonly bigint[];
}

const cache = new WeakMap<Layer, Map<string, QuantisedTensor>>();

function build(src: Float32Array | Float64Array, t: FixedType): QuantisedTensor {
  const n = src.length;
  const data = new Float64Array(n);
  let overflows = 0;
  let exactDoubles = true;
  let exact: bigint[] | undefined;
  const f = fractionalBits(t);
  if (t.binary) {
    for (let i = 0; i < n; i++) data[i] = src[i] >= 0 ? 1 : -1;
  } else if (!isWide(t)) {
    overflows = castArray(src, data, t);
  } else {
    exact = [];
    for (let i = 0; i < n; i++) {
      const d = doubleToDyadic(src[i]);
      const r = castDyadic(d.mantissa, d.frac, t);
      if (r.overflow) overflows++;
      exact.push(r.mantissa);
      data[i] = dyadicToNumber(r.mantissa, f);
      if (oddBitLength(r.mantissa) > 53) exactDoubles = false;
    }
  }
  let maxOddBits = 0;
  let maxFrac = -1075;
  for (let i = 0; i < n; i++) {
    const b = oddBits(data[i]);
    if (b > maxOddBits) maxOddBits = b;
    if (data[i] !== 0) maxFrac = Math.max(maxFrac, minimalFrac(data[i]));
  }
  return {
    type: t,
    data,
    overflows,
    maxOddBits,
    maxFrac,
    exactDoubles,
    mantissas(): readonly bigint[] {
      if (!exact) {
        exact = [];
        for (let i = 0; i < n; i++) exact.push(BigInt(data[i] * 2 ** f));
      }
      return exact;
    },
  };
}

/** Bit length of the odd part of |m| (0 for 0). */
function oddBitLength(m: bigint): number {
  let a = m < 0n ? -m : m;
  if (a === 0n) return 0;
  while ((a & 1n) === 0n) a >>= 1n;
  return a.toString(2).length;
}

/** The layer's parameter `param` cast to t (cached). A missing parameter reads as `zeroLength` zeros. */
export function quantised(layer: Layer, param: string, t: FixedType, zeroLength = 0): QuantisedTensor {
  let perLayer = cache.get(layer);
  if (!perLayer) {
    perLayer = new Map();
    cache.set(layer, perLayer);
  }
  const key = `${param}|${formatPrecision(t)}|${t.binary ? 'binary' : ''}|${zeroLength}`;
  let q = perLayer.get(key);
  if (!q) {
    const src = layer.params[param]?.data ?? new Float32Array(zeroLength);
    q = build(src, t);
    perLayer.set(key, q);
  }
  return q;
}

/** Casts an arbitrary constant array to t (not cached): for derived parameters such as re-ordered kernels. */
export function quantiseArray(src: Float32Array | Float64Array, t: FixedType): QuantisedTensor {
  return build(src, t);
}

const plans = new WeakMap<Layer, Map<string, unknown>>();

/** Memoises a per-layer derived object (kernel plans, tables) under `key` for as long as the layer lives. */
export function memo<T>(layer: Layer, key: string, make: () => T): T {
  let perLayer = plans.get(layer);
  if (!perLayer) {
    perLayer = new Map();
    plans.set(layer, perLayer);
  }
  if (perLayer.has(key)) return perLayer.get(key) as T;
  const v = make();
  perLayer.set(key, v);
  return v;
}

/** A cache key for a list of types. */
export function typesKey(...types: readonly FixedType[]): string {
  return types.map((t) => `${formatPrecision(t)}${t.binary ? 'b' : ''}`).join('|');
}
