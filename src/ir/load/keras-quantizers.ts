/**
 * QKeras quantizers → hls4ml precisions, and the weight quantisation hls4ml applies when it reads a QKeras
 * layer (the stored kernel is the float shadow; the firmware holds the quantised values).
 * @see hls4ml/model/quantizers.py (QKerasQuantizer, get_type) and /work/shared/docs/hls4ml.md §1.2:
 *   `quantized_bits(bits, integer)` → `ap_fixed<bits, integer+1, AP_RND_CONV, AP_SAT>`; relu quantizers are
 *   unsigned; `quantized_tanh` saturates symmetrically when `symmetric`; `binary` → XnorPrecisionType;
 *   `ternary` → `ap_int<2>`.
 */
import { fixed, type FixedType } from '../../fixed/precision.js';

/** A QKeras quantizer as serialised in a Keras config: `{class_name, config}` (or a bare string). */
export interface QuantizerJson {
  readonly class_name: string;
  readonly config?: Readonly<Record<string, unknown>>;
}

/** A QKeras quantizer translated: its hls4ml type and a function that quantises weight values like QKeras. */
export interface QuantizerInfo {
  readonly className: string;
  readonly type: FixedType;
  /** Quantises one value as QKeras would (undefined when hlsdse cannot reproduce it, e.g. `alpha='auto'`). */
  readonly apply?: (x: number) => number;
  /** Something the user should know (e.g. an unsupported `alpha`). */
  readonly warning?: string;
}

function numberOr(v: unknown, d: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : d;
}

function truthy(v: unknown, d: boolean): boolean {
  if (v === undefined || v === null) return d;
  return v === true || v === 1 || v === 'true' || v === 'True';
}

/** Round half to even, as `tf.round` does. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Parses the short string form QKeras also accepts: `quantized_bits(6,0,alpha=1)`. */
export function parseQuantizerString(text: string): QuantizerJson {
  const m = /^\s*([A-Za-z_]\w*)\s*(?:\((.*)\))?\s*$/.exec(text);
  if (!m) return { class_name: text };
  const positional = ['bits', 'integer', 'symmetric', 'keep_negative'];
  const config: Record<string, unknown> = {};
  const args = (m[2] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  args.forEach((a, i) => {
    const kv = /^(\w+)\s*=\s*(.+)$/.exec(a);
    const key = kv ? kv[1] : positional[i];
    const raw = kv ? kv[2] : a;
    const num = Number(raw);
    if (key) config[key] = Number.isFinite(num) ? num : raw.replace(/^['"]|['"]$/g, '');
  });
  if (m[1] === 'quantized_relu' || m[1] === 'quantized_tanh') {
    // positional order of these is (bits, integer, use_sigmoid | symmetric, …)
    if (args.length >= 3 && !/=/.test(args[2])) delete config.symmetric;
  }
  return { class_name: m[1], config };
}

/**
 * Translates a QKeras quantizer; returns undefined for one hls4ml has no precision for (the caller reports it).
 */
export function translateQuantizer(q: QuantizerJson | string): QuantizerInfo | undefined {
  const json = typeof q === 'string' ? parseQuantizerString(q) : q;
  const name = json.class_name;
  const c = json.config ?? {};
  const bits = numberOr(c.bits, 8);
  if (name === 'quantized_bits') {
    const integer = numberOr(c.integer, 0);
    const keepNegative = truthy(c.keep_negative, true);
    const symmetric = truthy(c.symmetric, false);
    const alpha = c.alpha;
    const type = keepNegative
      ? fixed(bits, integer + 1, { rounding: 'RND_CONV', overflow: 'SAT' })
      : fixed(bits, integer, { signed: false, rounding: 'RND_CONV', overflow: 'SAT' });
    const alphaOk = alpha === undefined || alpha === null || alpha === 1 || alpha === 1.0;
    const scale = 2 ** (bits - integer - (keepNegative ? 1 : 0));
    const hi = (keepNegative ? 2 ** (bits - 1) : 2 ** bits) - 1;
    const lo = keepNegative ? (symmetric ? -hi : -(2 ** (bits - 1))) : 0;
    return {
      className: name,
      type,
      ...(alphaOk
        ? { apply: (x: number) => Math.min(hi, Math.max(lo, roundHalfEven(x * scale))) / scale }
        : { warning: `quantized_bits alpha=${JSON.stringify(alpha)} is not reproduced; weights kept as stored` }),
    };
  }
  if (name === 'quantized_relu') {
    const integer = numberOr(c.integer, 0);
    const negativeSlope = numberOr(c.negative_slope, 0);
    const signed = negativeSlope !== 0;
    return { className: name, type: fixed(bits, integer + (signed ? 1 : 0), { signed, rounding: 'RND_CONV', overflow: 'SAT' }) };
  }
  if (name === 'quantized_tanh') {
    const symmetric = truthy(c.symmetric, true);
    return { className: name, type: fixed(bits, 1, { rounding: 'RND_CONV', overflow: symmetric ? 'SAT_SYM' : 'SAT' }) };
  }
  if (name === 'quantized_sigmoid') {
    return { className: name, type: fixed(bits, 0, { signed: false, rounding: 'RND_CONV', overflow: 'SAT' }) };
  }
  if (name === 'binary' || name === 'stochastic_binary' || name === 'bernoulli') {
    return { className: name, type: fixed(1, 1, { signed: false, binary: true }), apply: (x: number) => (x >= 0 ? 1 : -1) };
  }
  if (name === 'ternary' || name === 'stochastic_ternary') {
    const threshold = numberOr(c.threshold, 0.5);
    return {
      className: name,
      type: fixed(2, 2, { isInteger: true }),
      apply: (x: number) => (x > threshold ? 1 : x < -threshold ? -1 : 0),
      ...(c.alpha !== undefined && c.alpha !== 1 ? { warning: `ternary alpha=${JSON.stringify(c.alpha)} is not reproduced` } : {}),
    };
  }
  if (name === 'quantized_po2' || name === 'quantized_relu_po2') {
    // hls4ml's ExponentPrecisionType: weights are ±2^k; hlsdse keeps them as a fixed type wide enough for the range.
    const maxValue = numberOr(c.max_value, 1);
    const integer = Math.max(1, Math.ceil(Math.log2(maxValue)) + 1);
    return {
      className: name,
      type: fixed(bits, integer, { signed: name === 'quantized_po2', rounding: 'RND_CONV', overflow: 'SAT' }),
      warning: `${name} (power-of-two) weights are modelled as a fixed-point type`,
    };
  }
  return undefined;
}
