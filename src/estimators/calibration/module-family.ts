/**
 * Which hardware family a synthesised function belongs to, from its name in a report (`dense`, `conv_2d_cl`,
 * `relu`, `normalize`, …). Hand-modified kernels (`*_me`, `*_ss`, `*_switch`, `*_v1/_v2`) and tool-mangled
 * helpers are not stock hls4ml layers and are kept apart.
 * @see /work/shared/data/README.md ("Read before fitting")
 */
import type { ActivationFn } from '../../ir/layer.js';
import type { LayerFamily } from '../signature.js';

/** A recognised stock hls4ml function. */
export interface ModuleFamily {
  readonly family: LayerFamily;
  readonly label: string;
  readonly activation?: ActivationFn;
  readonly poolOp?: 'max' | 'average';
}

const TABLE: readonly (readonly [RegExp, LayerFamily, ActivationFn?])[] = [
  [/^dense(_array)?$/, 'dense'],
  [/^pointwise_conv_[12]d_cl(_array)?$/, 'pointwise'],
  [/^separable_conv_[12]d_cl(_array)?$/, 'separable'],
  [/^depthwise_conv_[12]d_cl(_array)?$/, 'depthwise'],
  [/^conv_2d_cl(_array)?$/, 'conv2d'],
  [/^conv_1d_cl(_array)?$/, 'conv1d'],
  [/^pooling[12]d_cl(_array)?$/, 'pooling'],
  [/^global_pooling[12]d_cl(_array)?$/, 'global-pooling'],
  [/^(relu|linear|leaky_relu|relu6|thresholded_relu|prelu|hard_sigmoid|hard_tanh|binary_tanh|ternary_tanh)$/, 'activation'],
  [/^(sigmoid|tanh|softplus|softsign|elu|selu)$/, 'table-activation'],
  [/^softmax$/, 'softmax'],
  [/^normalize$/, 'batchnorm'],
  [/^zeropad[12]d_cl(_array)?$/, 'zeropad'],
  [/^resize_nearest$/, 'upsampling'],
  [/^(add|subtract|multiply|average|maximum|minimum)$/, 'merge'],
  [/^concatenate[123]d$/, 'concat'],
];

/** True for the hand-modified kernels the data README says to keep apart from stock hls4ml. */
export function isHandModified(name: string): boolean {
  return /_(me|ss|switch|v1|v2)(_\d+)?$/.test(name);
}

/** The stock family of a function name (the part before ` [config]`), or undefined. */
export function moduleFamily(name: string): ModuleFamily | undefined {
  const base = name.trim().split(/\s+/)[0];
  if (isHandModified(base)) return undefined;
  for (const [re, family] of TABLE) {
    if (!re.test(base)) continue;
    const fn = family === 'activation' || family === 'table-activation' ? (base as ActivationFn) : undefined;
    return { family, label: base, ...(fn ? { activation: fn } : {}) };
  }
  return undefined;
}
