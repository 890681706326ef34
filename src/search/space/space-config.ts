/**
 * The space file users write (YAML or JSON), validated once into a typed {@link SpaceConfig}. Every error is one
 * line naming the file and the key path.
 *
 * ```yaml
 * ioType: [io_parallel, io_stream]
 * fifoDepth: [default, sized]
 * layers:
 *   '*':                      # every layer with weights
 *     strategy: [latency, resource]
 *     reuseFactor: legal      # every legal value; or a list; or {max: 64}
 *     precision:
 *       weight: {width: [6, 8, 12, 16], integer: weights}   # integer bits from max |w|, a number, keep, or profile
 *   fc1_relu_relu:
 *     precision: {result: {width: [8, 10, 12], integer: profile}}  # from the profiled output range
 *   fc1:
 *     reuseFactor: [1, 2, 4]
 * tie: [[fc2, fc3]]           # layers that share every knob value
 * pin: {output: {strategy: latency, reuseFactor: 1}}
 * ```
 */
import { parsePrecision, PrecisionParseError } from '../../fixed/precision.js';
import { normaliseStrategy } from '../../ir/formats/hls4ml-config.js';
import { parseYamlText } from '../../ir/formats/yaml-text.js';
import type { Strategy } from '../../ir/layer.js';
import { fail } from '../../util/errors.js';
import { FIFO_POLICIES, type FifoPolicy } from './knob.js';

/** Reuse factor choices: every legal value (optionally capped), or an explicit list. */
export type ReuseChoice = { readonly kind: 'legal'; readonly max?: number; readonly min?: number } | { readonly kind: 'list'; readonly values: readonly number[] };

/** Precision choices of one variable: explicit types, or a grid of widths with an integer-bit rule. */
export type PrecisionChoice =
  | { readonly kind: 'list'; readonly values: readonly string[] }
  | { readonly kind: 'grid'; readonly widths: readonly number[]; readonly integer: number | 'weights' | 'keep' | 'profile' };

/** Choices for one layer (or `*`). */
export interface LayerChoices {
  readonly strategy?: readonly Strategy[];
  readonly reuseFactor?: ReuseChoice;
  readonly parallelizationFactor?: readonly number[] | 'legal';
  readonly tableSize?: readonly number[];
  readonly precision?: Readonly<Record<string, PrecisionChoice>>;
}

/** A validated space file. */
export interface SpaceConfig {
  readonly ioType: readonly ('io_parallel' | 'io_stream')[];
  readonly fifoDepth: readonly FifoPolicy[];
  readonly layers: Readonly<Record<string, LayerChoices>>;
  readonly tie: readonly (readonly string[])[];
  readonly pin: Readonly<Record<string, Readonly<Record<string, string | number>>>>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

function ints(file: string, path: string, v: unknown): number[] {
  const list = asList(v);
  if (list.length === 0 || list.some((x) => !Number.isInteger(x) || (x as number) < 1)) {
    fail('bad-config', file, `${path}: expected positive integers, got ${JSON.stringify(v)}`);
  }
  return list as number[];
}

function reuse(file: string, path: string, v: unknown): ReuseChoice {
  if (v === 'legal') return { kind: 'legal' };
  if (isObj(v)) {
    for (const k of Object.keys(v)) if (k !== 'min' && k !== 'max') fail('bad-config', file, `${path}.${k}: unknown key (expected min, max)`);
    return { kind: 'legal', ...(v.max !== undefined ? { max: ints(file, `${path}.max`, v.max)[0] } : {}), ...(v.min !== undefined ? { min: ints(file, `${path}.min`, v.min)[0] } : {}) };
  }
  return { kind: 'list', values: ints(file, path, v) };
}

function precision(file: string, path: string, v: unknown): PrecisionChoice {
  const check = (s: unknown, p: string): string => {
    if (typeof s !== 'string') fail('bad-precision', file, `${p}: expected a precision string, got ${JSON.stringify(s)}`);
    try {
      parsePrecision(s);
    } catch (e) {
      if (e instanceof PrecisionParseError) fail('bad-precision', file, `${p}: ${e.message}`);
      throw e;
    }
    return s;
  };
  if (isObj(v)) {
    const widths = ints(file, `${path}.width`, v.width);
    const integer = v.integer ?? 'weights';
    if (!(integer === 'weights' || integer === 'keep' || integer === 'profile' || Number.isInteger(integer))) {
      fail('bad-config', file, `${path}.integer: expected a number, 'weights', 'keep' or 'profile', got ${JSON.stringify(integer)}`);
    }
    return { kind: 'grid', widths, integer: integer as number | 'weights' | 'keep' | 'profile' };
  }
  return { kind: 'list', values: asList(v).map((s, i) => check(s, `${path}[${i}]`)) };
}

function layerChoices(file: string, path: string, v: unknown): LayerChoices {
  if (!isObj(v)) fail('bad-config', file, `${path}: expected a mapping of knobs`);
  const out: { -readonly [K in keyof LayerChoices]: LayerChoices[K] } = {};
  for (const [key, value] of Object.entries(v)) {
    const p = `${path}.${key}`;
    if (key === 'strategy') {
      out.strategy = asList(value).map((s) => normaliseStrategy(String(s)) ?? fail('bad-config', file, `${p}: unknown strategy ${JSON.stringify(s)}`));
    } else if (key === 'reuseFactor') out.reuseFactor = reuse(file, p, value);
    else if (key === 'parallelizationFactor') out.parallelizationFactor = value === 'legal' ? 'legal' : ints(file, p, value);
    else if (key === 'tableSize') out.tableSize = ints(file, p, value);
    else if (key === 'precision') {
      if (!isObj(value)) fail('bad-config', file, `${p}: expected a mapping of variables (weight, bias, result, accum, …)`);
      out.precision = Object.fromEntries(Object.entries(value).map(([k, c]) => [k, precision(file, `${p}.${k}`, c)]));
    } else fail('bad-config', file, `${p}: unknown knob (expected strategy, reuseFactor, parallelizationFactor, tableSize, precision)`);
  }
  return out;
}

/** Validates a decoded space document. */
export function parseSpaceConfig(file: string, raw: unknown): SpaceConfig {
  if (raw === null || raw === undefined) raw = {};
  if (!isObj(raw)) fail('bad-config', file, 'expected a mapping at the top level');
  for (const k of Object.keys(raw)) {
    if (!['ioType', 'fifoDepth', 'layers', 'tie', 'pin'].includes(k)) fail('bad-config', file, `${k}: unknown key (expected ioType, fifoDepth, layers, tie, pin)`);
  }
  const io = asList(raw.ioType ?? 'io_parallel').map((v) =>
    v === 'io_parallel' || v === 'io_stream' ? v : fail('bad-config', file, `ioType: expected io_parallel or io_stream, got ${JSON.stringify(v)}`),
  );
  const fifo = asList(raw.fifoDepth ?? 'sized').map((v) =>
    (FIFO_POLICIES as readonly unknown[]).includes(v) ? (v as FifoPolicy) : fail('bad-config', file, `fifoDepth: expected ${FIFO_POLICIES.join(' or ')}, got ${JSON.stringify(v)}`),
  );
  const layersRaw = raw.layers ?? {};
  if (!isObj(layersRaw)) fail('bad-config', file, 'layers: expected a mapping of layer names');
  const layers = Object.fromEntries(Object.entries(layersRaw).map(([name, v]) => [name, layerChoices(file, `layers.${name}`, v)]));
  const tie = asList(raw.tie ?? []).map((g, i) => {
    if (!Array.isArray(g) || g.length < 2 || g.some((n) => typeof n !== 'string')) fail('bad-config', file, `tie[${i}]: expected a list of two or more layer names`);
    return g as string[];
  });
  const pinRaw = raw.pin ?? {};
  if (!isObj(pinRaw)) fail('bad-config', file, 'pin: expected a mapping of layer names');
  const pin: Record<string, Record<string, string | number>> = {};
  for (const [name, v] of Object.entries(pinRaw)) {
    if (!isObj(v)) fail('bad-config', file, `pin.${name}: expected a mapping of knob values`);
    pin[name] = v as Record<string, string | number>;
  }
  return { ioType: io, fifoDepth: fifo, layers, tie, pin };
}

/** Parses YAML or JSON space text (JSON is YAML). */
export function parseSpaceText(file: string, text: string): SpaceConfig {
  return parseSpaceConfig(file, parseYamlText(text, file));
}

/** True when some precision grid takes its integer bits from a profile of the model's values. */
export function needsProfile(cfg: SpaceConfig): boolean {
  return Object.values(cfg.layers).some((c) => Object.values(c.precision ?? {}).some((p) => p.kind === 'grid' && p.integer === 'profile'));
}
