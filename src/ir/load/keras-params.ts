/**
 * Keras weight tensors → hls4ml parameter names (`kernel` → `weight`, BatchNormalization folded into
 * `scale`/`bias` as hls4ml does), and the Keras 3 variable order per layer class.
 * @see hls4ml/converters/keras/core.py (BatchNormalization: scale = gamma/sqrt(var+eps), bias = beta − mean·scale)
 */
import type { Tensor } from '../tensor.js';
import { tensor } from '../tensor.js';

/** Weights of one layer by Keras variable name (`kernel`, `bias`, `gamma`, `moving_mean`, …). */
export type KerasWeights = ReadonlyMap<string, Tensor>;

/** Variable names of a layer class in storage order (Keras 3 saves them as `vars/0`, `vars/1`, …). */
export function kerasVariableOrder(className: string, config: Readonly<Record<string, unknown>>): string[] {
  const base = className.replace(/^Q(?=[A-Z])/, '');
  const bias = config.use_bias === false ? [] : ['bias'];
  switch (base) {
    case 'Dense':
    case 'Conv1D':
    case 'Conv2D':
    case 'DepthwiseConv1D':
    case 'DepthwiseConv2D':
      return ['kernel', ...bias];
    case 'SeparableConv1D':
    case 'SeparableConv2D':
      return ['depthwise_kernel', 'pointwise_kernel', ...bias];
    case 'BatchNormalization':
      return [...(config.scale === false ? [] : ['gamma']), ...(config.center === false ? [] : ['beta']), 'moving_mean', 'moving_variance'];
    case 'SimpleRNN':
    case 'LSTM':
    case 'GRU':
      return ['kernel', 'recurrent_kernel', ...bias];
    case 'PReLU':
      return ['alpha'];
    default:
      return [];
  }
}

/** Normalises a Keras 2 weight name (`fc1/kernel:0`, `depthwise_kernel:0`) to its variable name. */
export function kerasVariableName(weightName: string): string {
  const last = weightName.replace(/\0+$/, '').split('/').pop() ?? weightName;
  return last.replace(/:\d+$/, '');
}

/** Folds BatchNormalization statistics into hls4ml's per-channel `scale` and `bias`. */
export function foldBatchNorm(w: KerasWeights, epsilon: number, channels: number): { scale: Tensor; bias: Tensor } {
  const get = (k: string, d: number) => w.get(k)?.data ?? new Float32Array(channels).fill(d);
  const gamma = get('gamma', 1);
  const beta = get('beta', 0);
  const mean = get('moving_mean', 0);
  const variance = get('moving_variance', 1);
  const scale = new Float32Array(channels);
  const bias = new Float32Array(channels);
  for (let c = 0; c < channels; c++) {
    scale[c] = gamma[c] / Math.sqrt(variance[c] + epsilon);
    bias[c] = beta[c] - mean[c] * scale[c];
  }
  return { scale: tensor([channels], scale), bias: tensor([channels], bias) };
}
