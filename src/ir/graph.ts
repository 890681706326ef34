/** The IR graph: layers in topological order plus the model-wide hls4ml settings. */
import type { Precision } from '../fixed/precision.js';
import type { Layer } from './layer.js';

/** hls4ml's two interface styles. */
export type IoType = 'io_parallel' | 'io_stream';

/** Model-wide settings of an hls4ml configuration (top-level keys and `HLSConfig.Model`). */
export interface GraphConfig {
  readonly ioType: IoType;
  /** FPGA part, e.g. `xcvu13p-flga2577-2-e` (hls4ml's Vivado/Vitis default). */
  readonly part: string;
  readonly clockPeriodNs: number;
  readonly backend: string;
  readonly projectName: string;
  /** `HLSConfig.Model.Precision.default` (hls4ml: `ap_fixed<16,6>`). */
  readonly defaultPrecision: Precision;
  /** `HLSConfig.Model.Precision.maximum`, the cap used by `auto` inference, if given. */
  readonly maximumPrecision?: Precision;
  /** `HLSConfig.Model.BramFactor` (hls4ml's parser default: unlimited). */
  readonly bramFactor: number;
  /** `HLSConfig.Model.PipelineStyle`: `auto`, `pipeline` or `dataflow`. */
  readonly pipelineStyle: 'auto' | 'pipeline' | 'dataflow';
}

/** The model file formats hlsdse reads. */
export type ModelFormat = 'keras-json' | 'keras-h5' | 'keras-v3' | 'onnx';

/** A loaded network: layers in topological order (inputs first), each with resolved shapes and precisions. */
export interface Graph {
  readonly name: string;
  readonly format: ModelFormat;
  /** Files the graph was read from (model, weights, hls4ml config), as given by the user. */
  readonly sourceFiles: readonly string[];
  readonly layers: readonly Layer[];
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly config: GraphConfig;
  /** Things the loader or config noticed but could go on with (ignored config keys, dropped layers). */
  readonly warnings: readonly string[];
  /** SHA-256 of the structure, parameters and configuration (hex); equal graphs have equal hashes. */
  readonly hash: string;
}

/** Finds a layer by name, or undefined. */
export function findLayer(graph: Graph, name: string): Layer | undefined {
  return graph.layers.find((l) => l.name === name);
}

/** Totals over a graph that `inspect` and the estimators report. */
export interface GraphTotals {
  readonly layers: number;
  readonly params: number;
  readonly macs: number;
  readonly weights: number;
  readonly zeroWeights: number;
}

/** Sums the per-layer facts of a graph. */
export function graphTotals(graph: Graph): GraphTotals {
  let params = 0;
  let macs = 0;
  let weights = 0;
  let zeroWeights = 0;
  for (const l of graph.layers) {
    params += l.facts.params;
    macs += l.facts.macs;
    weights += l.facts.weights;
    zeroWeights += l.facts.zeroWeights;
  }
  return { layers: graph.layers.length, params, macs, weights, zeroWeights };
}
