/**
 * What `estimateDesign` computes once per graph rather than once per design point: layer order, producers and
 * consumers, the HLS tool the backend implies, and a memo of quantised weight statistics. Memoised per graph
 * object (graphs are immutable), so repeated estimates of one graph share it.
 */
import type { FixedType } from '../fixed/precision.js';
import type { Graph } from '../ir/graph.js';
import type { Layer } from '../ir/layer.js';
import type { HlsTool } from './reports/types.js';
import { familyOf } from './signature.js';
import { weightStatsOf, type WeightStats } from './weight-stats.js';

/** Per-graph facts shared by every estimate of the graph. */
export interface PreparedGraph {
  readonly graph: Graph;
  readonly layers: readonly Layer[];
  /** Indices of each layer's input layers (empty for model inputs). */
  readonly inputsOf: readonly (readonly number[])[];
  /** Indices of the layers reading each layer's output. */
  readonly consumersOf: readonly (readonly number[])[];
  /** Indices of the model outputs. */
  readonly outputs: readonly number[];
  /** False for wiring-only layers (input, flatten, reshape), which add no process or latency. */
  readonly counts: readonly boolean[];
  readonly tool: HlsTool;
  /** Quantised weight statistics of a layer for a weight type (memoised). */
  readonly weightStats: (layer: Layer, t: FixedType) => WeightStats;
}

/** The HLS tool an hls4ml backend name implies (Vitis → vitis_hls, everything else Vivado HLS). */
export function toolOfBackend(backend: string): HlsTool {
  return backend.toLowerCase().startsWith('vitis') ? 'vitis_hls' : 'vivado_hls';
}

function typeKey(t: FixedType): number {
  return t.width * 1_000_000 + (t.integer + 5_000) * 10 + (t.signed ? 0 : 1) + (t.rounding === 'TRN' ? 0 : 2) + (t.overflow === 'WRAP' ? 0 : 4);
}

function prepare(graph: Graph): PreparedGraph {
  const index = new Map<string, number>();
  graph.layers.forEach((l, i) => index.set(l.name, i));
  const inputsOf = graph.layers.map((l) => l.inputs.map((n) => index.get(n) ?? -1).filter((i) => i >= 0));
  const consumersOf: number[][] = graph.layers.map(() => []);
  inputsOf.forEach((ins, i) => ins.forEach((j) => consumersOf[j].push(i)));
  const memo = new Map<Layer, Map<number, WeightStats>>();
  const weightStats = (layer: Layer, t: FixedType): WeightStats => {
    let byType = memo.get(layer);
    if (!byType) {
      byType = new Map();
      memo.set(layer, byType);
    }
    const k = typeKey(t);
    let s = byType.get(k);
    if (!s) {
      s = weightStatsOf(layer, t);
      byType.set(k, s);
    }
    return s;
  };
  return {
    graph,
    layers: graph.layers,
    inputsOf,
    consumersOf,
    outputs: graph.outputs.map((n) => index.get(n) ?? -1).filter((i) => i >= 0),
    counts: graph.layers.map((l) => familyOf(l.kind, l.activation?.fn, l.window ? l.window.filtHeight * l.window.filtWidth : 0) !== 'free'),
    tool: toolOfBackend(graph.config.backend),
    weightStats,
  };
}

const PREPARED = new WeakMap<Graph, PreparedGraph>();

/** The prepared form of a graph (memoised per graph object). */
export function prepareGraph(graph: Graph): PreparedGraph {
  let p = PREPARED.get(graph);
  if (!p) {
    p = prepare(graph);
    PREPARED.set(graph, p);
  }
  return p;
}
