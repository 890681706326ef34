/**
 * One Keras layer → IR layer specs, following hls4ml's conventions: an activation inside Dense/Conv becomes its
 * own `<name>_<activation>` layer, Dropout-like layers disappear, QKeras quantizers become precisions.
 * @see hls4ml/converters/keras/{core,convolution,pooling,merge,recurrent,qkeras}.py for the layer set
 */
import type { Precision } from '../../fixed/precision.js';
import type { ActivationSpec } from '../layer.js';
import type { LayerKind } from '../layer-kinds.js';
import type { LayerSpec, SpecAttr } from '../layer-spec.js';
import { tensor, type Tensor } from '../tensor.js';
import { activationFromName, activationLayerSpec, activationName } from './keras-activations.js';
import { foldBatchNorm, type KerasWeights } from './keras-params.js';
import { translateQuantizer, type QuantizerJson } from './keras-quantizers.js';

/** Keras layers that do nothing at inference and are removed (their consumers read their input). */
export const DROPPED_CLASSES: ReadonlySet<string> = new Set([
  'Dropout',
  'SpatialDropout1D',
  'SpatialDropout2D',
  'AlphaDropout',
  'GaussianDropout',
  'GaussianNoise',
  'ActivityRegularization',
]);

/** A layer's translation: the specs it becomes and anything to tell the user. */
export interface KerasLayerResult {
  readonly specs: LayerSpec[];
  readonly warnings: string[];
}

/** Error for a Keras layer hlsdse cannot translate; the loader adds the file name. */
export class UnsupportedKerasLayer extends Error {}

type Cfg = Readonly<Record<string, unknown>>;

function ints(v: unknown, n: number, what: string): number[] {
  const a = typeof v === 'number' ? new Array<number>(n).fill(v) : Array.isArray(v) ? v.map(Number) : undefined;
  if (!a || a.length !== n || a.some((x) => !Number.isInteger(x))) throw new Error(`${what} must be ${n} integer(s), got ${JSON.stringify(v)}`);
  return a;
}

function baseClass(className: string): string {
  return className.replace(/^Q(?=[A-Z])/, '');
}

function quantizerOf(cfg: Cfg, key: string, warnings: string[], layer: string): ReturnType<typeof translateQuantizer> {
  const q = cfg[key];
  if (q === undefined || q === null) return undefined;
  const info = translateQuantizer(q as QuantizerJson | string);
  const name = typeof q === 'string' ? q : (q as QuantizerJson).class_name;
  if (!info) throw new UnsupportedKerasLayer(`layer '${layer}': QKeras quantizer '${name}' is not supported`);
  if (info.warning) warnings.push(`${layer}: ${info.warning}`);
  return info;
}

function quantise(t: Tensor, apply: ((x: number) => number) | undefined): Tensor {
  if (!apply) return t;
  return tensor(t.shape, t.data.map(apply));
}

function need(w: KerasWeights, key: string, layer: string): Tensor {
  const t = w.get(key);
  if (!t) throw new Error(`layer '${layer}' has no '${key}' weights in the weights file`);
  return t;
}

/** The activation that follows a layer with an `activation` config (QKeras: may be a quantizer). */
function splitActivation(name: string, cfg: Cfg, warnings: string[]): LayerSpec | undefined {
  const raw = cfg.activation;
  if (raw === undefined || raw === null) return undefined;
  const asName = activationName(raw);
  const fn = asName ? activationFromName(asName) : undefined;
  if (fn) {
    if (fn === 'linear') return undefined;
    return { name: `${name}_${fn}`, kind: fn === 'softmax' ? 'Softmax' : 'Activation', sourceClass: 'Activation', inputs: [name], activation: { fn } };
  }
  const q = quantizerOf(cfg, 'activation', warnings, name);
  if (!q) throw new UnsupportedKerasLayer(`layer '${name}': activation ${JSON.stringify(raw)} is not supported`);
  const act = quantizedActivation(q.className, q.type.width);
  return { name: `${name}_${act.fn}`, kind: 'Activation', sourceClass: 'QActivation', inputs: [name], activation: act, quantizers: { result: q.type } };
}

/** The activation function behind a QKeras activation quantizer (hls4ml's mapping). */
function quantizedActivation(className: string, bits: number): ActivationSpec {
  if (className === 'quantized_relu') return { fn: 'relu' };
  if (className === 'quantized_tanh') return { fn: bits === 1 ? 'binary_tanh' : bits === 2 ? 'ternary_tanh' : 'tanh' };
  if (className === 'quantized_sigmoid') return { fn: 'sigmoid' };
  if (className === 'binary') return { fn: 'binary_tanh' };
  if (className === 'ternary') return { fn: 'ternary_tanh' };
  return { fn: 'linear' };
}

function convAttrs(cfg: Cfg, rank: number, name: string): Record<string, SpecAttr> {
  const padding = String(cfg.padding ?? 'valid').toLowerCase();
  if (padding !== 'same' && padding !== 'valid') throw new UnsupportedKerasLayer(`layer '${name}': padding '${padding}' is not supported (only 'same' and 'valid')`);
  if (cfg.data_format === 'channels_first') throw new UnsupportedKerasLayer(`layer '${name}': data_format channels_first is not supported (hls4ml is channels-last)`);
  return {
    kernel: ints(cfg.kernel_size ?? cfg.pool_size, rank, 'kernel_size'),
    strides: ints(cfg.strides ?? cfg.pool_size ?? 1, rank, 'strides'),
    dilation: ints(cfg.dilation_rate ?? 1, rank, 'dilation_rate'),
    padding,
  };
}

/**
 * Translates one Keras layer. `inputs` are the (already re-wired) producer names, `weights` its tensors by
 * Keras variable name. Throws {@link UnsupportedKerasLayer} for a class hlsdse does not model.
 */
export function convertKerasLayer(className: string, name: string, cfg: Cfg, inputs: readonly string[], weights: KerasWeights): KerasLayerResult {
  const warnings: string[] = [];
  const base = baseClass(className);
  const spec = (kind: LayerKind, extra: Partial<LayerSpec> = {}): LayerSpec => ({ name, kind, sourceClass: className, inputs, ...extra });
  const withActivation = (main: LayerSpec): KerasLayerResult => {
    const act = splitActivation(name, cfg, warnings);
    return { specs: act ? [main, act] : [main], warnings };
  };
  const weighted = (kernelKey: string): { params: Record<string, Tensor>; quantizers: Record<string, Precision> } => {
    const kq = quantizerOf(cfg, className === 'QSeparableConv2D' || className === 'QSeparableConv1D' ? 'depthwise_quantizer' : 'kernel_quantizer', warnings, name);
    const bq = quantizerOf(cfg, 'bias_quantizer', warnings, name);
    const params: Record<string, Tensor> = { weight: quantise(need(weights, kernelKey, name), kq?.apply) };
    const quantizers: Record<string, Precision> = {};
    if (kq) quantizers.weight = kq.type;
    if (bq) quantizers.bias = bq.type;
    const b = weights.get('bias');
    if (b) params.bias = quantise(b, bq?.apply);
    return { params, quantizers };
  };
  switch (base) {
    case 'InputLayer':
      throw new Error('InputLayer is handled by the model converter');
    case 'Dense': {
      const { params, quantizers } = weighted('kernel');
      return withActivation(spec('Dense', { params, quantizers, attrs: { units: Number(cfg.units), useBias: cfg.use_bias !== false } }));
    }
    case 'Conv1D':
    case 'Conv2D': {
      const rank = base === 'Conv1D' ? 1 : 2;
      const { params, quantizers } = weighted('kernel');
      return withActivation(spec(base, { params, quantizers, attrs: { ...convAttrs(cfg, rank, name), filters: Number(cfg.filters) } }));
    }
    case 'DepthwiseConv1D':
    case 'DepthwiseConv2D': {
      const rank = base === 'DepthwiseConv1D' ? 1 : 2;
      const key = weights.has('depthwise_kernel') ? 'depthwise_kernel' : 'kernel';
      const dq = quantizerOf(cfg, 'depthwise_quantizer', warnings, name);
      const bq = quantizerOf(cfg, 'bias_quantizer', warnings, name);
      const params: Record<string, Tensor> = { weight: quantise(need(weights, key, name), dq?.apply) };
      const b = weights.get('bias');
      if (b) params.bias = quantise(b, bq?.apply);
      const quantizers: Record<string, Precision> = { ...(dq ? { weight: dq.type } : {}), ...(bq ? { bias: bq.type } : {}) };
      return withActivation(spec(base, { params, quantizers, attrs: { ...convAttrs(cfg, rank, name), depthMultiplier: Number(cfg.depth_multiplier ?? 1) } }));
    }
    case 'SeparableConv1D':
    case 'SeparableConv2D': {
      const rank = base === 'SeparableConv1D' ? 1 : 2;
      const dq = quantizerOf(cfg, 'depthwise_quantizer', warnings, name);
      const pq = quantizerOf(cfg, 'pointwise_quantizer', warnings, name);
      const bq = quantizerOf(cfg, 'bias_quantizer', warnings, name);
      const params: Record<string, Tensor> = {
        depthwise: quantise(need(weights, 'depthwise_kernel', name), dq?.apply),
        pointwise: quantise(need(weights, 'pointwise_kernel', name), pq?.apply),
      };
      const b = weights.get('bias');
      if (b) params.bias = quantise(b, bq?.apply);
      const quantizers: Record<string, Precision> = { ...(dq ? { depthwise: dq.type } : {}), ...(pq ? { pointwise: pq.type } : {}), ...(bq ? { bias: bq.type } : {}) };
      const attrs = { ...convAttrs(cfg, rank, name), filters: Number(cfg.filters), depthMultiplier: Number(cfg.depth_multiplier ?? 1) };
      return withActivation(spec(base, { params, quantizers, attrs }));
    }
    case 'MaxPooling1D':
    case 'MaxPool1D':
    case 'AveragePooling1D':
    case 'AvgPool1D':
    case 'MaxPooling2D':
    case 'MaxPool2D':
    case 'AveragePooling2D':
    case 'AvgPool2D': {
      const kind = (base.startsWith('Max') ? 'MaxPooling' : 'AveragePooling') + base.slice(-2);
      const rank = base.endsWith('1D') ? 1 : 2;
      const a = convAttrs(cfg, rank, name);
      return { specs: [spec(kind as LayerKind, { attrs: { pool: a.kernel, strides: a.strides, padding: a.padding } })], warnings };
    }
    case 'GlobalMaxPooling1D':
    case 'GlobalMaxPooling2D':
    case 'GlobalAveragePooling1D':
    case 'GlobalAveragePooling2D':
      return { specs: [spec(base as LayerKind)], warnings };
    case 'BatchNormalization': {
      const mean = need(weights, 'moving_mean', name);
      const { scale, bias } = foldBatchNorm(weights, Number(cfg.epsilon ?? 1e-3), mean.data.length);
      let count = 0;
      for (const t of weights.values()) count += t.data.length;
      return { specs: [spec('BatchNormalization', { params: { scale, bias }, attrs: { epsilon: Number(cfg.epsilon ?? 1e-3) }, fileParamCount: count })], warnings };
    }
    case 'Activation': {
      if (className === 'QActivation') {
        const q = quantizerOf(cfg, 'activation', warnings, name);
        if (!q) {
          const fn = activationFromName(activationName(cfg.activation) ?? '');
          if (!fn) throw new UnsupportedKerasLayer(`layer '${name}': activation ${JSON.stringify(cfg.activation)} is not supported`);
          return { specs: [spec(fn === 'softmax' ? 'Softmax' : 'Activation', { activation: { fn } })], warnings };
        }
        return { specs: [spec('Activation', { activation: quantizedActivation(q.className, q.type.width), quantizers: { result: q.type } })], warnings };
      }
      const n = activationName(cfg.activation) ?? '';
      const fn = activationFromName(n);
      if (!fn) throw new UnsupportedKerasLayer(`layer '${name}': activation '${n}' is not supported`);
      return { specs: [spec(fn === 'softmax' ? 'Softmax' : 'Activation', { activation: { fn } })], warnings };
    }
    case 'ReLU':
    case 'LeakyReLU':
    case 'ELU':
    case 'PReLU':
    case 'ThresholdedReLU':
    case 'Softmax': {
      const act = activationLayerSpec(base, cfg) as ActivationSpec;
      const params = base === 'PReLU' ? { alpha: need(weights, 'alpha', name) } : undefined;
      return { specs: [spec(base === 'Softmax' ? 'Softmax' : 'Activation', { activation: act, ...(params ? { params } : {}) })], warnings };
    }
    case 'Flatten':
      return { specs: [spec('Flatten')], warnings };
    case 'Reshape':
      return { specs: [spec('Reshape', { attrs: { targetShape: (cfg.target_shape as number[]).map(Number) } })], warnings };
    case 'Permute':
      return { specs: [spec('Transpose', { attrs: { perm: (cfg.dims as number[]).map((d) => Number(d) - 1) } })], warnings };
    case 'Add':
    case 'Subtract':
    case 'Multiply':
    case 'Average':
    case 'Maximum':
    case 'Minimum':
      return { specs: [spec(base as LayerKind)], warnings };
    case 'Concatenate':
      return { specs: [spec('Concatenate', { attrs: { axis: Number(cfg.axis ?? -1) } })], warnings };
    case 'ZeroPadding1D':
    case 'ZeroPadding2D': {
      const p = cfg.padding;
      let pads: number[];
      if (base === 'ZeroPadding1D') {
        const [l, r] = ints(p, 2, 'padding');
        pads = [0, 0, l, r];
      } else if (Array.isArray(p) && Array.isArray(p[0])) {
        pads = [...ints(p[0], 2, 'padding'), ...ints(p[1], 2, 'padding')];
      } else {
        const [h, w] = ints(p, 2, 'padding');
        pads = [h, h, w, w];
      }
      return { specs: [spec(base, { attrs: { pads } })], warnings };
    }
    case 'UpSampling1D':
    case 'UpSampling2D': {
      const rank = base === 'UpSampling1D' ? 1 : 2;
      return { specs: [spec(base, { attrs: { size: ints(cfg.size ?? cfg.length ?? 2, rank, 'size') } })], warnings };
    }
    case 'SimpleRNN':
    case 'LSTM':
    case 'GRU': {
      const kq = quantizerOf(cfg, 'kernel_quantizer', warnings, name);
      const rq = quantizerOf(cfg, 'recurrent_quantizer', warnings, name);
      const bq = quantizerOf(cfg, 'bias_quantizer', warnings, name);
      const params: Record<string, Tensor> = {
        weight: quantise(need(weights, 'kernel', name), kq?.apply),
        recurrent_weight: quantise(need(weights, 'recurrent_kernel', name), rq?.apply),
      };
      const b = weights.get('bias');
      if (b && b.shape.length === 2) {
        // GRU reset_after keeps [input bias; recurrent bias] stacked.
        const n = b.shape[1];
        params.bias = tensor([n], b.data.slice(0, n));
        params.recurrent_bias = tensor([n], b.data.slice(n));
      } else if (b) params.bias = quantise(b, bq?.apply);
      const quantizers: Record<string, Precision> = { ...(kq ? { weight: kq.type } : {}), ...(rq ? { recurrent_weight: rq.type } : {}), ...(bq ? { bias: bq.type } : {}) };
      const act = activationFromName(activationName(cfg.activation) ?? 'tanh') ?? 'tanh';
      const ract = activationFromName(activationName(cfg.recurrent_activation) ?? (base === 'SimpleRNN' ? 'tanh' : 'sigmoid')) ?? 'sigmoid';
      const attrs = { units: Number(cfg.units), returnSequences: cfg.return_sequences === true, returnState: cfg.return_state === true, resetAfter: cfg.reset_after !== false };
      return { specs: [spec(base, { params, quantizers, attrs, activation: { fn: act }, recurrentActivation: { fn: ract } })], warnings };
    }
    default:
      throw new UnsupportedKerasLayer(`layer '${name}' (${className}) is not supported by hlsdse`);
  }
}
