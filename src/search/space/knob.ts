/**
 * Knobs of a design space: one discrete choice each, applying to one layer, a tied group of layers, or the
 * whole design (`*`). Ids follow `<layer>.<knob>` (tied groups: `<a>+<b>.<knob>`), globals `*.<knob>`.
 */

/** Per-layer knob names (`precision.<var>` sets one precision variable, e.g. `precision.weight`). */
export type LayerKnobName = 'strategy' | 'reuseFactor' | 'parallelizationFactor' | 'tableSize' | `precision.${string}`;
/** Global knob names. */
export type GlobalKnobName = 'ioType' | 'fifoDepth';
/** Any knob name. */
export type KnobName = LayerKnobName | GlobalKnobName;
/** A knob value: a number (reuse factor, PF, table size) or a string (strategy, precision, io type, policy). */
export type KnobValue = string | number;

/** One knob: its id, the layers it sets (`['*']` for globals), and its ordered values. */
export interface Knob {
  readonly id: string;
  readonly name: KnobName;
  readonly layers: readonly string[];
  readonly values: readonly KnobValue[];
}

/** FIFO depth policies for io_stream: hls4ml's default (tensor size) or hlsdse's sized depths. */
export const FIFO_POLICIES = ['default', 'sized'] as const;
/** A FIFO depth policy. */
export type FifoPolicy = (typeof FIFO_POLICIES)[number];

/** The id of a knob over `layers`. */
export function knobId(layers: readonly string[], name: KnobName): string {
  return `${layers.join('+')}.${name}`;
}

/** True for a global knob. */
export function isGlobal(k: Knob): boolean {
  return k.layers.length === 1 && k.layers[0] === '*';
}
