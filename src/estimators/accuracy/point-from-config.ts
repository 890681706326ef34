/**
 * A design point from an hls4ml-style YAML: its `HLSConfig` (Model / LayerType / LayerName) resolved for every
 * layer of a loaded graph with hls4ml's precedence, plus `IOType`, `Part` and `ClockPeriod` when given. The
 * YAML may be a whole hls4ml config or just the `HLSConfig` mapping (`Model:`, `LayerName:` at the top).
 * Quantizer-fixed precisions of the model stay fixed, as hls4ml keeps them. Pure: text in, point out.
 */
import type { Precision } from '../../fixed/precision.js';
import type { DesignPoint, LayerKnobs } from '../../ir/design-point.js';
import { parseHls4mlConfig, type HlsConfigSpec } from '../../ir/formats/hls4ml-config.js';
import { parseYamlText } from '../../ir/formats/yaml-text.js';
import type { Graph, IoType } from '../../ir/graph.js';
import type { PrecisionSlot } from '../../ir/layer.js';
import { resolveLayerSettings } from '../../ir/resolve-config.js';
import { fail } from '../../util/errors.js';

/** Model-wide settings a point file may give besides `HLSConfig`. */
export interface PointGlobals {
  readonly ioType?: IoType;
  readonly part?: string;
  readonly clockPeriodNs?: number;
}

/**
 * Resolves an `HLSConfig` against a graph. `Model.Precision` defaults to the graph's default precision; the
 * point file's LayerType/LayerName blocks replace (do not merge with) those of the config the graph came from.
 */
export function pointFromHlsConfig(graph: Graph, hls: HlsConfigSpec, file: string, globals: PointGlobals = {}): DesignPoint {
  const names = new Set(graph.layers.map((l) => l.name.toLowerCase()));
  for (const name of Object.keys(hls.layerName)) {
    if (!names.has(name.toLowerCase())) fail('bad-config', file, `HLSConfig.LayerName.${name}: the model has no layer named '${name}'`);
  }
  const modelDefault: Precision = hls.model.precisionDefault ?? graph.config.defaultPrecision;
  const layers: Record<string, LayerKnobs> = {};
  const results = new Map<string, PrecisionSlot>();
  for (const l of graph.layers) {
    // Precisions the model file embeds (HGQ proxies) that are not weight quantizers come back as overrides.
    const overrides: Record<string, unknown> = {};
    for (const [slot, p] of Object.entries(l.precisions)) {
      if (p.source === 'quantizer' && !l.quantizers[slot]) overrides[`${slot}_t`] = p.precision;
    }
    const s = resolveLayerSettings(
      hls,
      { name: l.name, kind: l.kind, sourceClass: l.sourceClass, activationFn: l.activation?.fn, quantizers: l.quantizers, overrides, upstreamResult: results.get(l.inputs[0]) },
      modelDefault,
    );
    const precisions: Record<string, Precision> = Object.fromEntries(Object.entries(s.precisions).map(([k, v]) => [k, v.precision]));
    results.set(l.name, s.precisions.result);
    layers[l.name] = {
      strategy: s.config.strategy,
      reuseFactor: s.config.reuseFactor,
      parallelizationFactor: s.config.parallelizationFactor,
      convImplementation: s.config.convImplementation,
      tableSize: s.config.tableSize,
      precisions,
    };
  }
  return {
    ioType: globals.ioType ?? graph.config.ioType,
    part: globals.part ?? graph.config.part,
    clockPeriodNs: globals.clockPeriodNs ?? graph.config.clockPeriodNs,
    bramFactor: hls.model.bramFactor ?? graph.config.bramFactor,
    layers,
  };
}

/** Parses a point file's YAML text and resolves it against a graph. */
export function pointFromConfigText(graph: Graph, text: string, file: string): DesignPoint {
  return pointFromConfigValue(graph, parseYamlText(text, file), file);
}

/** Resolves an already parsed hls4ml-style point document against a graph. */
export function pointFromConfigValue(graph: Graph, raw: unknown, file: string): DesignPoint {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail('bad-config', file, 'expected a mapping with HLSConfig (or Model / LayerType / LayerName)');
  const obj = raw as Record<string, unknown>;
  const bare = obj.HLSConfig === undefined && ['Model', 'LayerType', 'LayerName'].some((k) => k in obj);
  const cfg = parseHls4mlConfig(file, bare ? { HLSConfig: obj } : obj);
  return pointFromHlsConfig(graph, cfg.hlsConfig, file, {
    ...(cfg.ioType ? { ioType: cfg.ioType } : {}),
    ...(cfg.part ? { part: cfg.part } : {}),
    ...(cfg.clockPeriodNs ? { clockPeriodNs: cfg.clockPeriodNs } : {}),
  });
}
