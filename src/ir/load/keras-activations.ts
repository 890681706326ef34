/** Keras activation names and activation layers → IR {@link ActivationSpec}s, with hls4ml's naming. */
import { ACTIVATION_FUNCTIONS, type ActivationFn, type ActivationSpec } from '../layer.js';

const ALIASES: Readonly<Record<string, ActivationFn>> = {
  leakyrelu: 'leaky_relu',
  leaky_relu: 'leaky_relu',
  hard_silu: 'swish',
  silu: 'swish',
  hard_swish: 'swish',
  hardsigmoid: 'hard_sigmoid',
  hard_tanh: 'hard_tanh',
};

/** Maps a Keras activation string (`'relu'`, `'softmax'`, …) to an activation function, or undefined. */
export function activationFromName(name: string): ActivationFn | undefined {
  const n = name.trim().toLowerCase();
  if (ALIASES[n]) return ALIASES[n];
  return (ACTIVATION_FUNCTIONS as readonly string[]).includes(n) ? (n as ActivationFn) : undefined;
}

/** The activation of a Keras `activation` config value (a string, or a serialised `{class_name, config}`). */
export function activationName(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'class_name' in value) {
    const v = value as { class_name: unknown; config?: { name?: unknown } };
    if (v.class_name === 'function' || v.class_name === '__function__') return String(v.config?.name ?? '');
    return String(v.class_name);
  }
  return undefined;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * The activation of a Keras activation layer (`ReLU`, `LeakyReLU`, `ELU`, `PReLU`, `ThresholdedReLU`,
 * `Softmax`); undefined for other classes.
 */
export function activationLayerSpec(className: string, config: Readonly<Record<string, unknown>>): ActivationSpec | undefined {
  switch (className) {
    case 'ReLU': {
      const slope = num(config.negative_slope) ?? 0;
      const maxValue = num(config.max_value);
      if (slope !== 0) return { fn: 'leaky_relu', alpha: slope };
      if (maxValue === 6) return { fn: 'relu6', maxValue: 6 };
      return maxValue !== undefined ? { fn: 'relu', maxValue } : { fn: 'relu' };
    }
    case 'LeakyReLU':
      return { fn: 'leaky_relu', alpha: num(config.alpha) ?? num(config.negative_slope) ?? 0.3 };
    case 'ELU':
      return { fn: 'elu', alpha: num(config.alpha) ?? 1 };
    case 'PReLU':
      return { fn: 'prelu' };
    case 'ThresholdedReLU':
      return { fn: 'thresholded_relu', theta: num(config.theta) ?? 1 };
    case 'Softmax':
      return { fn: 'softmax' };
    default:
      return undefined;
  }
}
