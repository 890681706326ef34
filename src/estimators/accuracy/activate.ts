/** Scalar activation functions in float64, as Keras defines them (the float reference of every activation). */
import type { ActivationSpec } from '../../ir/layer.js';

const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;

/** Error function (Abramowitz–Stegun 7.1.26 is too coarse for a 1e-5 cross-check; this series/continued fraction is exact to ~1e-15). */
function erf(x: number): number {
  const ax = Math.abs(x);
  if (ax < 2.5) {
    let sum = ax;
    let term = ax;
    for (let k = 1; k < 60; k++) {
      term *= (-ax * ax) / k;
      const add = term / (2 * k + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return Math.sign(x) * (2 / Math.sqrt(Math.PI)) * sum;
  }
  // erfc continued fraction (Lentz) for large |x|
  let f = ax;
  let c = ax;
  let d = 0;
  for (let k = 1; k < 200; k++) {
    const a = k / 2;
    d = ax + a * d;
    d = d === 0 ? 1e-300 : 1 / d;
    c = ax + a / c;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  const erfc = Math.exp(-ax * ax) / (f * Math.sqrt(Math.PI));
  return Math.sign(x) * (1 - erfc);
}

/**
 * One activation value. hard_sigmoid is Keras 2's / hls4ml's default `clip(0.2·x + 0.5, 0, 1)`, hard_tanh is
 * `clip(x, −1, 1)`, binary_tanh and ternary_tanh follow hls4ml (`x > 0 → 1 else −1`; `x > 1 → 1, x ≤ −1 → −1, else 0`).
 */
export function activate(spec: ActivationSpec, v: number): number {
  switch (spec.fn) {
    case 'linear': return v;
    case 'relu': return spec.maxValue !== undefined ? Math.min(Math.max(v, 0), spec.maxValue) : Math.max(v, 0);
    case 'relu6': return Math.min(Math.max(v, 0), spec.maxValue ?? 6);
    case 'leaky_relu': return v >= 0 ? v : (spec.alpha ?? 0.3) * v;
    case 'thresholded_relu': return v > (spec.theta ?? 1) ? v : 0;
    case 'elu': return v > 0 ? v : (spec.alpha ?? 1) * Math.expm1(v);
    case 'selu': return v > 0 ? SELU_SCALE * v : SELU_SCALE * SELU_ALPHA * Math.expm1(v);
    case 'sigmoid': return 1 / (1 + Math.exp(-v));
    case 'hard_sigmoid': return Math.min(Math.max(0.2 * v + 0.5, 0), 1);
    case 'tanh': return Math.tanh(v);
    case 'hard_tanh': return Math.min(Math.max(v, -1), 1);
    case 'softplus': return v > 30 ? v : Math.log1p(Math.exp(v));
    case 'softsign': return v / (1 + Math.abs(v));
    case 'swish': return v / (1 + Math.exp(-v));
    case 'gelu': return 0.5 * v * (1 + erf(v / Math.SQRT2));
    case 'exponential': return Math.exp(v);
    case 'binary_tanh': return v > 0 ? 1 : -1;
    case 'ternary_tanh': return v > 1 ? 1 : v <= -1 ? -1 : 0;
    case 'prelu':
    case 'softmax':
      throw new RangeError(`${spec.fn} is not element-wise`);
  }
}
