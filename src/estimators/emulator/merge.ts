/**
 * Merges (`nnet_merge.h`), element by element on two inputs, each at full precision then cast to res_t:
 * add `a + b`, subtract `a − b`, multiply `a·b`, maximum/minimum (the larger/smaller input), and average
 * `(a + b) / (res_t) 2` — an ap_fixed division that keeps the sum's LSB (plus −F of res_t when that is negative) and
 * truncates toward zero. Concatenate copies its inputs along an axis, each value cast to res_t.
 */
import { castNumber } from '../../fixed/fast-cast.js';
import { castDyadic } from '../../fixed/quantize.js';
import { fractionalBits, type FixedType } from '../../fixed/precision.js';
import { fail } from '../../util/errors.js';
import { allMantissas, castDoubles, castMantissas } from './cast-values.js';
import { numAttr, typeOf, type LayerEnv } from './layer-env.js';
import { truncDiv } from './pooling.js';
import { isWide, type Values } from './values.js';

/** An element-wise merge operation. */
export type MergeOp = 'add' | 'subtract' | 'multiply' | 'average' | 'maximum' | 'minimum';

function joinedInteger(a: FixedType, b: FixedType): number {
  return Math.max(a.integer + (b.signed && !a.signed ? 1 : 0), b.integer + (a.signed && !b.signed ? 1 : 0));
}

/** Emulates an element-wise merge of exactly two inputs. */
export function emulateMerge(env: LayerEnv, inputs: readonly Values[], op: MergeOp): Values {
  const { layer } = env;
  if (inputs.length !== 2) fail('unsupported-layer', undefined, `layer '${layer.name}': ${op} of ${inputs.length} inputs (hls4ml merges two)`);
  const [a, b] = inputs;
  if (a.size !== b.size) fail('model-mismatch', undefined, `layer '${layer.name}': inputs of ${a.size} and ${b.size} values`);
  const rt = typeOf(env, 'result');
  const ta = a.type;
  const tb = b.type;
  const fa = fractionalBits(ta);
  const fb = fractionalBits(tb);
  const f = Math.max(fa, fb);
  const span = joinedInteger(ta, tb) + 1 + f;
  const two = castNumber(2, rt);
  if (op === 'average' && two === 0) fail('bad-precision', undefined, `layer '${layer.name}': result type cannot hold the divisor 2 of average`);
  const fits = op === 'multiply' ? ta.width + tb.width <= 53 : span <= 53;
  const fast = !isWide(ta) && !isWide(tb) && fits && Math.abs(fa) + Math.abs(fb) <= 1000 && (op !== 'average' || two === 2);
  const n = a.data.length;
  const sink = { tally: env.tally, layer: layer.name, variable: 'result' };
  if (fast) {
    const out = new Float64Array(n);
    const x = a.data;
    const y = b.data;
    const fq = f + Math.max(0, -fractionalBits(rt));
    for (let i = 0; i < n; i++) {
      switch (op) {
        case 'add':
          out[i] = x[i] + y[i];
          break;
        case 'subtract':
          out[i] = x[i] - y[i];
          break;
        case 'multiply':
          out[i] = x[i] * y[i];
          break;
        case 'maximum':
          out[i] = x[i] > y[i] ? x[i] : y[i];
          break;
        case 'minimum':
          out[i] = x[i] < y[i] ? x[i] : y[i];
          break;
        case 'average':
          out[i] = truncDiv((x[i] + y[i]) * 2 ** fq, 2) * 2 ** -fq;
      }
    }
    return castDoubles(out, a.count, a.size, rt, sink);
  }
  const ma = allMantissas(a);
  const mb = allMantissas(b);
  const sa = BigInt(f - fa);
  const sb = BigInt(f - fb);
  const out: bigint[] = new Array(n);
  let frac = op === 'multiply' ? fa + fb : f;
  const f2 = fractionalBits(rt);
  const v2 = castDyadic(2n, 0, rt).mantissa;
  if (op === 'average') frac = f2 >= 0 ? f : f - f2;
  for (let i = 0; i < n; i++) {
    const A = ma[i] << sa;
    const B = mb[i] << sb;
    switch (op) {
      case 'add':
        out[i] = A + B;
        break;
      case 'subtract':
        out[i] = A - B;
        break;
      case 'multiply':
        out[i] = ma[i] * mb[i];
        break;
      case 'maximum':
        out[i] = A > B ? A : B;
        break;
      case 'minimum':
        out[i] = A < B ? A : B;
        break;
      case 'average':
        out[i] = (f2 >= 0 ? (A + B) << BigInt(f2) : A + B) / v2;
    }
  }
  return castMantissas(out, frac, a.count, a.size, rt, sink);
}

/** Emulates Concatenate along the layer's `axis` (Keras convention, default −1). */
export function emulateConcatenate(env: LayerEnv, inputs: readonly Values[]): Values {
  const { layer } = env;
  const rt = typeOf(env, 'result');
  const rank = layer.outputShape.length;
  const rawAxis = numAttr(layer, 'axis', -1);
  const axis = rawAxis < 0 ? rank + rawAxis : rawAxis - 1;
  const outer = layer.outputShape.slice(0, axis).reduce((p, d) => p * d, 1);
  const inner = inputs.map((v) => v.size / outer);
  const total = inner.reduce((p, d) => p + d, 0);
  const count = inputs[0].count;
  const sink = { tally: env.tally, layer: layer.name, variable: 'result' };
  const wide = inputs.some((v) => isWide(v.type));
  const f = Math.max(...inputs.map((v) => fractionalBits(v.type)));
  const out = new Float64Array(count * total * outer);
  const outM: bigint[] = wide ? new Array(count * total * outer) : [];
  const mants = wide ? inputs.map(allMantissas) : [];
  for (let s = 0; s < count; s++) {
    for (let o = 0; o < outer; o++) {
      let dst = s * total * outer + o * total;
      inputs.forEach((v, k) => {
        const src = s * v.size + o * inner[k];
        for (let e = 0; e < inner[k]; e++, dst++) {
          if (wide) outM[dst] = mants[k][src + e] << BigInt(f - fractionalBits(v.type));
          else out[dst] = v.data[src + e];
        }
      });
    }
  }
  return wide ? castMantissas(outM, f, count, total * outer, rt, sink) : castDoubles(out, count, total * outer, rt, sink);
}
