/**
 * The genome of a space's base point (the model's own configuration, e.g. hls4ml's defaults), when every knob's
 * base value is one of the knob's values: the natural first design to seed a search with.
 */
import { formatPrecision, parsePrecision } from '../../fixed/precision.js';
import type { DesignSpace, Genome } from '../space/design-space.js';
import type { Knob, KnobValue } from '../space/knob.js';

function normalised(knob: Knob, value: KnobValue): KnobValue {
  if (!knob.name.startsWith('precision.')) return value;
  try {
    return formatPrecision(parsePrecision(String(value)));
  } catch {
    return String(value);
  }
}

function baseValue(space: DesignSpace, knob: Knob, layer: string): KnobValue | undefined {
  if (knob.name === 'ioType') return space.base.ioType;
  if (knob.name === 'fifoDepth') return space.fifoPolicy;
  const k = space.base.layers[layer];
  if (!k) return undefined;
  if (knob.name.startsWith('precision.')) {
    const p = k.precisions[knob.name.slice('precision.'.length)];
    return p ? formatPrecision(p) : undefined;
  }
  if (knob.name === 'strategy' || knob.name === 'reuseFactor' || knob.name === 'parallelizationFactor' || knob.name === 'tableSize') return k[knob.name];
  return undefined;
}

/** The base point's genome, or undefined when some knob's base value is not among its values. */
export function baseGenome(space: DesignSpace): Genome | undefined {
  const genome: number[] = [];
  for (const knob of space.knobs) {
    const layers = knob.layers[0] === '*' ? ['*'] : knob.layers;
    const wanted = layers.map((l) => baseValue(space, knob, l));
    if (wanted.some((v) => v === undefined || v !== wanted[0])) return undefined;
    const index = knob.values.findIndex((v) => normalised(knob, v) === wanted[0]);
    if (index < 0) return undefined;
    genome.push(index);
  }
  return genome;
}

/** True when a genome has one in-range integer value index per knob. */
export function inSpace(space: DesignSpace, genome: Genome): boolean {
  return genome.length === space.knobs.length && genome.every((v, i) => Number.isInteger(v) && v >= 0 && v < space.knobs[i].values.length);
}
