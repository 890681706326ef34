/**
 * BatchNormalization (`nnet_batchnorm.h` `normalize`): `res = data·scale + bias` at full precision, one cast to
 * res_t; scale and bias (already folded from gamma, beta, mean, variance) cast to scale_t and bias_t, indexed by the
 * last axis (the channel).
 */
import { fractionalBits } from '../../fixed/precision.js';
import { fail } from '../../util/errors.js';
import { allMantissas, castDoubles, castMantissas } from './cast-values.js';
import { typeOf, type LayerEnv } from './layer-env.js';
import { quantised } from './quantised-params.js';
import { isWide, type Values } from './values.js';

/** Emulates a BatchNormalization layer. */
export function emulateBatchNorm(env: LayerEnv, input: Values): Values {
  const { layer } = env;
  const st = typeOf(env, 'scale');
  const bt = typeOf(env, 'bias');
  const rt = typeOf(env, 'result');
  const nScale = layer.params.scale?.data.length ?? 0;
  if (nScale === 0 || input.size % nScale !== 0) {
    fail('model-mismatch', undefined, `layer '${layer.name}': ${nScale} scales for an input of ${input.size} values`);
  }
  const scale = quantised(layer, 'scale', st);
  const bias = quantised(layer, 'bias', bt, nScale);
  env.tally.add(layer.name, 'scale', scale.overflows, nScale);
  env.tally.add(layer.name, 'bias', bias.overflows, nScale);
  const xt = input.type;
  const fx = fractionalBits(xt);
  const fs = fractionalBits(st);
  const fb = fractionalBits(bt);
  const fp = fx + Math.max(scale.maxFrac, 0);
  // Bits the exact x·s + b can need: integer bits from the types, fractional bits from the actual parameters.
  const span = Math.max(xt.integer + st.integer, bt.integer) + 1 + Math.max(fp, bias.maxFrac, 0);
  const fast =
    !isWide(xt) && scale.exactDoubles && bias.exactDoubles && xt.width + scale.maxOddBits <= 53 && span <= 53 && Math.abs(fp) <= 1000;
  const n = input.data.length;
  const sink = { tally: env.tally, layer: layer.name, variable: 'result' };
  if (fast) {
    const out = new Float64Array(n);
    const s = scale.data;
    const b = bias.data;
    for (let i = 0; i < n; i++) {
      const c = i % nScale;
      out[i] = input.data[i] * s[c] + b[c];
    }
    return castDoubles(out, input.count, input.size, rt, sink);
  }
  const x = allMantissas(input);
  const sM = scale.mantissas();
  const bM = bias.mantissas();
  const f = Math.max(fx + fs, fb);
  const out: bigint[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % nScale;
    out[i] = ((x[i] * sM[c]) << BigInt(f - fx - fs)) + (bM[c] << BigInt(f - fb));
  }
  return castMantissas(out, f, input.count, input.size, rt, sink);
}
