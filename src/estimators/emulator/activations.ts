/**
 * Activation layers (`nnet_activation.h`, HEAD): comparisons and products at full precision, one cast to res_t.
 * ReLU family and linear select values; leaky ReLU multiplies by alpha in param_t (the point's `param`, else the
 * model default), thresholded ReLU compares with theta in param_t; hard sigmoid/tanh use slope ap_ufixed<16,0> and
 * shift ap_ufixed<2,0>; sigmoid/tanh/softplus/softsign/elu/selu read `table_t` tables (see tables.ts) at
 * `trunc(x·N/16) + N/2` (tanh: `trunc(x·N/8) + N/2`), elu/selu at `trunc(−x·N/8)` for x < 0.
 * Inputs wider than 52 bits are read exactly by the selecting functions, as their nearest double by the others.
 */
import { castNumber } from '../../fixed/fast-cast.js';
import { fixed, fractionalBits, type FixedType } from '../../fixed/precision.js';
import { TABLE_ACTIVATIONS, DEFAULT_TABLE_TYPE } from '../../ir/precision-slots.js';
import { fail } from '../../util/errors.js';
import { allMantissas, castDoubles, castMantissas } from './cast-values.js';
import { defaultType, numAttr, optionalTypeOf, typeOf, type LayerEnv } from './layer-env.js';
import { memo, quantised, quantiseArray, typesKey } from './quantised-params.js';
import { activationTable, centredIndex, type TableFn } from './tables.js';
import type { Values } from './values.js';

const SELU_LAMBDA = 1.0507009873554805;

function paramType(env: LayerEnv): FixedType {
  return optionalTypeOf(env, 'param') ?? defaultType(env);
}

function table(env: LayerEnv, fn: TableFn): Float64Array {
  const t = typeOf(env, 'table', DEFAULT_TABLE_TYPE);
  const n = env.knobs.tableSize;
  if (!Number.isInteger(n) || n < 1) fail('bad-config', undefined, `layer '${env.layer.name}': table size ${n}`);
  const tab = memo(env.layer, `table|${fn}|${n}|${typesKey(t)}`, () => activationTable(fn, n, t));
  env.tally.add(env.layer.name, 'table', tab.overflows, n);
  return tab.values;
}

/** Selecting activations on exact mantissas (inputs wider than the double path). */
function selectExact(env: LayerEnv, input: Values, pick: (m: bigint, f: number, i: number) => bigint, rt: FixedType): Values {
  const f = fractionalBits(input.type);
  const m = allMantissas(input).map((v, i) => pick(v, f, i));
  return castMantissas(m, f, input.count, input.size, rt, { tally: env.tally, layer: env.layer.name, variable: 'result' });
}

/** Emulates an Activation layer (softmax excluded). */
export function emulateActivation(env: LayerEnv, input: Values): Values {
  const { layer } = env;
  const spec = layer.activation ?? { fn: 'linear' as const };
  const rt = typeOf(env, 'result');
  const n = input.data.length;
  const x = input.data;
  const out = new Float64Array(n);
  const sink = { tally: env.tally, layer: layer.name, variable: 'result' };
  const wide = input.exact !== undefined;
  const scaleOf = (v: number) => BigInt(Math.round(v * 2 ** fractionalBits(input.type)));
  switch (spec.fn) {
    case 'linear':
      if (wide) return selectExact(env, input, (m) => m, rt);
      out.set(x);
      break;
    case 'relu':
    case 'relu6': {
      const cap = spec.fn === 'relu6' ? 6 : spec.maxValue;
      if (wide) return selectExact(env, input, (m) => (m > 0n ? (cap !== undefined && m > scaleOf(cap) ? scaleOf(cap) : m) : 0n), rt);
      for (let i = 0; i < n; i++) out[i] = x[i] > 0 ? (cap !== undefined && x[i] > cap ? cap : x[i]) : 0;
      break;
    }
    case 'thresholded_relu': {
      const theta = castNumber(spec.theta ?? 1, paramType(env));
      for (let i = 0; i < n; i++) out[i] = x[i] > theta ? x[i] : 0;
      break;
    }
    case 'leaky_relu':
    case 'prelu': {
      const pt = paramType(env);
      const q = spec.fn === 'prelu' ? quantised(layer, 'alpha', pt) : quantiseArray(Float64Array.of(spec.alpha ?? 0.3), pt);
      const alphas = q.data;
      const at = (i: number) => (alphas.length === 1 ? 0 : (i % input.size) % alphas.length);
      if (wide || !q.exactDoubles || input.type.width + q.maxOddBits > 53) {
        const fa = fractionalBits(pt);
        const up = Math.max(fa, 0);
        const am = q.mantissas();
        const m = allMantissas(input).map((v, i) => (v > 0n ? v << BigInt(up) : (v * am[at(i)]) << BigInt(up - fa)));
        return castMantissas(m, fractionalBits(input.type) + up, input.count, input.size, rt, sink);
      }
      for (let i = 0; i < n; i++) out[i] = x[i] > 0 ? x[i] : alphas[at(i)] * x[i];
      break;
    }
    case 'hard_sigmoid':
    case 'hard_tanh': {
      const slope = castNumber(numAttr(layer, 'slope', 0.2), optionalTypeOf(env, 'slope') ?? fixed(16, 0, { signed: false }));
      const shift = castNumber(numAttr(layer, 'shift', 0.5), optionalTypeOf(env, 'shift') ?? fixed(2, 0, { signed: false }));
      for (let i = 0; i < n; i++) {
        const y = Math.min(1, Math.max(0, slope * x[i] + shift));
        out[i] = spec.fn === 'hard_tanh' ? 2 * y - 1 : y;
      }
      break;
    }
    case 'binary_tanh':
      for (let i = 0; i < n; i++) out[i] = x[i] > 0 ? 1 : -1;
      break;
    case 'ternary_tanh':
      for (let i = 0; i < n; i++) {
        const d = castNumber(2 * x[i], input.type);
        out[i] = d > 1 ? 1 : d > -1 ? 0 : -1;
      }
      break;
    case 'sigmoid':
    case 'softplus':
    case 'softsign':
    case 'tanh': {
      const tab = table(env, spec.fn);
      const range = spec.fn === 'tanh' ? 8 : 16;
      for (let i = 0; i < n; i++) out[i] = tab[centredIndex(x[i], tab.length, range)];
      break;
    }
    case 'elu':
    case 'selu': {
      const tab = table(env, spec.fn);
      const last = tab.length - 1;
      const alpha = spec.fn === 'elu' && spec.alpha !== undefined && spec.alpha !== 1 ? castNumber(spec.alpha, paramType(env)) : 1;
      const lambda = castNumber(SELU_LAMBDA, rt);
      for (let i = 0; i < n; i++) {
        if (x[i] >= 0) out[i] = spec.fn === 'selu' ? lambda * x[i] : x[i];
        else {
          const idx = Math.min(last, Math.trunc((-x[i] * tab.length) / 8));
          out[i] = spec.fn === 'selu' ? tab[idx] : alpha * tab[idx];
        }
      }
      break;
    }
    default:
      if (TABLE_ACTIVATIONS.has(spec.fn) || spec.fn !== 'softmax') {
        fail('unsupported-layer', undefined, `layer '${layer.name}': activation '${spec.fn}' has no hls4ml Vivado kernel the emulator knows`);
      }
      fail('internal', undefined, `layer '${layer.name}': softmax reached the activation kernel`);
  }
  return castDoubles(out, input.count, input.size, rt, sink);
}
