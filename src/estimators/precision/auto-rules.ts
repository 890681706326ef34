/**
 * The type formulas of hls4ml's `infer_precision_types` pass (`hls4ml/model/optimizer/passes/infer_precision.py`),
 * on concrete fixed types. Widths grow from the input and weight *types*, never from values; booleans count as
 * one bit where the pass adds them.
 */
import { fixed, fractionalBits, samePrecision, type FixedType } from '../../fixed/precision.js';

const b = (x: boolean): number => (x ? 1 : 0);

/** `ceil(log2(n))` as the pass computes it (0 for n = 1). */
export function ceilLog2(n: number): number {
  return Math.ceil(Math.log2(n));
}

/**
 * `_apply_max_precision_constraints`: width and integer bits capped separately, signedness taken from the maximum,
 * rounding/saturation/saturation bits taken from the maximum only when they differ from TRN/WRAP/0.
 */
export function capToMaximum(t: FixedType, max: FixedType | undefined): FixedType {
  if (!max) return t;
  return fixed(Math.min(t.width, max.width), Math.min(t.integer, max.integer), {
    signed: max.signed,
    rounding: max.rounding !== 'TRN' ? max.rounding : t.rounding,
    overflow: max.overflow !== 'WRAP' ? max.overflow : t.overflow,
    saturationBits: max.saturationBits !== 0 ? max.saturationBits : t.saturationBits,
  });
}

/** Adds a bias type to a product-sum type (the `if not no_bias` block; also BatchNorm's bias add). */
function withBias(width: number, integer: number, signed: boolean, bias: FixedType): FixedType {
  const frac = width - integer;
  const i = Math.max(integer + b(bias.signed && !signed), bias.integer + b(signed && !bias.signed)) + 1;
  return fixed(i + Math.max(frac, fractionalBits(bias)), i, { signed: signed || bias.signed });
}

/**
 * `_infer_common_precision` (Dense, Conv, Depthwise): `W = Ww + Wx + ceil(log2 n_ops)`, `I = Iw + Ix + ceil(log2
 * n_ops)`, then the bias (unless `noBias`), then the maximum cap. The type of both accum_t and result_t.
 */
export function macType(input: FixedType, weight: FixedType, bias: FixedType, nOps: number, max?: FixedType, noBias = false): FixedType {
  const l = ceilLog2(nOps);
  const width = weight.width + input.width + l;
  const integer = weight.integer + input.integer + l;
  const signed = weight.signed || input.signed;
  const t = noBias ? fixed(width, integer, { signed }) : withBias(width, integer, signed, bias);
  return capToMaximum(t, max);
}

/** `_infer_bn_precision`: `x·scale` (widths and integers add) then `+ bias`, capped. */
export function batchNormType(input: FixedType, scale: FixedType, bias: FixedType, max?: FixedType): FixedType {
  return capToMaximum(withBias(input.width + scale.width, input.integer + scale.integer, input.signed || scale.signed, bias), max);
}

/** `_infer_pooling_precision` accum_t: max → the input type; average → `W + 2e`, `I + e`, e = ceil(log2 pool). */
export function poolAccumType(input: FixedType, op: 'max' | 'average', poolSize: number): FixedType {
  if (op === 'max') return input;
  const e = ceilLog2(poolSize);
  return fixed(input.width + 2 * e, input.integer + e, { signed: input.signed });
}

/** Common superset of two types (Maximum/Minimum, Concatenate): one integer bit more for an unsigned side. */
function superset(a: FixedType, bb: FixedType): { width: number; integer: number; signed: boolean } {
  const signed = a.signed || bb.signed;
  const ia = a.integer + b(signed && !a.signed);
  const ib = bb.integer + b(signed && !bb.signed);
  const integer = Math.max(ia, ib);
  return { width: Math.max(fractionalBits(a), fractionalBits(bb)) + integer, integer, signed };
}

/** `_infer_merge_precision` for add, subtract, average, multiply, maximum, minimum. */
export function mergeType(op: string, a: FixedType, bb: FixedType, max?: FixedType): FixedType {
  if (op === 'add' || op === 'subtract' || op === 'average') {
    const signed = a.signed || bb.signed || op === 'subtract';
    const integer = Math.max(a.integer + b(bb.signed && !a.signed), bb.integer + b(a.signed && !bb.signed)) + 1;
    return capToMaximum(fixed(integer + Math.max(fractionalBits(a), fractionalBits(bb)), integer, { signed }), max);
  }
  if (op === 'multiply') return capToMaximum(fixed(a.width + bb.width, a.integer + bb.integer, { signed: a.signed || bb.signed }), max);
  if (samePrecision(a, bb)) return a;
  const s = superset(a, bb);
  return fixed(s.width, s.integer, { signed: s.signed });
}

/** `_infer_cat_precision`: the superset type, modes from the first input unless default, capped. */
export function concatType(a: FixedType, bb: FixedType, max?: FixedType): FixedType {
  if (samePrecision(a, bb)) return a;
  const s = superset(a, bb);
  return capToMaximum(
    fixed(s.width, s.integer, {
      signed: s.signed,
      rounding: a.rounding !== 'TRN' ? a.rounding : bb.rounding,
      overflow: a.overflow !== 'WRAP' ? a.overflow : bb.overflow,
      saturationBits: a.saturationBits !== 0 ? a.saturationBits : bb.saturationBits,
    }),
    max,
  );
}

/** `_minimal_f` of `bit_exact.py`: the binary search over f ∈ (−32, 32] for the smallest f with x·2^f integral. */
function minimalF(x: number): number {
  let low = -32;
  let high = 32;
  while (low < high - 1) {
    const mid = Math.floor((low + high) / 2);
    const scaled = x * 2 ** mid;
    if (scaled !== Math.trunc(scaled)) low = mid;
    else high = mid;
  }
  return high;
}

/** `_get_precision_from_constant(value, max_width=8)`: the type ParametrizedActivation's `auto` param_t gets. */
export function constantType(value: number, maxWidth = 8): FixedType {
  if (value === 0) return fixed(1, 1, { signed: false });
  const k = value < 0 ? 1 : 0;
  const f = minimalF(value);
  const i = Math.ceil(Math.log2(Math.max(value + 2 ** -f, -value)));
  const width = Math.min(k + i + f, k + maxWidth);
  return fixed(Math.max(1, width), k + i, { signed: k === 1 });
}
