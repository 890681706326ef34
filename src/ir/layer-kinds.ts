/** The layer kinds of the IR, named as hls4ml's layer classes (and Keras' where hls4ml merges several). */

/** Every layer kind the IR can hold. */
export const LAYER_KINDS = [
  'Input',
  'Dense',
  'Conv1D',
  'Conv2D',
  'DepthwiseConv1D',
  'DepthwiseConv2D',
  'SeparableConv1D',
  'SeparableConv2D',
  'MaxPooling1D',
  'MaxPooling2D',
  'AveragePooling1D',
  'AveragePooling2D',
  'GlobalMaxPooling1D',
  'GlobalMaxPooling2D',
  'GlobalAveragePooling1D',
  'GlobalAveragePooling2D',
  'BatchNormalization',
  'Activation',
  'Softmax',
  'Flatten',
  'Reshape',
  'Transpose',
  'Add',
  'Subtract',
  'Multiply',
  'Average',
  'Maximum',
  'Minimum',
  'Concatenate',
  'ZeroPadding1D',
  'ZeroPadding2D',
  'UpSampling1D',
  'UpSampling2D',
  'SimpleRNN',
  'LSTM',
  'GRU',
  'Quantizer',
] as const;

/** A layer kind. */
export type LayerKind = (typeof LAYER_KINDS)[number];

/** Kinds that multiply by a weight matrix (the layers reuse factor and strategy apply to). */
export const WEIGHTED_KINDS: ReadonlySet<LayerKind> = new Set<LayerKind>([
  'Dense',
  'Conv1D',
  'Conv2D',
  'DepthwiseConv1D',
  'DepthwiseConv2D',
  'SeparableConv1D',
  'SeparableConv2D',
  'SimpleRNN',
  'LSTM',
  'GRU',
]);

/** Convolution kinds (sliding-window layers with weights). */
export const CONV_KINDS: ReadonlySet<LayerKind> = new Set<LayerKind>([
  'Conv1D',
  'Conv2D',
  'DepthwiseConv1D',
  'DepthwiseConv2D',
  'SeparableConv1D',
  'SeparableConv2D',
]);

/** Local pooling kinds. */
export const POOL_KINDS: ReadonlySet<LayerKind> = new Set<LayerKind>([
  'MaxPooling1D',
  'MaxPooling2D',
  'AveragePooling1D',
  'AveragePooling2D',
]);

/** Global pooling kinds. */
export const GLOBAL_POOL_KINDS: ReadonlySet<LayerKind> = new Set<LayerKind>([
  'GlobalMaxPooling1D',
  'GlobalMaxPooling2D',
  'GlobalAveragePooling1D',
  'GlobalAveragePooling2D',
]);

/** Element-wise merge kinds (hls4ml's `Merge` class with an `op`). */
export const MERGE_KINDS: ReadonlySet<LayerKind> = new Set<LayerKind>([
  'Add',
  'Subtract',
  'Multiply',
  'Average',
  'Maximum',
  'Minimum',
]);

/** Recurrent kinds. */
export const RNN_KINDS: ReadonlySet<LayerKind> = new Set<LayerKind>(['SimpleRNN', 'LSTM', 'GRU']);

/**
 * The hls4ml layer class a kind maps to; `LayerType` blocks of an hls4ml config are keyed by these names
 * (e.g. both MaxPooling2D and AveragePooling2D are `Pooling2D`, all merges are `Merge`).
 * @see hls4ml/model/layers.py `layer_map`
 */
export function hlsClassOf(kind: LayerKind): string {
  if (POOL_KINDS.has(kind)) return kind.replace(/^(Max|Average)/, '');
  if (GLOBAL_POOL_KINDS.has(kind)) return kind.replace(/^Global(Max|Average)/, 'Global');
  if (MERGE_KINDS.has(kind)) return 'Merge';
  if (kind === 'Quantizer') return 'FixedPointQuantizer';
  return kind;
}
