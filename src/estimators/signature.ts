/**
 * The plain facts a layer estimator needs — family, strategy, io type, matrix size, reuse factor, widths, weight
 * statistics, window geometry, part and clock — as one flat record. Built from an IR layer and its knobs
 * (`signature-of.ts`) and from a calibration record (a report row), so one feature function serves estimation
 * and fitting.
 */
import type { DspType, DeviceFamily } from './device-data.js';
import type { IoType } from '../ir/graph.js';
import type { ActivationFn, Strategy } from '../ir/layer.js';
import type { LayerKind } from '../ir/layer-kinds.js';
import type { HlsTool } from './reports/types.js';
import type { OverflowMode, RoundingMode } from '../fixed/precision.js';

/** Hardware families: layers that share one hls4ml kernel template and therefore one cost model. */
export const LAYER_FAMILIES = [
  'dense',
  'conv1d',
  'conv2d',
  'pointwise',
  'depthwise',
  'separable',
  'pooling',
  'global-pooling',
  'activation',
  'table-activation',
  'softmax',
  'batchnorm',
  'merge',
  'concat',
  'free',
  'transpose',
  'zeropad',
  'upsampling',
  'rnn',
  'quantizer',
] as const;
/** One hardware family. */
export type LayerFamily = (typeof LAYER_FAMILIES)[number];

/** How the tool implements multiplications: its own choice, or forced into fabric (`config_op mul -impl fabric`). */
export type MultiplierImpl = 'auto' | 'fabric';

/** hls4ml's Softmax kernels (`implementation`): `stable` (default), `latency`, `legacy`, `argmax`. */
export type SoftmaxImpl = 'stable' | 'latency' | 'legacy' | 'argmax';

/** Everything a layer estimator reads; every count is per inference, every width in bits. */
export interface LayerSignature {
  readonly family: LayerFamily;
  /** What the layer is called in messages (`Dense`, `conv_2d_cl`, …). */
  readonly label: string;
  readonly strategy: Strategy;
  readonly ioType: IoType;
  readonly reuseFactor: number;
  /** ParallelizationFactor (output pixels per partition, io_parallel convs); 1 elsewhere. */
  readonly parallelization: number;
  /** Matrix rows / columns (hls4ml `get_layer_mult_size`): n_in × n_out for Dense, K·C × F for convs. */
  readonly nIn: number;
  readonly nOut: number;
  /** Kernel entries, and those that are zero / ±2^k after quantisation to the weight type. */
  readonly nWeights: number;
  readonly zeroWeights: number;
  readonly pow2Weights: number;
  /** False when the weight values are unknown (report rows): zero and power-of-two counts are then 0. */
  readonly weightsKnown: boolean;
  /** Non-trivial weights by the signed digits of their code (`WeightStats.digitCounts`); empty when unknown. */
  readonly weightDigitCounts: readonly number[];
  /** The distinct constant products among them (`WeightStats.distinctDigitCounts`); empty when unknown. */
  readonly weightDistinctDigitCounts: readonly number[];
  readonly inputWidth: number;
  readonly inputInteger: number;
  readonly weightWidth: number;
  readonly weightInteger: number;
  readonly biasWidth: number;
  readonly accumWidth: number;
  readonly accumInteger: number;
  readonly resultWidth: number;
  /**
   * The result type's integer bits (sign included), signedness and `ap_fixed` quantisation / overflow modes: what
   * the cast of a value into the result type builds (rounding adder, saturation checks) when it narrows the data.
   */
  readonly resultInteger: number;
  readonly resultSigned: boolean;
  readonly resultRounding: RoundingMode;
  readonly resultOverflow: OverflowMode;
  /** Window geometry (convolution/pooling/padding/upsampling; 1D layers have height 1). */
  readonly inHeight: number;
  readonly inWidth: number;
  readonly nChan: number;
  readonly filtHeight: number;
  readonly filtWidth: number;
  readonly nFilt: number;
  readonly strideHeight: number;
  readonly strideWidth: number;
  readonly outHeight: number;
  readonly outWidth: number;
  /** Input / output pixels (stream words) per inference. */
  readonly inPixels: number;
  readonly outPixels: number;
  /** Output elements per inference (activations, batchnorm, merges: the number of operations). */
  readonly elements: number;
  /** Elements per pixel (the packed stream word of io_stream). */
  readonly channels: number;
  /** Lookup-table size and entry width (table activations, softmax). */
  readonly tableSize: number;
  readonly tableWidth: number;
  readonly activation?: ActivationFn;
  /** Softmax kernel (hls4ml `implementation`); `stable` when absent. */
  readonly softmaxImpl?: SoftmaxImpl;
  /**
   * True for a report row of the io_stream softmax kernel itself (`softmax_stable_array_array_…`), nested under
   * hls4ml's dispatching `softmax` function; a layer's own figures are the dispatcher's.
   */
  readonly bareKernel?: boolean;
  /** Pooling operation (max or average), for pooling families. */
  readonly poolOp: 'max' | 'average';
  /** Recurrent: time steps and state size. */
  readonly sequenceLength: number;
  readonly units: number;
  readonly dspType: DspType;
  readonly partFamily: DeviceFamily;
  /**
   * Speed grade of the part, from its name (`xc7z020clg400-1` → 1, `xcu50-fsvh2104-2L-e` → 2, `xc7vx690t-ffg1930-3`
   * → 3; a low-power `L` part counts as its number); 1, the slowest, when the name carries none.
   */
  readonly speedGrade: number;
  readonly clockNs: number;
  /**
   * Clock uncertainty as a share of the clock period: the margin the HLS tool keeps free of logic in every cycle
   * (`set_clock_uncertainty`). The report's own figure when known, else what hls4ml's backend writes
   * ({@link backendClockUncertainty}).
   */
  readonly clockUncertainty: number;
  readonly tool: HlsTool;
  readonly mulImpl: MultiplierImpl;
  /** Weights are a top-level BRAM port (BramFactor exceeded): off-chip/external, no ROM in the layer. */
  readonly externalWeights: boolean;
}

/**
 * The clock uncertainty hls4ml's build script sets for a tool's backend: 12.5 % from the Vivado backend
 * (`clock_uncertainty='12.5%'` in `VivadoBackend.create_initial_config`, written into `project.tcl` and applied by
 * `build_prj.tcl`'s `set_clock_uncertainty $clock_uncertainty default`: ArgyKokk/hls4ml_MLP_estimator project.tcl,
 * Vitis HLS 2021.1 runs), 27 % from the Vitis backend (`VitisBackend.create_initial_config`; fastmachinelearning/hls4ml
 * PR #629, experimental since v0.7.0, for Vitis HLS 2022.2 and later). Vitis HLS runs older than 2022.2 predate that
 * backend and were made with the Vivado one (`vitisVersion` below 2022.2 gives 12.5 %).
 */
export function backendClockUncertainty(tool: HlsTool, vitisVersion = Infinity): number {
  return tool === 'vitis_hls' && vitisVersion >= 2022.2 ? 0.27 : 0.125;
}

const RELU_LIKE: ReadonlySet<ActivationFn> = new Set<ActivationFn>([
  'linear', 'relu', 'relu6', 'leaky_relu', 'thresholded_relu', 'prelu', 'hard_sigmoid', 'hard_tanh', 'binary_tanh', 'ternary_tanh',
]);

/** The hardware family of an IR layer kind (with its activation function and kernel size where that matters). */
export function familyOf(kind: LayerKind, fn?: ActivationFn, kernelPixels = 0): LayerFamily {
  switch (kind) {
    case 'Input': case 'Flatten': case 'Reshape': return 'free';
    case 'Transpose': return 'transpose';
    case 'Dense': return 'dense';
    case 'Conv1D': return kernelPixels === 1 ? 'pointwise' : 'conv1d';
    case 'Conv2D': return kernelPixels === 1 ? 'pointwise' : 'conv2d';
    case 'DepthwiseConv1D': case 'DepthwiseConv2D': return 'depthwise';
    case 'SeparableConv1D': case 'SeparableConv2D': return 'separable';
    case 'MaxPooling1D': case 'MaxPooling2D': case 'AveragePooling1D': case 'AveragePooling2D': return 'pooling';
    case 'GlobalMaxPooling1D': case 'GlobalMaxPooling2D': case 'GlobalAveragePooling1D': case 'GlobalAveragePooling2D':
      return 'global-pooling';
    case 'BatchNormalization': return 'batchnorm';
    case 'Softmax': return 'softmax';
    case 'Activation':
      if (fn === 'softmax') return 'softmax';
      return fn === undefined || RELU_LIKE.has(fn) ? 'activation' : 'table-activation';
    case 'Add': case 'Subtract': case 'Multiply': case 'Average': case 'Maximum': case 'Minimum': return 'merge';
    case 'Concatenate': return 'concat';
    case 'ZeroPadding1D': case 'ZeroPadding2D': return 'zeropad';
    case 'UpSampling1D': case 'UpSampling2D': return 'upsampling';
    case 'SimpleRNN': case 'LSTM': case 'GRU': return 'rnn';
    case 'Quantizer': return 'quantizer';
  }
}

/** A signature with every field at a neutral value, for builders to override. */
export const BLANK_SIGNATURE: LayerSignature = Object.freeze({
  family: 'free', label: '', strategy: 'latency', ioType: 'io_parallel', reuseFactor: 1, parallelization: 1,
  nIn: 0, nOut: 0, nWeights: 0, zeroWeights: 0, pow2Weights: 0, weightsKnown: false, weightDigitCounts: [], weightDistinctDigitCounts: [],
  inputWidth: 16, inputInteger: 6, weightWidth: 16, weightInteger: 6, biasWidth: 16, accumWidth: 16, accumInteger: 6, resultWidth: 16,
  resultInteger: 6, resultSigned: true, resultRounding: 'TRN', resultOverflow: 'WRAP',
  inHeight: 1, inWidth: 1, nChan: 1, filtHeight: 1, filtWidth: 1, nFilt: 1, strideHeight: 1, strideWidth: 1, outHeight: 1, outWidth: 1,
  inPixels: 1, outPixels: 1, elements: 0, channels: 1, tableSize: 1024, tableWidth: 18, poolOp: 'max',
  sequenceLength: 1, units: 0, dspType: 'DSP48E2', partFamily: 'ultrascale+', speedGrade: 1, clockNs: 5,
  clockUncertainty: 0.125, tool: 'vivado_hls', mulImpl: 'auto',
  externalWeights: false,
} satisfies LayerSignature);
