/**
 * What a layer kernel gets to work with: its layer, its knobs in the design point, the graph's defaults, the overflow
 * tally, and typed access to its precisions (validated: a width of 0, `auto` or a non-fixed type is an error).
 */
import { fixed, type FixedType, type Precision } from '../../fixed/precision.js';
import type { DesignPoint, LayerKnobs } from '../../ir/design-point.js';
import type { Graph } from '../../ir/graph.js';
import type { Layer } from '../../ir/layer.js';
import { fail } from '../../util/errors.js';
import type { OverflowTally } from './overflow.js';

/** The context of one layer's emulation. */
export interface LayerEnv {
  readonly graph: Graph;
  readonly point: DesignPoint;
  readonly layer: Layer;
  readonly knobs: LayerKnobs;
  readonly tally: OverflowTally;
}

/** Checks that a precision is a usable fixed type; throws `bad-precision` naming the layer and variable otherwise. */
export function checkedType(p: Precision | undefined, layer: string, variable: string): FixedType {
  if (p === undefined) fail('bad-precision', undefined, `layer '${layer}': no precision for '${variable}'`);
  const k = (p as { kind?: unknown }).kind;
  if (k === 'auto') fail('bad-precision', undefined, `layer '${layer}': '${variable}' is still 'auto' (resolve it first)`);
  if (k !== 'fixed') fail('bad-precision', undefined, `layer '${layer}': '${variable}' is not a fixed-point type (${String(k)})`);
  const t = p as FixedType;
  if (!Number.isInteger(t.width) || t.width < 1) {
    fail('bad-precision', undefined, `layer '${layer}': '${variable}' has width ${t.width}; a fixed type needs at least 1 bit`);
  }
  if (!Number.isInteger(t.integer)) fail('bad-precision', undefined, `layer '${layer}': '${variable}' has non-integer integer bits`);
  return t;
}

/** The type of variable `name` of the env's layer; `fallback` when the point has none (else an error). */
export function typeOf(env: LayerEnv, name: string, fallback?: FixedType): FixedType {
  const p = env.knobs.precisions[name];
  if (p === undefined && fallback) return fallback;
  return checkedType(p, env.layer.name, name);
}

/** The type of `name` when the point sets it, else undefined. */
export function optionalTypeOf(env: LayerEnv, name: string): FixedType | undefined {
  const p = env.knobs.precisions[name];
  return p === undefined ? undefined : checkedType(p, env.layer.name, name);
}

/** The graph's default precision (`Model.Precision.default`). */
export function defaultType(env: LayerEnv): FixedType {
  return checkedType(env.graph.config.defaultPrecision, env.layer.name, 'default');
}

/** `ap_ufixed<W, I>` (TRN, WRAP) with t's width and integer bits. */
export function unsignedLike(t: FixedType): FixedType {
  return fixed(t.width, t.integer, { signed: false });
}

/** A numeric attribute of the layer, or the fallback. */
export function numAttr(layer: Layer, key: string, fallback: number): number {
  const v = layer.attrs[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}
