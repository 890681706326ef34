/**
 * Builds a {@link DesignSpace} from a graph and a space file: per-layer knobs with legal values only, tied
 * groups sharing one knob, pinned values written into the base point. Unknown layers and illegal values are
 * one-line errors naming the space file.
 * @see /work/shared/docs/hls4ml.md §1.4–1.5 for the legality facts used
 */
import { fixed, formatPrecision, parsePrecision, type FixedType } from '../../fixed/precision.js';
import { divisors, validReuseFactors } from '../../estimators/legality/reuse-factor.js';
import { supportedStrategies } from '../../estimators/legality/layer-rules.js';
import { designPointOf, type DesignPoint, type LayerKnobs } from '../../ir/design-point.js';
import type { Graph } from '../../ir/graph.js';
import type { Layer, Strategy } from '../../ir/layer.js';
import { WEIGHTED_KINDS } from '../../ir/layer-kinds.js';
import { fail } from '../../util/errors.js';
import { stableHash } from '../../util/stable-hash.js';
import type { DesignSpace } from './design-space.js';
import { knobId, type Knob, type KnobName, type KnobValue } from './knob.js';
import type { LayerChoices, PrecisionChoice, SpaceConfig } from './space-config.js';

/** The choices hlsdse explores when the user gives no space file: strategy and every legal reuse factor. */
export const DEFAULT_SPACE: SpaceConfig = {
  ioType: [],
  fifoDepth: ['sized'],
  layers: { '*': { strategy: ['latency', 'resource'], reuseFactor: { kind: 'legal' } } },
  tie: [],
  pin: {},
};

/** Integer bits (sign included) that hold every weight of the layers: floor(log2 max|w|) + 2. */
function integerBitsForWeights(layers: readonly Layer[]): number {
  const m = Math.max(...layers.map((l) => l.facts.maxAbsWeight));
  return m > 0 ? Math.max(1, Math.floor(Math.log2(m)) + 2) : 1;
}

/** Integer bits (sign included) and signedness per layer and variable, from a profile of real or synthetic samples. */
export type IntegerBitsTable = Readonly<Record<string, Readonly<Record<string, { readonly integer: number; readonly signed: boolean }>>>>;

function profiled(group: readonly Layer[], variable: string, table: IntegerBitsTable | undefined, file: string): { integer: number; signed: boolean } {
  const found = group.map((l) => table?.[l.name]?.[variable]);
  if (found.some((f) => f === undefined)) {
    fail('bad-config', file, `layers.${group[0].name}.precision.${variable}.integer: 'profile' needs a profiled '${variable}' of this layer (profiles cover weights, biases and layer outputs)`);
  }
  const ok = found as { integer: number; signed: boolean }[];
  return { integer: Math.max(...ok.map((f) => f.integer)), signed: ok.some((f) => f.signed) };
}

function precisionValues(group: readonly Layer[], variable: string, c: PrecisionChoice, base: LayerKnobs, table: IntegerBitsTable | undefined, file: string): string[] {
  if (c.kind === 'list') return [...c.values];
  const current = base.precisions[variable];
  const like: FixedType = current && current.kind === 'fixed' ? current : fixed(16, 6);
  const prof = c.integer === 'profile' ? profiled(group, variable, table, file) : undefined;
  return c.widths.map((w) => {
    const integer = prof ? prof.integer : c.integer === 'weights' ? integerBitsForWeights(group) : c.integer === 'keep' ? like.integer : (c.integer as number);
    return formatPrecision(fixed(w, integer, { signed: prof ? prof.signed : like.signed, rounding: like.rounding, overflow: like.overflow }));
  });
}

function merged(cfg: SpaceConfig, layer: Layer): LayerChoices {
  const star = WEIGHTED_KINDS.has(layer.kind) ? (cfg.layers['*'] ?? {}) : {};
  const own = cfg.layers[layer.name] ?? {};
  return { ...star, ...own, precision: { ...(star.precision ?? {}), ...(own.precision ?? {}) } };
}

function valuesFor(layer: Layer, name: KnobName, c: LayerChoices, base: LayerKnobs, io: readonly string[], file: string, group: readonly Layer[] = [layer], table?: IntegerBitsTable): KnobValue[] {
  const { nIn, nOut } = layer.facts;
  if (name === 'strategy') {
    const supported = new Set(io.flatMap((t) => supportedStrategies(layer, t as 'io_parallel' | 'io_stream')));
    return (c.strategy ?? []).filter((s) => supported.has(s));
  }
  if (name === 'reuseFactor') {
    const r = c.reuseFactor;
    if (!r) return [];
    const legal = validReuseFactors(nIn, nOut);
    if (r.kind === 'legal') return legal.filter((v) => v >= (r.min ?? 1) && v <= (r.max ?? Number.POSITIVE_INFINITY));
    for (const v of r.values) {
      if (v > nIn * nOut) fail('bad-config', file, `layers.${layer.name}.reuseFactor: ${v} is outside 1..${nIn * nOut} for this layer`);
    }
    return [...r.values];
  }
  if (name === 'parallelizationFactor') {
    if (!layer.window || !c.parallelizationFactor) return [];
    const pixels = layer.window.outHeight * layer.window.outWidth;
    const legal = divisors(pixels);
    if (c.parallelizationFactor === 'legal') return legal;
    for (const v of c.parallelizationFactor) {
      if (!legal.includes(v)) fail('bad-config', file, `layers.${layer.name}.parallelizationFactor: ${v} does not divide the ${pixels} output pixels`);
    }
    return [...c.parallelizationFactor];
  }
  if (name === 'tableSize') return c.tableSize ? [...c.tableSize] : [];
  const variable = name.slice('precision.'.length);
  if (!(variable in base.precisions)) fail('bad-config', file, `layers.${layer.name}.precision.${variable}: ${layer.kind} layers have no '${variable}' precision (they have ${Object.keys(base.precisions).join(', ')})`);
  return precisionValues(group, variable, (c.precision ?? {})[variable], base, table, file);
}

function knobNames(c: LayerChoices): KnobName[] {
  const names: KnobName[] = [];
  if (c.strategy) names.push('strategy');
  if (c.reuseFactor) names.push('reuseFactor');
  if (c.parallelizationFactor) names.push('parallelizationFactor');
  if (c.tableSize) names.push('tableSize');
  for (const v of Object.keys(c.precision ?? {})) names.push(`precision.${v}`);
  return names;
}

function applyPin(k: LayerKnobs, layer: Layer, key: string, value: string | number, file: string): LayerKnobs {
  const where = `pin.${layer.name}.${key}`;
  if (key === 'strategy') return { ...k, strategy: (String(value).toLowerCase() as Strategy) };
  if (key === 'reuseFactor' || key === 'parallelizationFactor' || key === 'tableSize') {
    if (!Number.isInteger(value) || (value as number) < 1) fail('bad-config', file, `${where}: expected a positive integer, got ${JSON.stringify(value)}`);
    return { ...k, [key]: value };
  }
  if (key.startsWith('precision.')) return { ...k, precisions: { ...k.precisions, [key.slice(10)]: parsePrecision(String(value)) } };
  fail('bad-config', file, `${where}: unknown knob`);
}

/**
 * Builds the design space of `graph` under `cfg` (use {@link DEFAULT_SPACE} when the user gave none); `profile`
 * supplies integer bits for precision grids with `integer: profile`.
 */
export function buildSpace(graph: Graph, cfg: SpaceConfig, file = 'space', profile?: IntegerBitsTable): DesignSpace {
  const byName = new Map(graph.layers.map((l) => [l.name, l]));
  const mention = [...Object.keys(cfg.layers).filter((n) => n !== '*'), ...cfg.tie.flat(), ...Object.keys(cfg.pin)];
  for (const n of mention) if (!byName.has(n)) fail('bad-config', file, `the model has no layer named '${n}'`);
  const io = cfg.ioType.length > 0 ? cfg.ioType : [graph.config.ioType];
  const point0 = designPointOf(graph);
  const layers: Record<string, LayerKnobs> = { ...point0.layers };
  for (const [name, pins] of Object.entries(cfg.pin)) {
    for (const [key, value] of Object.entries(pins)) layers[name] = applyPin(layers[name], byName.get(name) as Layer, key, value, file);
  }
  const tiedWith = new Map<string, readonly string[]>();
  for (const group of cfg.tie) for (const n of group) tiedWith.set(n, group);
  const knobs: Knob[] = [];
  const done = new Set<string>();
  for (const layer of graph.layers) {
    if (done.has(layer.name)) continue;
    const group = tiedWith.get(layer.name) ?? [layer.name];
    group.forEach((n) => done.add(n));
    const choices = merged(cfg, layer);
    const pinned = new Set(Object.keys(cfg.pin[layer.name] ?? {}));
    for (const name of knobNames(choices)) {
      if (pinned.has(name)) continue;
      const members = group.map((n) => byName.get(n) as Layer);
      let values = valuesFor(layer, name, choices, layers[layer.name], io, file, members, profile);
      for (const other of members.slice(1)) {
        const vs = valuesFor(other, name, merged(cfg, other), layers[other.name], io, file, members, profile);
        values = values.filter((v) => vs.includes(v));
      }
      if (values.length === 0) {
        fail('bad-config', file, `layers.${layer.name}.${name}: no legal value left for ${group.length > 1 ? `tied layers ${group.join(', ')}` : `this ${layer.kind} layer`}`);
      }
      if (values.length > 1) knobs.push({ id: knobId(group, name), name, layers: group, values });
      else for (const n of group) layers[n] = applyPin(layers[n], byName.get(n) as Layer, name, values[0], file);
    }
  }
  if (io.length > 1) knobs.unshift({ id: '*.ioType', name: 'ioType', layers: ['*'], values: [...io] });
  if (cfg.fifoDepth.length > 1 && io.includes('io_stream')) knobs.push({ id: '*.fifoDepth', name: 'fifoDepth', layers: ['*'], values: [...cfg.fifoDepth] });
  const base: DesignPoint = { ...point0, ioType: io[0], layers };
  const size = knobs.reduce((acc, k) => acc * BigInt(k.values.length), 1n);
  const hash = stableHash({ graph: graph.hash, knobs, base: { ...base, layers: Object.fromEntries(Object.entries(base.layers).map(([n, k]) => [n, { ...k, precisions: Object.fromEntries(Object.entries(k.precisions).map(([v, p]) => [v, formatPrecision(p)])) }])) } });
  return { graphHash: graph.hash, knobs, base, fifoPolicy: cfg.fifoDepth[0] ?? 'sized', size, hash };
}
