/**
 * Layout bookkeeping between ONNX tensors (batch first, NCHW for convolutions) and IR tensors (no batch,
 * channels-last). An ONNX tensor of rank r is held by an IR layer in one of two element orders:
 * - `cl`: the ONNX order without the batch axis (`[N,A,B]` → `[A,B]`);
 * - `cf`: channels moved last (`[N,C,H,W]` → `[H,W,C]`), what convolutions and pooling produce.
 * For rank ≤ 2 the two coincide. Pure functions only.
 */
import type { Shape } from '../tensor.js';

/** Which ONNX axis order an IR tensor follows. */
export type Layout = 'cl' | 'cf';

/** ONNX axes (0 = batch) in the order the IR tensor lists them. */
export function irAxes(rank: number, layout: Layout): number[] {
  const rest = Array.from({ length: Math.max(rank - 1, 0) }, (_, i) => i + 1);
  return layout === 'cf' && rank > 2 ? [...rest.slice(1), 1] : rest;
}

/** The IR shape of an ONNX shape held in `layout`. */
export function irShapeOf(onnxShape: readonly number[], layout: Layout): number[] {
  return irAxes(onnxShape.length, layout).map((a) => onnxShape[a]);
}

/** The ONNX shape (batch 1) of an IR shape held in `layout`. */
export function onnxShapeOf(irShape: Shape, layout: Layout): number[] {
  if (layout === 'cl' || irShape.length < 2) return [1, ...irShape];
  return [1, irShape[irShape.length - 1], ...irShape.slice(0, -1)];
}

/** True when two axis orders of one ONNX shape list the same elements in the same order (unit axes can move freely). */
export function sameOrder(onnxShape: readonly number[], a: readonly number[], b: readonly number[]): boolean {
  const big = (axes: readonly number[]) => axes.filter((x) => onnxShape[x] !== 1);
  const x = big(a);
  const y = big(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/** The permutation (over IR axes) that turns the order `from` into the order `to` (both lists of ONNX axes). */
export function permBetween(from: readonly number[], to: readonly number[]): number[] {
  return to.map((axis) => from.indexOf(axis));
}

/** True when two shapes are equal. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Normalises a possibly negative ONNX axis; undefined when it is out of range. */
export function normalizeAxis(axis: number, rank: number): number | undefined {
  const a = axis < 0 ? axis + rank : axis;
  return a >= 0 && a < rank ? a : undefined;
}

/**
 * Resolves the target of an ONNX `Reshape` (0 copies the input dimension unless `allowZero`, one −1 is inferred)
 * against the input's ONNX shape; returns an error message when it cannot.
 */
export function resolveReshape(input: readonly number[], target: readonly number[], allowZero: boolean): number[] | string {
  const total = input.reduce((n, d) => n * d, 1);
  const out = target.map((d, i) => (d === 0 && !allowZero ? input[i] : d));
  if (out.some((d) => d === undefined || d < -1)) return `invalid target shape [${target.join(',')}]`;
  const free = out.filter((d) => d === -1).length;
  if (free > 1) return `target shape [${target.join(',')}] has more than one -1`;
  const known = out.filter((d) => d !== -1).reduce((n, d) => n * d, 1);
  if (free === 1) {
    if (known === 0 || total % known !== 0) return `cannot reshape [${input.join(',')}] into [${target.join(',')}]`;
    out[out.indexOf(-1)] = total / known;
  } else if (known !== total) {
    return `cannot reshape [${input.join(',')}] into [${target.join(',')}]`;
  }
  return out;
}
