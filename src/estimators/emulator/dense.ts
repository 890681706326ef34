/**
 * Dense (`nnet_dense_latency.h`): weights [n_in, n_out] cast to weight_t, biases to bias_t, the MAC kernel in
 * accum_t, result cast to res_t. A Dense on a multi-dimensional input applies to every row of the last axis.
 */
import { fixed } from '../../fixed/precision.js';
import { fail } from '../../util/errors.js';
import { typeOf, type LayerEnv } from './layer-env.js';
import { macPlan, type MacPlan } from './mac.js';
import { runMac } from './mac-run.js';
import { memo, quantised, typesKey } from './quantised-params.js';
import type { Values } from './values.js';

/** Records the static weight/bias cast overflows of a layer (once per run). */
export function tallyParams(env: LayerEnv, plan: MacPlan, weightVar: string, biasVar: string, nBias: number, biasOverflows: number): void {
  env.tally.add(env.layer.name, weightVar, plan.weight.overflows, plan.weight.data.length);
  env.tally.add(env.layer.name, biasVar, biasOverflows, nBias);
}

/** Emulates a Dense layer. */
export function emulateDense(env: LayerEnv, input: Values): Values {
  const { layer } = env;
  const w = layer.params.weight;
  if (!w || w.shape.length !== 2) fail('unsupported-layer', undefined, `layer '${layer.name}': Dense needs a 2-D weight`);
  const [nIn, nOut] = w.shape;
  if (input.size % nIn !== 0) fail('model-mismatch', undefined, `layer '${layer.name}': input size ${input.size} is not a multiple of n_in ${nIn}`);
  const wt = typeOf(env, 'weight');
  const bt = typeOf(env, 'bias', fixed(1, 1));
  const at = typeOf(env, 'accum');
  const rt = typeOf(env, 'result');
  const weight = quantised(layer, 'weight', wt);
  const bias = quantised(layer, 'bias', bt, nOut);
  const plan = memo(layer, `dense|${typesKey(wt, bt, at)}`, () =>
    macPlan(nIn, nOut, weight, (i, j) => i * nOut + j, bias, at, nIn),
  );
  tallyParams(env, plan, 'weight', 'bias', nOut, bias.overflows);
  return runMac({ env, plan, input, vectors: input.size / nIn, result: rt });
}
