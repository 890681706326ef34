/** The typed layer of the IR: shapes, parameters, precisions, hls4ml configuration and derived facts. */
import type { Precision } from '../fixed/precision.js';
import type { LayerKind } from './layer-kinds.js';
import type { Shape, Tensor } from './tensor.js';

/** Activation functions the IR knows (hls4ml's `Activation`/`ParametrizedActivation`/`HardActivation` set). */
export const ACTIVATION_FUNCTIONS = [
  'linear',
  'relu',
  'relu6',
  'leaky_relu',
  'thresholded_relu',
  'prelu',
  'elu',
  'selu',
  'sigmoid',
  'hard_sigmoid',
  'tanh',
  'hard_tanh',
  'softmax',
  'softplus',
  'softsign',
  'swish',
  'gelu',
  'exponential',
  'binary_tanh',
  'ternary_tanh',
] as const;

/** An activation function name. */
export type ActivationFn = (typeof ACTIVATION_FUNCTIONS)[number];

/** An activation with its parameter (`alpha` of leaky ReLU/ELU, `theta` of thresholded ReLU). */
export interface ActivationSpec {
  readonly fn: ActivationFn;
  readonly alpha?: number;
  readonly theta?: number;
  /** Upper clip of bounded ReLUs (`relu6`, QKeras `relu_upper_bound`, Keras `max_value`). */
  readonly maxValue?: number;
}

/** Sliding-window geometry of a convolution or pooling layer (1D layers have height 1), after padding is resolved. */
export interface WindowGeometry {
  readonly inHeight: number;
  readonly inWidth: number;
  readonly nChan: number;
  readonly filtHeight: number;
  readonly filtWidth: number;
  readonly strideHeight: number;
  readonly strideWidth: number;
  readonly dilationHeight: number;
  readonly dilationWidth: number;
  readonly padTop: number;
  readonly padBottom: number;
  readonly padLeft: number;
  readonly padRight: number;
  readonly outHeight: number;
  readonly outWidth: number;
  /** Output channels: filters of a conv (`n_filt`), `nChan·depthMultiplier` for depthwise, `nChan` for pooling. */
  readonly nFilt: number;
  /** Keras padding mode the geometry came from. */
  readonly padding: 'valid' | 'same' | 'explicit';
}

/** Recurrent layer settings. */
export interface RecurrentSpec {
  readonly units: number;
  readonly sequenceLength: number;
  readonly inputSize: number;
  readonly returnSequences: boolean;
  readonly returnState: boolean;
  readonly activation: ActivationFn;
  readonly recurrentActivation: ActivationFn;
  /** GRU `reset_after` (Keras 2 default true). */
  readonly resetAfter?: boolean;
}

/** Where a resolved precision came from, most specific first (hls4ml's lookup order, quantizers on top). */
export type PrecisionSource = 'quantizer' | 'LayerName' | 'LayerType' | 'Model' | 'default' | 'inferred';

/** A resolved precision of one variable of a layer (weight, bias, result, accum, table, …). */
export interface PrecisionSlot {
  readonly precision: Precision;
  readonly source: PrecisionSource;
}

/** hls4ml strategies (snake_case as hls4ml normalises them). */
export const STRATEGIES = ['latency', 'resource', 'resource_unrolled', 'distributed_arithmetic'] as const;
/** An hls4ml layer strategy. */
export type Strategy = (typeof STRATEGIES)[number];

/** Per-layer hls4ml configuration: the knobs of `HLSConfig` that apply to one layer. */
export interface LayerConfig {
  readonly strategy: Strategy;
  readonly reuseFactor: number;
  /** Conv ParallelizationFactor (io_parallel); 1 when not set. */
  readonly parallelizationFactor: number;
  /** Conv implementation for io_stream: `LineBuffer` (default) or `Encoded`. */
  readonly convImplementation: 'LineBuffer' | 'Encoded';
  /** Activation lookup-table size (`table_size`, default 1024). */
  readonly tableSize: number;
  /** Softmax implementation (`stable` default, `latency`, `legacy`, `argmax`). */
  readonly implementation?: string;
  /** Every other key of the layer's config block, snake_cased (`trace`, `static`, …). */
  readonly extra: Readonly<Record<string, unknown>>;
}

/** Facts about a layer that estimators need, computed once when the graph is built. */
export interface LayerFacts {
  /** Rows of the multiplied matrix (hls4ml `get_layer_mult_size`): n_in for Dense, K·C for convs. */
  readonly nIn: number;
  /** Columns of the multiplied matrix: n_out for Dense, n_filt for convs, 4·units for LSTM. */
  readonly nOut: number;
  /** Multiply-accumulates per inference (every output pixel counted). */
  readonly macs: number;
  /** Number of trainable/stored parameters (weights, biases, BN scale/bias, recurrent weights). */
  readonly params: number;
  /** Number of weights (kernel entries, all kernels of the layer). */
  readonly weights: number;
  /** Kernel entries that are exactly zero. */
  readonly zeroWeights: number;
  /** Kernel entries that are ±2^k (k integer), i.e. a shift in hardware. */
  readonly pow2Weights: number;
  /** Largest |weight|, 0 when the layer has none. */
  readonly maxAbsWeight: number;
  /** Number of output elements per inference. */
  readonly outputSize: number;
}

/** HGQ (High Granularity Quantization) information carried by a layer. */
export interface HgqInfo {
  /** Minimal bits of every kernel entry (0 for a zero weight), kernel order. */
  readonly weightBits?: Uint8Array;
  /** Per-element result types of a heterogeneous output quantizer (`keep_negative`, `bits`, `integers`). */
  readonly elementBits?: Uint8Array;
  readonly elementIntegers?: Int8Array;
  readonly elementSigned?: Uint8Array;
}

/** One layer of the IR graph. */
export interface Layer {
  readonly name: string;
  readonly kind: LayerKind;
  /** Class (Keras) or op type (ONNX) in the model file this layer came from, e.g. `QDense`, `Gemm`. */
  readonly sourceClass: string;
  /** Names of the layers whose outputs feed this one, in argument order. */
  readonly inputs: readonly string[];
  readonly inputShapes: readonly Shape[];
  readonly outputShape: Shape;
  /** Parameters by hls4ml variable name: `weight`, `bias`, `scale`, `depthwise`, `pointwise`, `recurrent_weight`, … */
  readonly params: Readonly<Record<string, Tensor>>;
  readonly activation?: ActivationSpec;
  readonly window?: WindowGeometry;
  readonly recurrent?: RecurrentSpec;
  /** Other kind-specific attributes (`axis`, `epsilon`, `targetShape`, `perm`, `size`, `useBias`, …). */
  readonly attrs: Readonly<Record<string, number | string | boolean | readonly number[]>>;
  /** Precisions the model file itself fixes (QKeras/HGQ/QONNX quantizers), by variable name. */
  readonly quantizers: Readonly<Record<string, Precision>>;
  /** Resolved precision of every variable of the layer. */
  readonly precisions: Readonly<Record<string, PrecisionSlot>>;
  readonly config: LayerConfig;
  readonly facts: LayerFacts;
  readonly hgq?: HgqInfo;
}
