/**
 * HGQ (High Granularity Quantization) proxy models: `FixedPointQuantizer` layers carry per-element
 * (keep_negative, bits, integers) masks and an `overrides` block of hls4ml layer settings.
 * @see /work/shared/docs/hls4ml.md §4.1 and §4.3; hls4ml/converters/keras/hgq_proxy_model.py (facts only)
 */
import { fixed, parsePrecision, type FixedType, type Precision } from '../../fixed/precision.js';
import type { HgqInfo } from '../layer.js';
import type { Tensor } from '../tensor.js';
import type { KerasWeights } from './keras-params.js';

/** hls4ml settings an HGQ proxy model embeds for one layer, split into precisions and other attributes. */
export interface HgqOverride {
  readonly quantizers: Record<string, Precision>;
  readonly config: Record<string, unknown>;
}

/** Collects the `overrides.layers` blocks of every FixedPointQuantizer, by target layer name. */
export function collectHgqOverrides(configs: readonly Readonly<Record<string, unknown>>[]): Map<string, HgqOverride> {
  const out = new Map<string, HgqOverride>();
  for (const cfg of configs) {
    const layers = (cfg.overrides as { layers?: Record<string, Record<string, unknown>> } | undefined)?.layers;
    if (!layers) continue;
    for (const [layer, settings] of Object.entries(layers)) {
      const entry = out.get(layer) ?? { quantizers: {}, config: {} };
      for (const [key, value] of Object.entries(settings)) {
        if (key.endsWith('_t') && typeof value === 'string') entry.quantizers[key.slice(0, -2)] = parsePrecision(value);
        else if (!key.startsWith('_')) entry.config[key] = value;
      }
      out.set(layer, entry);
    }
  }
  return out;
}

/** A quantizer's per-element mask and whether every element has the same type. */
export interface QuantizerMask {
  readonly uniform: boolean;
  readonly keepNegative: Uint8Array;
  readonly bits: Uint8Array;
  readonly integers: Int8Array;
  /** The smallest single fixed type that holds every element's type (what hls4ml uses as `result_t`). */
  readonly envelope: FixedType;
}

/** Reads the mask of a FixedPointQuantizer from its weights (`keep_negative`, `bits`, `integers`). */
export function quantizerMask(w: KerasWeights, rounding: string, overflow: string): QuantizerMask {
  const get = (k: string): Tensor => {
    const t = w.get(k);
    if (!t) throw new Error(`FixedPointQuantizer has no '${k}' weights`);
    return t;
  };
  const k = Uint8Array.from(get('keep_negative').data);
  const b = Uint8Array.from(get('bits').data);
  const i = Int8Array.from(get('integers').data);
  const n = Math.max(k.length, b.length, i.length);
  const at = <T extends Uint8Array | Int8Array>(a: T, j: number) => a[a.length === 1 ? 0 : j];
  const keepNegative = new Uint8Array(n);
  const bits = new Uint8Array(n);
  const integers = new Int8Array(n);
  let uniform = true;
  let anySigned = false;
  let maxInt = -128;
  let maxFrac = -128;
  for (let j = 0; j < n; j++) {
    keepNegative[j] = at(k, j);
    bits[j] = at(b, j);
    integers[j] = at(i, j);
    if (j > 0 && (keepNegative[j] !== keepNegative[0] || bits[j] !== bits[0] || integers[j] !== integers[0])) uniform = false;
    if (bits[j] === 0) continue;
    anySigned ||= keepNegative[j] === 1;
    maxInt = Math.max(maxInt, integers[j]);
    maxFrac = Math.max(maxFrac, bits[j] - integers[j]);
  }
  if (maxInt === -128) {
    maxInt = 0;
    maxFrac = 1;
  }
  const width = Math.max(1, maxInt + maxFrac);
  const envelope = fixed(width, maxInt, {
    signed: anySigned,
    rounding: rounding === 'RND' ? 'RND' : rounding === 'RND_CONV' ? 'RND_CONV' : 'TRN',
    overflow: overflow === 'SAT' ? 'SAT' : overflow === 'SAT_SYM' ? 'SAT_SYM' : 'WRAP',
  });
  return { uniform, keepNegative, bits, integers, envelope };
}

/** HgqInfo for a heterogeneous quantizer layer. */
export function maskInfo(mask: QuantizerMask): HgqInfo {
  return { elementBits: mask.bits, elementIntegers: mask.integers, elementSigned: mask.keepNegative };
}

/**
 * Minimal bits of each value (0 for zero): the width of the smallest fixed type holding it exactly, sign
 * included for negative values — HGQ's per-weight widths, recovered from the quantised weights.
 */
export function minimalWeightBits(data: Float32Array): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let j = 0; j < data.length; j++) {
    const v = data[j];
    if (v === 0) continue;
    let m = Math.abs(v);
    // Scale to an odd integer mantissa m·2^e; the bits needed are the mantissa's bit length.
    while (!Number.isInteger(m)) m *= 2;
    while (m % 2 === 0) m /= 2;
    out[j] = Math.min(255, Math.floor(Math.log2(m)) + 1 + (v < 0 ? 1 : 0));
  }
  return out;
}
