/**
 * A design point: one assignment of every hls4ml knob — per layer (strategy, reuse factor, precisions,
 * ParallelizationFactor, conv implementation, table size) and global (IO type, part, clock, BramFactor,
 * FIFO depths). The graph's own configuration is one such point ({@link designPointOf}).
 */
import type { Precision } from '../fixed/precision.js';
import type { Graph, IoType } from './graph.js';
import type { LayerConfig, Strategy } from './layer.js';

/** The knobs of one layer. */
export interface LayerKnobs {
  readonly strategy: Strategy;
  readonly reuseFactor: number;
  readonly parallelizationFactor: number;
  readonly convImplementation: LayerConfig['convImplementation'];
  readonly tableSize: number;
  /** Precision of every variable of the layer (`auto` allowed; estimators resolve it). */
  readonly precisions: Readonly<Record<string, Precision>>;
}

/** A full assignment of knobs for a graph. */
export interface DesignPoint {
  readonly ioType: IoType;
  readonly part: string;
  readonly clockPeriodNs: number;
  readonly bramFactor: number;
  /** Knobs by layer name; every layer of the graph has an entry. */
  readonly layers: Readonly<Record<string, LayerKnobs>>;
  /**
   * io_stream FIFO depth per stream (named `<producer>_out`); absent streams get the sizing rule's depth.
   * `'default'` keeps hls4ml's default depth (the tensor's pixel count) on every stream.
   */
  readonly fifoDepths?: Readonly<Record<string, number>> | 'default';
}

/** The design point a graph's configuration describes (from its model file and hls4ml config). */
export function designPointOf(graph: Graph): DesignPoint {
  const layers: Record<string, LayerKnobs> = {};
  for (const l of graph.layers) {
    layers[l.name] = {
      strategy: l.config.strategy,
      reuseFactor: l.config.reuseFactor,
      parallelizationFactor: l.config.parallelizationFactor,
      convImplementation: l.config.convImplementation,
      tableSize: l.config.tableSize,
      precisions: Object.fromEntries(Object.entries(l.precisions).map(([k, v]) => [k, v.precision])),
    };
  }
  return {
    ioType: graph.config.ioType,
    part: graph.config.part,
    clockPeriodNs: graph.config.clockPeriodNs,
    bramFactor: graph.config.bramFactor,
    layers,
  };
}

/** A copy of a point with some layers' knobs changed. */
export function withLayerKnobs(point: DesignPoint, changes: Readonly<Record<string, Partial<LayerKnobs>>>): DesignPoint {
  const layers: Record<string, LayerKnobs> = { ...point.layers };
  for (const [name, change] of Object.entries(changes)) {
    const base = layers[name];
    if (!base) throw new RangeError(`the design point has no layer '${name}'`);
    layers[name] = { ...base, ...change, precisions: { ...base.precisions, ...(change.precisions ?? {}) } };
  }
  return { ...point, layers };
}
