/**
 * HGQ heterogeneous `FixedPointQuantizer` (hls4ml's generated mask function, io_parallel): element i is cast to
 * `ap_{u}fixed<b_i, i_i, RND, SAT>` with the quantizer's rounding and overflow modes (those of the
 * model file's quantizer, else of the point's result type); an element with b_i = 0 is exactly 0. The masked values
 * are then stored in res_t.
 */
import { fixed, type FixedType } from '../../fixed/precision.js';
import { fail } from '../../util/errors.js';
import { castDoubles } from './cast-values.js';
import { typeOf, type LayerEnv } from './layer-env.js';
import { castOne, lastCastOverflowed } from './overflow.js';
import { memo } from './quantised-params.js';
import type { Values } from './values.js';

/** The per-element types of a quantizer layer (undefined = bits 0 → output 0). */
export function elementTypes(env: LayerEnv, modes: FixedType): (FixedType | undefined)[] {
  const h = env.layer.hgq;
  if (!h?.elementBits || !h.elementIntegers) fail('unsupported-layer', undefined, `layer '${env.layer.name}': quantizer without a per-element mask`);
  const bits = h.elementBits;
  const ints = h.elementIntegers;
  const signed = h.elementSigned;
  return memo(env.layer, `mask|${modes.rounding}|${modes.overflow}`, () => {
    const byKey = new Map<string, FixedType>();
    return Array.from(bits, (b, i) => {
      if (b === 0) return undefined;
      const s = signed ? signed[i] === 1 : true;
      const key = `${b},${ints[i]},${s}`;
      let t = byKey.get(key);
      if (!t) {
        t = fixed(b, ints[i], { signed: s, rounding: modes.rounding, overflow: modes.overflow === 'WRAP_SM' && !s ? 'WRAP' : modes.overflow });
        byKey.set(key, t);
      }
      return t;
    });
  });
}

/** Emulates a Quantizer layer. */
export function emulateQuantizer(env: LayerEnv, input: Values): Values {
  const rt = typeOf(env, 'result');
  const own = env.layer.quantizers.result;
  const types = elementTypes(env, own && own.kind === 'fixed' ? own : rt);
  const out = new Float64Array(input.data.length);
  let ovf = 0;
  for (let i = 0; i < out.length; i++) {
    const t = types[types.length === 1 ? 0 : (i % input.size) % types.length];
    if (!t) continue;
    out[i] = castOne(input.data[i], t);
    if (lastCastOverflowed) ovf++;
  }
  env.tally.add(env.layer.name, 'mask', ovf, out.length);
  return castDoubles(out, input.count, input.size, rt, { tally: env.tally, layer: env.layer.name, variable: 'result' });
}
