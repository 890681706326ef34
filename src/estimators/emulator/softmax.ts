/**
 * Softmax (`nnet_activation.h`, HEAD) over slices of the last axis, by `implementation`:
 * - `stable` (default): d_i = inp_norm_t(x_max − x_i) with inp_norm_t = ap_ufixed<W, I> of the input unless set;
 *   e_i = accum_t(exp_table[top N bits of d_i]) (table of exp(−x)); a balanced adder tree in accum_t
 *   (`reduce`, left half = largest power of two below n); s = inv_inp_t(sum); y_i = e_i · inv_table[top N bits of s].
 * - `latency`: as stable without the max, the exp table addressed by the input type (exp(+x)).
 * - `legacy`: O(n²) sums of exp(x_j − x_i) from a [−8, 8) table in table_t, then a 1/x table over [0, 64).
 * - `argmax`: one-hot of the first maximum.
 * Table size: min(table_size, 2^min(input width, inv_table width)) (`fix_softmax_table_size`).
 */
import { fixed, type FixedType } from '../../fixed/precision.js';
import { DEFAULT_SOFTMAX_TYPE, DEFAULT_TABLE_TYPE } from '../../ir/precision-slots.js';
import { fail } from '../../util/errors.js';
import { castDoubles } from './cast-values.js';
import { optionalTypeOf, typeOf, type LayerEnv } from './layer-env.js';
import { castOne, lastCastOverflowed, type OverflowTally } from './overflow.js';
import { memo, typesKey } from './quantised-params.js';
import {
  addressBits,
  centredIndex,
  indexFromValue,
  legacyExpTable,
  legacyInvTable,
  softmaxExpTable,
  softmaxInvTable,
  type Table,
} from './tables.js';
import type { Values } from './values.js';

/** Counts casts per variable during one softmax run. */
class Counter {
  readonly counts = new Map<string, [number, number]>();
  cast(x: number, t: FixedType, variable: string): number {
    const y = castOne(x, t);
    const c = this.counts.get(variable) ?? [0, 0];
    if (lastCastOverflowed) c[0]++;
    c[1]++;
    this.counts.set(variable, c);
    return y;
  }
  flush(tally: OverflowTally, layer: string): void {
    for (const [v, [n, total]] of this.counts) tally.add(layer, v, n, total);
  }
}

/** hls4ml's balanced `reduce` with `Op_add<T>` (each sum cast to T). */
function reduceAdd(a: Float64Array, lo: number, n: number, t: FixedType, c: Counter): number {
  if (n === 1) return a[lo];
  if (n === 2) return c.cast(a[lo] + a[lo + 1], t, 'accum');
  const left = 2 ** Math.floor(Math.log2(n - 1));
  return c.cast(reduceAdd(a, lo, left, t, c) + reduceAdd(a, lo + left, n - left, t, c), t, 'accum');
}

function tables(env: LayerEnv, key: string, make: () => { exp: Table; inv: Table }): { exp: Float64Array; inv: Float64Array } {
  const t = memo(env.layer, `softmax|${key}`, make);
  env.tally.add(env.layer.name, 'exp_table', t.exp.overflows, t.exp.values.length);
  env.tally.add(env.layer.name, 'inv_table', t.inv.overflows, t.inv.values.length);
  return { exp: t.exp.values, inv: t.inv.values };
}

/** Emulates a Softmax layer (or a softmax Activation). */
export function emulateSoftmax(env: LayerEnv, input: Values): Values {
  const { layer } = env;
  if (layer.config.extra.skip === true) return input;
  const impl = (layer.config.implementation ?? 'stable').toLowerCase();
  const shape = layer.inputShapes[0] ?? [input.size];
  const n = shape.length ? shape[shape.length - 1] : input.size;
  const rt = typeOf(env, 'result');
  const xt = input.type;
  const invT = typeOf(env, 'inv_table', DEFAULT_SOFTMAX_TYPE);
  let size = env.knobs.tableSize;
  if (!Number.isInteger(size) || size < 1 || 2 ** addressBits(size) !== size) {
    fail('bad-config', undefined, `layer '${layer.name}': softmax table_size ${size} must be a power of two`);
  }
  size = Math.min(size, 2 ** Math.min(xt.width, invT.width));
  const nBits = addressBits(size);
  const x = input.data;
  const out = new Float64Array(x.length);
  const c = new Counter();
  const slices = x.length / n;
  if (impl === 'argmax') {
    for (let s = 0; s < slices; s++) {
      let best = s * n;
      for (let i = 1; i < n; i++) if (x[s * n + i] > x[best]) best = s * n + i;
      out[best] = 1;
    }
  } else if (impl === 'legacy') {
    const tt = typeOf(env, 'table', DEFAULT_TABLE_TYPE);
    const tab = tables(env, `legacy|${size}|${typesKey(tt)}`, () => ({ exp: legacyExpTable(size, tt), inv: legacyInvTable(size, tt) }));
    for (let s = 0; s < slices; s++) {
      const o = s * n;
      for (let i = 0; i < n; i++) {
        let acc = 0;
        for (let j = 0; j < n; j++) {
          const e = i === j ? 1 : tab.exp[centredIndex(x[o + j] - x[o + i], size, 16)];
          acc = c.cast(acc + e, tt, 'table');
        }
        const idx = Math.max(0, Math.min(size - 1, Math.trunc((acc * size) / 64)));
        out[o + i] = tab.inv[idx];
      }
    }
  } else if (impl === 'stable' || impl === 'latency') {
    const stable = impl === 'stable';
    const expT = typeOf(env, 'exp_table', DEFAULT_SOFTMAX_TYPE);
    const accT = typeOf(env, 'accum', DEFAULT_SOFTMAX_TYPE);
    const invInpT = typeOf(env, 'inv_inp', DEFAULT_SOFTMAX_TYPE);
    const addrT = stable ? (optionalTypeOf(env, 'inp_norm') ?? fixed(xt.width, xt.integer, { signed: false })) : xt;
    const tab = tables(env, `${impl}|${size}|${typesKey(addrT, expT, invInpT, invT)}`, () => ({
      exp: softmaxExpTable(size, addrT, expT, stable),
      inv: softmaxInvTable(size, invInpT, invT),
    }));
    const e = new Float64Array(n);
    for (let s = 0; s < slices; s++) {
      const o = s * n;
      let max = -Infinity;
      if (stable) for (let i = 0; i < n; i++) max = x[o + i] > max ? x[o + i] : max;
      for (let i = 0; i < n; i++) {
        const a = stable ? c.cast(max - x[o + i], addrT, 'inp_norm') : x[o + i];
        e[i] = c.cast(tab.exp[indexFromValue(a, nBits, addrT)], accT, 'accum');
      }
      const sum = c.cast(reduceAdd(e, 0, n, accT, c), invInpT, 'inv_inp');
      const inv = tab.inv[indexFromValue(sum, nBits, invInpT)];
      for (let i = 0; i < n; i++) out[o + i] = e[i] * inv;
    }
  } else {
    fail('bad-config', undefined, `layer '${layer.name}': unknown softmax implementation '${impl}'`);
  }
  c.flush(env.tally, layer.name);
  return castDoubles(out, input.count, input.size, rt, { tally: env.tally, layer: layer.name, variable: 'result' });
}
