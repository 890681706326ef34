/**
 * A content hash of a design point: equal for equal knob assignments whatever space or run produced them, so a
 * point picked in one sweep can be recognised in another (the canonical id is only unique within its space).
 */
import { formatPrecision } from '../../fixed/precision.js';
import type { DesignPoint } from '../../ir/design-point.js';
import { stableHash } from '../../util/stable-hash.js';

/** SHA-256 (first 16 hex digits) of the point's canonical JSON, precisions in their string form. */
export function pointHash(point: DesignPoint): string {
  const layers = Object.fromEntries(
    Object.entries(point.layers).map(([n, k]) => [n, { ...k, precisions: Object.fromEntries(Object.entries(k.precisions).map(([v, p]) => [v, formatPrecision(p)])) }]),
  );
  return stableHash({ ...point, bramFactor: Number.isFinite(point.bramFactor) ? point.bramFactor : 'inf', layers }).slice(0, 16);
}
