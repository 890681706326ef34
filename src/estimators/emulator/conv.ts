/**
 * Convolutions, io_parallel latency kernels (`nnet_conv1d_latency.h`, `nnet_conv2d_latency.h`,
 * `nnet_depthwise_product.h`): every output pixel runs the MAC kernel on its im2col window (kernel rows, kernel
 * columns, channels; zeros for padding), weights in Keras layout [kh, kw, c, f]. Stride and dilation follow the
 * layer's window geometry. Depthwise output channel c·dm + m sums its kernel positions of channel c in order.
 * SeparableConv is hls4ml's split: a depthwise conv without bias (depthwise_accum/depthwise_result, falling back to
 * accum/result) into a 1×1 conv with the bias.
 */
import { fixed, type FixedType } from '../../fixed/precision.js';
import type { WindowGeometry } from '../../ir/layer.js';
import { fail } from '../../util/errors.js';
import { tallyParams } from './dense.js';
import { numAttr, optionalTypeOf, typeOf, type LayerEnv } from './layer-env.js';
import { macPlan } from './mac.js';
import { runMac } from './mac-run.js';
import { memo, quantised, typesKey } from './quantised-params.js';
import type { Values } from './values.js';

/** For each output pixel and window element (kh, kw, c): the input index in the sample, or −1 for padding. */
export function im2col(g: WindowGeometry): Int32Array {
  const k = g.filtHeight * g.filtWidth * g.nChan;
  const pixels = g.outHeight * g.outWidth;
  const out = new Int32Array(pixels * k);
  let o = 0;
  for (let oh = 0; oh < g.outHeight; oh++) {
    for (let ow = 0; ow < g.outWidth; ow++) {
      for (let kh = 0; kh < g.filtHeight; kh++) {
        const ih = oh * g.strideHeight - g.padTop + kh * g.dilationHeight;
        for (let kw = 0; kw < g.filtWidth; kw++) {
          const iw = ow * g.strideWidth - g.padLeft + kw * g.dilationWidth;
          const inside = ih >= 0 && ih < g.inHeight && iw >= 0 && iw < g.inWidth;
          for (let c = 0; c < g.nChan; c++) out[o++] = inside ? (ih * g.inWidth + iw) * g.nChan + c : -1;
        }
      }
    }
  }
  return out;
}

function geometry(env: LayerEnv): WindowGeometry {
  const g = env.layer.window;
  if (!g) fail('unsupported-layer', undefined, `layer '${env.layer.name}' has no window geometry`);
  return g;
}

function windowOf(env: LayerEnv): Int32Array {
  const g = geometry(env);
  return memo(env.layer, 'im2col', () => im2col(g));
}

/** Conv1D / Conv2D. */
export function emulateConv(env: LayerEnv, input: Values): Values {
  const { layer } = env;
  const g = geometry(env);
  const nIn = g.filtHeight * g.filtWidth * g.nChan;
  const f = g.nFilt;
  const wt = typeOf(env, 'weight');
  const bt = typeOf(env, 'bias', fixed(1, 1));
  const at = typeOf(env, 'accum');
  const weight = quantised(layer, 'weight', wt);
  if (weight.data.length !== nIn * f) fail('model-mismatch', undefined, `layer '${layer.name}': kernel has ${weight.data.length} entries, expected ${nIn * f}`);
  const bias = quantised(layer, 'bias', bt, f);
  const plan = memo(layer, `conv|${typesKey(wt, bt, at)}`, () => macPlan(nIn, f, weight, (i, j) => i * f + j, bias, at, nIn));
  tallyParams(env, plan, 'weight', 'bias', f, bias.overflows);
  const vectors = g.outHeight * g.outWidth;
  return runMac({ env, plan, input, vectors, gather: windowOf(env), result: typeOf(env, 'result') });
}

interface DepthwiseTypes {
  readonly param: string;
  readonly weight: FixedType;
  readonly bias: FixedType;
  readonly accum: FixedType;
  readonly result: FixedType;
  readonly withBias: boolean;
  readonly accumVariable: string;
  readonly resultVariable: string;
  readonly weightVariable: string;
}

function depthwise(env: LayerEnv, input: Values, t: DepthwiseTypes): Values {
  const { layer } = env;
  const g = geometry(env);
  const k = g.filtHeight * g.filtWidth;
  const c = g.nChan;
  const dm = numAttr(layer, 'depthMultiplier', 1);
  const outC = c * dm;
  const weight = quantised(layer, t.param, t.weight);
  if (weight.data.length !== k * c * dm) fail('model-mismatch', undefined, `layer '${layer.name}': depthwise kernel has ${weight.data.length} entries, expected ${k * c * dm}`);
  const bias = quantised(layer, t.withBias ? 'bias' : '\u0000none', t.bias, outC);
  const plan = memo(layer, `dw|${t.param}|${t.withBias}|${typesKey(t.weight, t.bias, t.accum)}`, () =>
    macPlan(
      k * c,
      outC,
      weight,
      (i, o) => {
        const ch = i % c;
        return ch === Math.floor(o / dm) ? i * dm + (o % dm) : -1;
      },
      bias,
      t.accum,
      k,
    ),
  );
  tallyParams(env, plan, t.weightVariable, t.withBias ? 'bias' : 'depthwise_bias', outC, bias.overflows);
  return runMac({
    env,
    plan,
    input,
    vectors: g.outHeight * g.outWidth,
    gather: windowOf(env),
    result: t.result,
    accumVariable: t.accumVariable,
    resultVariable: t.resultVariable,
  });
}

/** DepthwiseConv1D / DepthwiseConv2D. */
export function emulateDepthwise(env: LayerEnv, input: Values): Values {
  return depthwise(env, input, {
    param: 'weight',
    weight: typeOf(env, 'weight'),
    bias: typeOf(env, 'bias', fixed(1, 1)),
    accum: typeOf(env, 'accum'),
    result: typeOf(env, 'result'),
    withBias: true,
    accumVariable: 'accum',
    resultVariable: 'result',
    weightVariable: 'weight',
  });
}

/** SeparableConv1D / SeparableConv2D as depthwise (no bias) then pointwise. */
export function emulateSeparable(env: LayerEnv, input: Values): Values {
  const { layer } = env;
  const g = geometry(env);
  const accum = typeOf(env, 'accum');
  const result = typeOf(env, 'result');
  const bt = typeOf(env, 'bias', fixed(1, 1));
  const mid = depthwise(env, input, {
    param: 'depthwise',
    weight: typeOf(env, 'depthwise'),
    bias: bt,
    accum: optionalTypeOf(env, 'depthwise_accum') ?? accum,
    result: optionalTypeOf(env, 'depthwise_result') ?? result,
    withBias: false,
    accumVariable: 'depthwise_accum',
    resultVariable: 'depthwise_result',
    weightVariable: 'depthwise',
  });
  const nIn = mid.size / (g.outHeight * g.outWidth);
  const f = layer.outputShape[layer.outputShape.length - 1];
  const pt = typeOf(env, 'pointwise');
  const pAcc = optionalTypeOf(env, 'pointwise_accum') ?? accum;
  const weight = quantised(layer, 'pointwise', pt);
  if (weight.data.length !== nIn * f) fail('model-mismatch', undefined, `layer '${layer.name}': pointwise kernel has ${weight.data.length} entries, expected ${nIn * f}`);
  const bias = quantised(layer, 'bias', bt, f);
  const plan = memo(layer, `pw|${typesKey(pt, bt, pAcc)}`, () => macPlan(nIn, f, weight, (i, j) => i * f + j, bias, pAcc, nIn));
  tallyParams(env, plan, 'pointwise', 'bias', f, bias.overflows);
  return runMac({ env, plan, input: mid, vectors: g.outHeight * g.outWidth, result });
}
