/**
 * A design space: the knobs, the base point every knob writes into, and the codec between genomes (one value
 * index per knob), canonical point ids and {@link DesignPoint}s.
 */
import { parsePrecision } from '../../fixed/precision.js';
import type { DesignPoint, LayerKnobs } from '../../ir/design-point.js';
import type { Strategy } from '../../ir/layer.js';
import type { FifoPolicy, Knob, KnobValue } from './knob.js';

/** A genome: the index of the chosen value of every knob, in knob order. */
export type Genome = readonly number[];

/** A built design space. */
export interface DesignSpace {
  readonly graphHash: string;
  readonly knobs: readonly Knob[];
  /** Pinned and default values; knobs overwrite it. */
  readonly base: DesignPoint;
  /** FIFO policy when the space has no `fifoDepth` knob. */
  readonly fifoPolicy: FifoPolicy;
  /** Number of points (every combination of knob values, legal or not). */
  readonly size: bigint;
  /** SHA-256 of the knobs and base point: a journal from another space is refused by it. */
  readonly hash: string;
}

/** The design point a genome selects, with its FIFO policy. */
export interface DecodedPoint {
  readonly point: DesignPoint;
  readonly fifoPolicy: FifoPolicy;
}

function applyLayerKnob(k: LayerKnobs, name: string, value: KnobValue): LayerKnobs {
  if (name === 'strategy') return { ...k, strategy: value as Strategy };
  if (name === 'reuseFactor') return { ...k, reuseFactor: value as number };
  if (name === 'parallelizationFactor') return { ...k, parallelizationFactor: value as number };
  if (name === 'tableSize') return { ...k, tableSize: value as number };
  const variable = name.slice('precision.'.length);
  return { ...k, precisions: { ...k.precisions, [variable]: parsePrecision(value as string) } };
}

/** Decodes a genome into its design point. */
export function decodeGenome(space: DesignSpace, genome: Genome): DecodedPoint {
  const layers: Record<string, LayerKnobs> = { ...space.base.layers };
  let ioType = space.base.ioType;
  let fifoPolicy: FifoPolicy = space.fifoPolicy;
  space.knobs.forEach((knob, i) => {
    const value = knob.values[genome[i]];
    if (value === undefined) throw new RangeError(`knob ${knob.id}: value index ${genome[i]} out of range`);
    if (knob.name === 'ioType') ioType = value as DesignPoint['ioType'];
    else if (knob.name === 'fifoDepth') fifoPolicy = value as FifoPolicy;
    else for (const layer of knob.layers) layers[layer] = applyLayerKnob(layers[layer], knob.name, value);
  });
  return { point: { ...space.base, ioType, layers }, fifoPolicy };
}

/** The canonical id of a genome: its mixed-radix index over the knobs, in base 36. */
export function genomeKey(space: DesignSpace, genome: Genome): string {
  let index = 0n;
  for (let i = 0; i < space.knobs.length; i++) index = index * BigInt(space.knobs[i].values.length) + BigInt(genome[i]);
  return index.toString(36);
}

/** The genome of a canonical id; throws a RangeError for an id outside the space. */
export function keyGenome(space: DesignSpace, key: string): number[] {
  if (!/^[0-9a-z]+$/.test(key)) throw new RangeError(`'${key}' is not a point id (base-36 digits)`);
  let index = [...key].reduce((acc, ch) => acc * 36n + BigInt(parseInt(ch, 36)), 0n);
  if (index >= space.size) throw new RangeError(`point id '${key}' is outside this space of ${space.size} points`);
  const genome = new Array<number>(space.knobs.length);
  for (let i = space.knobs.length - 1; i >= 0; i--) {
    const r = BigInt(space.knobs[i].values.length);
    genome[i] = Number(index % r);
    index /= r;
  }
  return genome;
}

/** The genome at a mixed-radix index (for exhaustive streaming). */
export function indexGenome(space: DesignSpace, index: bigint): number[] {
  const genome = new Array<number>(space.knobs.length);
  let rest = index;
  for (let i = space.knobs.length - 1; i >= 0; i--) {
    const r = BigInt(space.knobs[i].values.length);
    genome[i] = Number(rest % r);
    rest /= r;
  }
  return genome;
}
