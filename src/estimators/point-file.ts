/**
 * One reader for every design-point file the commands take (`estimate --config`, `emulate --config`): either
 * hlsdse's own point format (`ioType`, `layers: {fc1: {reuseFactor: 4}}`, `fifoDepths`) or an hls4ml-style
 * YAML (`HLSConfig` with Model / LayerType / LayerName, `IOType`, `Part`, `ClockPeriod`) — such as the one
 * `hlsdse pick` writes. The format is told apart by its keys.
 */
import { parse as parseYaml } from 'yaml';
import { designPointOf, type DesignPoint } from '../ir/design-point.js';
import { checkCutPrecisions } from '../ir/formats/yaml-precision-hint.js';
import type { Graph } from '../ir/graph.js';
import { fail } from '../util/errors.js';
import { pointFromConfigText } from './accuracy/point-from-config.js';
import { applyPointConfig, parsePointConfig } from './point-config.js';

const HLS4ML_KEYS = ['HLSConfig', 'Model', 'LayerType', 'LayerName', 'IOType', 'Part', 'XilinxPart', 'ClockPeriod'];

/** Resolves a point file's text against a graph. */
export function readPointText(graph: Graph, text: string, file: string): DesignPoint {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    fail('corrupt-file', file, `not valid YAML/JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  checkCutPrecisions(raw, file);
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && HLS4ML_KEYS.some((k) => k in raw)) return pointFromConfigText(graph, text, file);
  return applyPointConfig(graph, designPointOf(graph), parsePointConfig(raw, file), file);
}
