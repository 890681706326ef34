/**
 * Casting whole batches into a variable's type with overflow counting: from exact doubles (fast path) or from
 * mantissas (BigInt path), producing {@link Values} that carry exact mantissas when the target is wide.
 */
import { castArray } from '../../fixed/fast-cast.js';
import { doubleToDyadic } from '../../fixed/dyadic.js';
import { castDyadic } from '../../fixed/quantize.js';
import type { FixedType } from '../../fixed/precision.js';
import type { OverflowTally } from './overflow.js';
import { fromMantissas, isWide, mantissaAt, type Values } from './values.js';

/** Where cast overflows are recorded. */
export interface CastSink {
  readonly tally: OverflowTally;
  readonly layer: string;
  readonly variable: string;
}

/** Casts exact doubles into t (in place when t is fast). */
export function castDoubles(data: Float64Array, count: number, size: number, t: FixedType, sink: CastSink): Values {
  if (t.binary) return binaryValues(data, count, size, t);
  if (!isWide(t)) {
    const n = castArray(data, data, t);
    sink.tally.add(sink.layer, sink.variable, n, data.length);
    return { count, size, data, type: t };
  }
  const m: bigint[] = new Array(data.length);
  let n = 0;
  for (let i = 0; i < data.length; i++) {
    const d = doubleToDyadic(data[i]);
    const r = castDyadic(d.mantissa, d.frac, t);
    if (r.overflow) n++;
    m[i] = r.mantissa;
  }
  sink.tally.add(sink.layer, sink.variable, n, data.length);
  return fromMantissas(count, size, t, m);
}

/** Casts mantissas at F = frac into t. */
export function castMantissas(m: readonly bigint[], frac: number, count: number, size: number, t: FixedType, sink: CastSink): Values {
  if (t.binary) return binaryValues(Float64Array.from(m, (v) => (v >= 0n ? 1 : -1)), count, size, t);
  const out: bigint[] = new Array(m.length);
  let n = 0;
  for (let i = 0; i < m.length; i++) {
    const r = castDyadic(m[i], frac, t);
    if (r.overflow) n++;
    out[i] = r.mantissa;
  }
  sink.tally.add(sink.layer, sink.variable, n, m.length);
  return fromMantissas(count, size, t, out);
}

/** Casts Values into t (a copy). */
export function castValues(v: Values, t: FixedType, sink: CastSink): Values {
  if (!v.exact) return castDoubles(Float64Array.from(v.data), v.count, v.size, t, sink);
  return castMantissas(v.exact, v.type.width - v.type.integer, v.count, v.size, t, sink);
}

/** All mantissas of v (at v's fractional bits). */
export function allMantissas(v: Values): bigint[] {
  if (v.exact) return v.exact.slice();
  const out: bigint[] = new Array(v.data.length);
  for (let i = 0; i < out.length; i++) out[i] = mantissaAt(v, i);
  return out;
}

/**
 * A binary (QKeras `binary`, hls4ml XnorPrecisionType) variable holds −1 or +1; hlsdse keeps the values, not the
 * 0/1 encoding. Values ≥ 0 read as +1.
 */
function binaryValues(data: Float64Array, count: number, size: number, t: FixedType): Values {
  for (let i = 0; i < data.length; i++) data[i] = data[i] >= 0 ? 1 : -1;
  return { count, size, data, type: t };
}
