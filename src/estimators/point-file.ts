/**
 * One reader for every design-point file the commands take (`estimate --config`, `emulate --config`): either
 * hlsdse's own point format (`ioType`, `layers: {fc1: {reuseFactor: 4}}`, `fifoDepths`) or an hls4ml-style
 * YAML (`HLSConfig` with Model / LayerType / LayerName, `IOType`, `Part`, `ClockPeriod`) — such as the one
 * `hlsdse pick` writes. The format is told apart by its keys.
 */
import { designPointOf, type DesignPoint } from '../ir/design-point.js';
import { parseYamlText } from '../ir/formats/yaml-text.js';
import type { Graph } from '../ir/graph.js';
import { pointFromConfigValue } from './accuracy/point-from-config.js';
import { applyPointConfig, parsePointConfig } from './point-config.js';

const HLS4ML_KEYS = ['HLSConfig', 'Model', 'LayerType', 'LayerName', 'IOType', 'Part', 'XilinxPart', 'ClockPeriod'];

/** Resolves a point file's text against a graph. */
export function readPointText(graph: Graph, text: string, file: string): DesignPoint {
  const raw = parseYamlText(text, file);
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && HLS4ML_KEYS.some((k) => k in raw)) return pointFromConfigValue(graph, raw, file);
  return applyPointConfig(graph, designPointOf(graph), parsePointConfig(raw, file), file);
}
