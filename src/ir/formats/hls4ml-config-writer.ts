/**
 * Writes a design point as an hls4ml YAML configuration that reproduces it in hls4ml (`hls4ml convert -c`):
 * model paths, Part, ClockPeriod, IOType, and HLSConfig with the model default plus one LayerName block per layer
 * that differs from it. Strategy names are spelled so that hls4ml's snake-casing recognises them.
 * @see /work/shared/docs/hls4ml.md §1.2 (lookup order) and §9 (never write `DA`)
 */
import { stringify } from 'yaml';
import { formatPrecision, type Precision } from '../../fixed/precision.js';
import type { DesignPoint } from '../design-point.js';
import type { Graph } from '../graph.js';
import type { Strategy } from '../layer.js';
import { WEIGHTED_KINDS } from '../layer-kinds.js';

/** How hls4ml users write each strategy in a config. */
export const STRATEGY_SPELLING: Readonly<Record<Strategy, string>> = {
  latency: 'Latency',
  resource: 'Resource',
  resource_unrolled: 'Resource_Unrolled',
  distributed_arithmetic: 'distributed_arithmetic',
};

/** Where the model comes from, as the config should name it. */
export interface ModelReference {
  readonly kerasJson?: string;
  readonly kerasH5?: string;
  readonly kerasModel?: string;
  readonly onnxModel?: string;
}

/** Options of {@link hls4mlConfigOf}. */
export interface ConfigWriterOptions {
  readonly model: ModelReference;
  readonly outputDir?: string;
  readonly projectName?: string;
  readonly backend?: string;
}

/** The config as a plain object (YAML-ready). */
export function hls4mlConfigOf(graph: Graph, point: DesignPoint, options: ConfigWriterOptions): Record<string, unknown> {
  const def = graph.config.defaultPrecision;
  const fmt = (p: Precision) => formatPrecision(p);
  const layerName: Record<string, Record<string, unknown>> = {};
  for (const layer of graph.layers) {
    const k = point.layers[layer.name];
    if (!k) continue;
    const block: Record<string, unknown> = {};
    const precision: Record<string, string> = {};
    for (const [v, p] of Object.entries(k.precisions)) {
      const own = layer.precisions[v];
      // Keep every precision that is not simply the model default, so the config stands on its own.
      if (fmt(p) !== fmt(def) || (own && own.source !== 'Model')) precision[v] = fmt(p);
    }
    if (Object.keys(precision).length > 0) block.Precision = precision;
    if (WEIGHTED_KINDS.has(layer.kind)) {
      block.ReuseFactor = k.reuseFactor;
      block.Strategy = STRATEGY_SPELLING[k.strategy];
      if (k.parallelizationFactor !== 1) block.ParallelizationFactor = k.parallelizationFactor;
    }
    if (k.tableSize !== 1024) block.TableSize = k.tableSize;
    if (k.convImplementation !== 'LineBuffer') block.ConvImplementation = k.convImplementation;
    if (Object.keys(block).length > 0) layerName[layer.name] = block;
  }
  const m = options.model;
  return {
    ...(m.kerasJson ? { KerasJson: m.kerasJson } : {}),
    ...(m.kerasH5 ? { KerasH5: m.kerasH5 } : {}),
    ...(m.kerasModel ? { KerasModel: m.kerasModel } : {}),
    ...(m.onnxModel ? { OnnxModel: m.onnxModel } : {}),
    OutputDir: options.outputDir ?? 'hls4ml_prj',
    ProjectName: options.projectName ?? graph.config.projectName,
    Backend: options.backend ?? graph.config.backend,
    Part: point.part,
    ClockPeriod: point.clockPeriodNs,
    IOType: point.ioType,
    HLSConfig: {
      Model: { Precision: fmt(def), ReuseFactor: 1, Strategy: 'Latency', ...(Number.isFinite(point.bramFactor) ? { BramFactor: point.bramFactor } : {}) },
      LayerName: layerName,
    },
  };
}

/** The config as YAML text. */
export function hls4mlConfigText(graph: Graph, point: DesignPoint, options: ConfigWriterOptions): string {
  return stringify(hls4mlConfigOf(graph, point, options), { lineWidth: 0 });
}
