/**
 * Pooling (`nnet_pooling.h`): max returns the window maximum (data_T) as accum_t; average accumulates
 * `accum_t y = 0; y += x[i]` over the window (padding adds 0), then `y /= n` — an ap_fixed division by an integer,
 * which keeps y's LSB and truncates toward zero — with n the pixels inside the image (count_pad false). The accum_t
 * value is then cast to res_t. Global pooling takes every pixel of a channel, n = height·width.
 */
import { castDyadic } from '../../fixed/quantize.js';
import { fractionalBits, type FixedType } from '../../fixed/precision.js';
import type { Layer } from '../../ir/layer.js';
import { fail } from '../../util/errors.js';
import { castDoubles, castMantissas, allMantissas } from './cast-values.js';
import { typeOf, type LayerEnv } from './layer-env.js';
import { castOne, lastCastOverflowed } from './overflow.js';
import { memo } from './quantised-params.js';
import { isWide, rangeOf, type Values } from './values.js';

/** For each output pixel: the indices of the input pixels of its window that lie inside the image. */
function windows(layer: Layer, global: boolean, inputSize: number): { pixels: Int32Array[]; nChan: number } {
  return memo(layer, `pool-windows|${global}|${inputSize}`, () => {
    const nChan = layer.outputShape[layer.outputShape.length - 1];
    if (global) {
      const n = inputSize / nChan;
      return { pixels: [Int32Array.from({ length: n }, (_, i) => i)], nChan };
    }
    const g = layer.window;
    if (!g) fail('unsupported-layer', undefined, `layer '${layer.name}' has no window geometry`);
    const out: Int32Array[] = [];
    for (let oh = 0; oh < g.outHeight; oh++) {
      for (let ow = 0; ow < g.outWidth; ow++) {
        const px: number[] = [];
        for (let kh = 0; kh < g.filtHeight; kh++) {
          const ih = oh * g.strideHeight - g.padTop + kh * g.dilationHeight;
          for (let kw = 0; kw < g.filtWidth; kw++) {
            const iw = ow * g.strideWidth - g.padLeft + kw * g.dilationWidth;
            if (ih >= 0 && ih < g.inHeight && iw >= 0 && iw < g.inWidth) px.push(ih * g.inWidth + iw);
          }
        }
        out.push(Int32Array.from(px));
      }
    }
    return { pixels: out, nChan: g.nChan };
  });
}

/** a / b truncated toward zero, exact for integers |a| < 2^53 and b ≥ 1. */
export function truncDiv(a: number, b: number): number {
  let q = Math.trunc(a / b);
  const r = a - q * b;
  if (a >= 0) {
    if (r < 0) q--;
    else if (r >= b) q++;
  } else if (r > 0) q++;
  else if (r <= -b) q--;
  return q;
}

/** Emulates local and global max/average pooling. */
export function emulatePooling(env: LayerEnv, input: Values, op: 'max' | 'average', global: boolean): Values {
  const { layer } = env;
  const at = typeOf(env, 'accum');
  const rt = typeOf(env, 'result');
  const { pixels, nChan } = windows(layer, global, input.size);
  const outSize = pixels.length * nChan;
  const count = input.count;
  const xt = input.type;
  const span = Math.max(at.integer, xt.integer) + 1 + Math.max(fractionalBits(at), fractionalBits(xt));
  const fast = !isWide(at) && !isWide(xt) && span <= 53 && Math.abs(fractionalBits(at)) <= 1000;
  const sink = { tally: env.tally, layer: layer.name, variable: 'result' };
  const perOutput = op === 'max' ? 1 : global ? pixels[0].length : (layer.window?.filtHeight ?? 1) * (layer.window?.filtWidth ?? 1);
  const casts = count * outSize * perOutput;
  let ovf = 0;
  if (fast) {
    const acc = new Float64Array(count * outSize);
    const { lo, hi } = rangeOf(at);
    const fa = fractionalBits(at);
    const exactAdds = fractionalBits(xt) <= fa;
    for (let s = 0; s < count; s++) {
      const base = s * input.size;
      for (let p = 0; p < pixels.length; p++) {
        const px = pixels[p];
        for (let c = 0; c < nChan; c++) {
          let y: number;
          if (op === 'max') {
            y = -Infinity;
            for (let e = 0; e < px.length; e++) y = Math.max(y, input.data[base + px[e] * nChan + c]);
            y = castOne(y, at);
            if (lastCastOverflowed) ovf++;
          } else {
            y = 0;
            for (let e = 0; e < px.length; e++) {
              y += input.data[base + px[e] * nChan + c];
              if (!exactAdds || y > hi || y < lo) {
                y = castOne(y, at);
                if (lastCastOverflowed) ovf++;
              }
            }
            y = truncDiv(y * 2 ** fa, px.length) * 2 ** -fa;
          }
          acc[s * outSize + p * nChan + c] = y;
        }
      }
    }
    env.tally.add(layer.name, 'accum', ovf, casts);
    return castDoubles(acc, count, outSize, rt, sink);
  }
  return poolSlow(env, input, op, pixels, nChan, at, rt, casts);
}

function poolSlow(
  env: LayerEnv,
  input: Values,
  op: 'max' | 'average',
  pixels: Int32Array[],
  nChan: number,
  at: FixedType,
  rt: FixedType,
  casts: number,
): Values {
  const x = allMantissas(input);
  const fx = fractionalBits(input.type);
  const fa = fractionalBits(at);
  const f = Math.max(fx, fa);
  const outSize = pixels.length * nChan;
  const acc: bigint[] = new Array(input.count * outSize);
  let ovf = 0;
  for (let s = 0; s < input.count; s++) {
    const base = s * input.size;
    for (let p = 0; p < pixels.length; p++) {
      const px = pixels[p];
      for (let c = 0; c < nChan; c++) {
        let y: bigint;
        if (op === 'max') {
          let m = x[base + px[0] * nChan + c];
          for (let e = 1; e < px.length; e++) if (x[base + px[e] * nChan + c] > m) m = x[base + px[e] * nChan + c];
          const r = castDyadic(m, fx, at);
          if (r.overflow) ovf++;
          y = r.mantissa;
        } else {
          y = 0n;
          for (let e = 0; e < px.length; e++) {
            const sum = (y << BigInt(f - fa)) + (x[base + px[e] * nChan + c] << BigInt(f - fx));
            const r = castDyadic(sum, f, at);
            if (r.overflow) ovf++;
            y = r.mantissa;
          }
          y = y / BigInt(px.length);
        }
        acc[s * outSize + p * nChan + c] = y;
      }
    }
  }
  env.tally.add(env.layer.name, 'accum', ovf, casts);
  return castMantissas(acc, fa, input.count, outSize, rt, { tally: env.tally, layer: env.layer.name, variable: 'result' });
}
