/**
 * hls4ml configuration files (the YAML users pass to `hls4ml convert`), as typed values: the on-disk
 * structure is validated here once, with a one-line error naming the key path and the bad value.
 * @see hls4ml/utils/config.py and `HLSConfig._parse_hls_config` in hls4ml/model/graph.py
 */
import { parsePrecision, PrecisionParseError, type Precision } from '../../fixed/precision.js';
import { fail } from '../../util/errors.js';
import { STRATEGIES, type Strategy } from '../layer.js';

/** Settings one `Model`, `LayerType.<Class>` or `LayerName.<name>` block of `HLSConfig` gives. */
export interface HlsConfigBlock {
  /** `Precision: <string>`: the block's default for every variable. */
  readonly precisionDefault?: Precision;
  /** `Precision: {var: <string>}` and `<var>_t: <string>` keys, by variable name (`weight`, `exp_table`, …). */
  readonly precisionVars: Readonly<Record<string, Precision>>;
  readonly reuseFactor?: number;
  readonly strategy?: Strategy;
  readonly parallelizationFactor?: number;
  readonly convImplementation?: 'LineBuffer' | 'Encoded';
  readonly tableSize?: number;
  readonly implementation?: string;
  readonly bramFactor?: number;
  readonly pipelineStyle?: 'auto' | 'pipeline' | 'dataflow';
  /** Every other key, snake_cased as hls4ml does (`Trace` → `trace`). */
  readonly extra: Readonly<Record<string, unknown>>;
}

/** The `HLSConfig` section. */
export interface HlsConfigSpec {
  readonly model: HlsConfigBlock;
  readonly layerType: Readonly<Record<string, HlsConfigBlock>>;
  readonly layerName: Readonly<Record<string, HlsConfigBlock>>;
}

/** A whole hls4ml YAML configuration, paths as written (relative to the YAML's folder). */
export interface Hls4mlConfigFile {
  readonly kerasJson?: string;
  readonly kerasH5?: string;
  readonly kerasModel?: string;
  readonly onnxModel?: string;
  readonly outputDir?: string;
  readonly projectName?: string;
  readonly part?: string;
  readonly clockPeriodNs?: number;
  readonly backend?: string;
  readonly ioType?: 'io_parallel' | 'io_stream';
  readonly inputData?: string;
  readonly outputPredictions?: string;
  readonly hlsConfig: HlsConfigSpec;
}

/** hls4ml's `convert_to_snake_case`: `_` before every capital, lower-cased, `__` collapsed. */
export function toSnakeCase(key: string): string {
  return key
    .replace(/([A-Z])/g, '_$1')
    .toLowerCase()
    .replace(/^_/, '')
    .replace(/__+/g, '_');
}

/**
 * Normalises a strategy string as hls4ml does; `DA` (which hls4ml turns into the unrecognised `d_a`) is refused.
 * Returns undefined for a string hls4ml would not recognise.
 */
export function normaliseStrategy(raw: string): Strategy | undefined {
  const s = toSnakeCase(raw.trim());
  if (s === 'da') return 'distributed_arithmetic';
  const flat = s.replace(/_/g, '');
  if (flat === 'resourceunrolled') return 'resource_unrolled';
  if (flat === 'distributedarithmetic') return 'distributed_arithmetic';
  return (STRATEGIES as readonly string[]).includes(s) ? (s as Strategy) : undefined;
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function precisionAt(file: string, path: string, v: unknown): Precision {
  if (typeof v !== 'string') fail('bad-precision', file, `${path}: expected a precision string, got ${JSON.stringify(v)}`);
  try {
    return parsePrecision(v);
  } catch (e) {
    if (e instanceof PrecisionParseError) fail('bad-precision', file, `${path}: ${e.message}`);
    throw e;
  }
}

function positiveInt(file: string, path: string, v: unknown): number {
  const n = typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    fail('bad-config', file, `${path}: expected a positive integer, got ${JSON.stringify(v)}`);
  }
  return n;
}

function choice<T extends string>(file: string, path: string, v: unknown, options: readonly T[]): T {
  const hit = options.find((o) => typeof v === 'string' && o.toLowerCase() === v.toLowerCase());
  if (!hit) fail('bad-config', file, `${path}: expected one of ${options.join(', ')}, got ${JSON.stringify(v)}`);
  return hit;
}

/** Parses one `HLSConfig` block (Model, a LayerType entry or a LayerName entry). */
export function parseBlock(file: string, path: string, raw: unknown): HlsConfigBlock {
  if (raw === null || raw === undefined) return { precisionVars: {}, extra: {} };
  if (!isObj(raw)) fail('bad-config', file, `${path}: expected a mapping, got ${JSON.stringify(raw)}`);
  const vars: Record<string, Precision> = {};
  const extra: Record<string, unknown> = {};
  const out: { -readonly [K in keyof HlsConfigBlock]?: HlsConfigBlock[K] } = {};
  for (const [key, value] of Object.entries(raw)) {
    const p = `${path}.${key}`;
    const snake = toSnakeCase(key);
    if (snake === 'precision') {
      if (typeof value === 'string') out.precisionDefault = precisionAt(file, p, value);
      else if (isObj(value)) {
        for (const [v, s] of Object.entries(value)) {
          if (v === 'default') out.precisionDefault = precisionAt(file, `${p}.${v}`, s);
          else vars[v.replace(/_t$/, '')] = precisionAt(file, `${p}.${v}`, s);
        }
      } else fail('bad-precision', file, `${p}: expected a precision string or a mapping, got ${JSON.stringify(value)}`);
    } else if (snake === 'reuse_factor') out.reuseFactor = positiveInt(file, p, value);
    else if (snake === 'strategy') {
      const s = typeof value === 'string' ? normaliseStrategy(value) : undefined;
      if (!s) {
        fail('bad-config', file, `${p}: unknown strategy ${JSON.stringify(value)} (expected Latency, Resource, Resource_Unrolled or distributed_arithmetic)`);
      }
      out.strategy = s;
    } else if (snake === 'parallelization_factor') out.parallelizationFactor = positiveInt(file, p, value);
    else if (snake === 'conv_implementation') out.convImplementation = choice(file, p, value, ['LineBuffer', 'Encoded'] as const);
    else if (snake === 'table_size') out.tableSize = positiveInt(file, p, value);
    else if (snake === 'implementation') out.implementation = choice(file, p, value, ['stable', 'latency', 'legacy', 'argmax'] as const);
    else if (snake === 'bram_factor') {
      const n = Number(value);
      if (!(n > 0)) fail('bad-config', file, `${p}: expected a positive number, got ${JSON.stringify(value)}`);
      out.bramFactor = n;
    } else if (snake === 'pipeline_style') out.pipelineStyle = choice(file, p, value, ['auto', 'pipeline', 'dataflow'] as const);
    else if (snake.endsWith('_t') && typeof value === 'string') vars[snake.slice(0, -2)] = precisionAt(file, p, value);
    else extra[snake] = value;
  }
  return { ...out, precisionVars: vars, extra };
}

function blockMap(file: string, path: string, raw: unknown): Record<string, HlsConfigBlock> {
  if (raw === undefined || raw === null) return {};
  if (!isObj(raw)) fail('bad-config', file, `${path}: expected a mapping of names to settings`);
  const out: Record<string, HlsConfigBlock> = {};
  for (const [name, block] of Object.entries(raw)) out[name] = parseBlock(file, `${path}.${name}`, block);
  return out;
}

/** Parses the `HLSConfig` mapping. */
export function parseHlsConfig(file: string, raw: unknown): HlsConfigSpec {
  if (raw === undefined || raw === null) return { model: { precisionVars: {}, extra: {} }, layerType: {}, layerName: {} };
  if (!isObj(raw)) fail('bad-config', file, `HLSConfig: expected a mapping, got ${JSON.stringify(raw)}`);
  for (const key of Object.keys(raw)) {
    if (!['Model', 'LayerType', 'LayerName', 'Flows', 'Optimizers', 'SkipOptimizers'].includes(key)) {
      fail('bad-config', file, `HLSConfig.${key}: unknown section (expected Model, LayerType or LayerName)`);
    }
  }
  return {
    model: parseBlock(file, 'HLSConfig.Model', raw.Model),
    layerType: blockMap(file, 'HLSConfig.LayerType', raw.LayerType),
    layerName: blockMap(file, 'HLSConfig.LayerName', raw.LayerName),
  };
}

function optString(file: string, raw: Obj, key: string): string | undefined {
  const v = raw[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' && typeof v !== 'number') fail('bad-config', file, `${key}: expected a string, got ${JSON.stringify(v)}`);
  return String(v);
}

/** Parses a whole hls4ml YAML document (already YAML-decoded) into typed values. */
export function parseHls4mlConfig(file: string, raw: unknown): Hls4mlConfigFile {
  if (!isObj(raw)) fail('bad-config', file, 'expected an hls4ml configuration mapping at the top level');
  let ioType: Hls4mlConfigFile['ioType'];
  const io = raw.IOType;
  if (io !== undefined && io !== null) {
    if (io === 'io_serial') fail('bad-config', file, "IOType: 'io_serial' was removed from hls4ml; use io_stream");
    ioType = choice(file, 'IOType', io, ['io_parallel', 'io_stream'] as const);
  }
  let clockPeriodNs: number | undefined;
  if (raw.ClockPeriod !== undefined) {
    const c = Number(raw.ClockPeriod);
    if (!(c > 0) || !Number.isFinite(c)) fail('bad-config', file, `ClockPeriod: expected a positive number of ns, got ${JSON.stringify(raw.ClockPeriod)}`);
    clockPeriodNs = c;
  }
  return {
    kerasJson: optString(file, raw, 'KerasJson'),
    kerasH5: optString(file, raw, 'KerasH5'),
    kerasModel: optString(file, raw, 'KerasModel'),
    onnxModel: optString(file, raw, 'OnnxModel'),
    outputDir: optString(file, raw, 'OutputDir'),
    projectName: optString(file, raw, 'ProjectName'),
    part: optString(file, raw, 'Part') ?? optString(file, raw, 'XilinxPart'),
    clockPeriodNs,
    backend: optString(file, raw, 'Backend'),
    ioType,
    inputData: optString(file, raw, 'InputData'),
    outputPredictions: optString(file, raw, 'OutputPredictions'),
    hlsConfig: parseHlsConfig(file, raw.HLSConfig),
  };
}
