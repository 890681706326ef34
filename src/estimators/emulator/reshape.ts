/**
 * Layers that only move values: Flatten and Reshape (io_parallel: hls4ml makes the output an in-place view of the
 * input, so values keep the input type; io_stream: a repack that casts to res_t), Transpose, ZeroPadding (zeros)
 * and nearest-neighbour UpSampling, which copy every value into res_t.
 */
import { fractionalBits } from '../../fixed/precision.js';
import type { Layer } from '../../ir/layer.js';
import { sizeOf, type Shape } from '../../ir/tensor.js';
import { fail } from '../../util/errors.js';
import { allMantissas, castDoubles, castMantissas, castValues } from './cast-values.js';
import { typeOf, type LayerEnv } from './layer-env.js';
import { memo } from './quantised-params.js';
import type { Values } from './values.js';

function strides(shape: Shape): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

/** For every output element of one sample: the input element it copies, or −1 for a zero. */
function sourceIndex(layer: Layer): Int32Array {
  return memo(layer, 'gather', () => {
    const inShape = layer.inputShapes[0];
    const outShape = layer.outputShape;
    const out = new Int32Array(sizeOf(outShape));
    const inStr = strides(inShape);
    const outStr = strides(outShape);
    const nums = (key: string): readonly number[] => {
      const v = layer.attrs[key];
      return typeof v === 'number' ? [v] : Array.isArray(v) ? v : [];
    };
    const perm = nums('perm');
    const size = nums('size');
    const pads = nums('pads');
    const rank = outShape.length;
    for (let o = 0; o < out.length; o++) {
      const idx = outShape.map((_, a) => Math.floor(o / outStr[a]) % outShape[a]);
      let src = 0;
      let zero = false;
      if (layer.kind === 'Transpose') {
        idx.forEach((v, a) => (src += v * inStr[perm[a]]));
      } else if (layer.kind === 'UpSampling1D' || layer.kind === 'UpSampling2D') {
        for (let a = 0; a < rank; a++) src += Math.floor(a < rank - 1 ? idx[a] / (size[a] ?? 1) : idx[a]) * inStr[a];
      } else {
        const before = layer.kind === 'ZeroPadding2D' ? [pads[0], pads[2], 0] : [pads[2], 0];
        for (let a = 0; a < rank; a++) {
          const i = idx[a] - (before[a] ?? 0);
          if (i < 0 || i >= inShape[a]) zero = true;
          src += i * inStr[a];
        }
      }
      out[o] = zero ? -1 : src;
    }
    return out;
  });
}

/** Emulates Flatten, Reshape, Transpose, ZeroPadding1D/2D and UpSampling1D/2D. */
export function emulateReshape(env: LayerEnv, input: Values): Values {
  const { layer } = env;
  const sink = { tally: env.tally, layer: layer.name, variable: 'result' };
  if (layer.kind === 'Flatten' || layer.kind === 'Reshape') {
    if (env.point.ioType === 'io_parallel') return input;
    return castValues(input, typeOf(env, 'result'), sink);
  }
  const rt = typeOf(env, 'result');
  const src = sourceIndex(layer);
  const outSize = src.length;
  if (input.size !== sizeOf(layer.inputShapes[0] ?? [])) fail('model-mismatch', undefined, `layer '${layer.name}': input of ${input.size} values`);
  const count = input.count;
  if (input.exact) {
    const m = allMantissas(input);
    const out: bigint[] = new Array(count * outSize);
    for (let s = 0; s < count; s++) for (let o = 0; o < outSize; o++) out[s * outSize + o] = src[o] < 0 ? 0n : m[s * input.size + src[o]];
    return castMantissas(out, fractionalBits(input.type), count, outSize, rt, sink);
  }
  const out = new Float64Array(count * outSize);
  for (let s = 0; s < count; s++) for (let o = 0; o < outSize; o++) out[s * outSize + o] = src[o] < 0 ? 0 : input.data[s * input.size + src[o]];
  return castDoubles(out, count, outSize, rt, sink);
}
