/** Dense numeric arrays carried by the IR (weights, biases, BN scales, HGQ masks). */

/** A tensor shape, channels-last, without the batch dimension. */
export type Shape = readonly number[];

/** A float tensor in row-major (C) order with its shape. */
export interface Tensor {
  readonly shape: Shape;
  readonly data: Float32Array;
}

/** Number of elements of a shape (1 for a scalar `[]`). */
export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Builds a tensor, checking that the data length matches the shape. */
export function tensor(shape: Shape, data: ArrayLike<number>): Tensor {
  const n = sizeOf(shape);
  if (data.length !== n) throw new RangeError(`tensor of shape [${shape.join(',')}] needs ${n} values, got ${data.length}`);
  return { shape: Object.freeze([...shape]), data: data instanceof Float32Array ? data : Float32Array.from(data) };
}

/** Permutes the axes of a tensor (`perm[i]` = source axis of output axis i), as numpy's `transpose`. */
export function transpose(t: Tensor, perm: readonly number[]): Tensor {
  const rank = t.shape.length;
  if (perm.length !== rank) throw new RangeError(`permutation of length ${perm.length} for a rank-${rank} tensor`);
  const outShape = perm.map((p) => t.shape[p]);
  const inStrides = new Array<number>(rank);
  let s = 1;
  for (let i = rank - 1; i >= 0; i--) {
    inStrides[i] = s;
    s *= t.shape[i];
  }
  const out = new Float32Array(t.data.length);
  const idx = new Array<number>(rank).fill(0);
  for (let o = 0; o < out.length; o++) {
    let src = 0;
    for (let a = 0; a < rank; a++) src += idx[a] * inStrides[perm[a]];
    out[o] = t.data[src];
    for (let a = rank - 1; a >= 0; a--) {
      if (++idx[a] < outShape[a]) break;
      idx[a] = 0;
    }
  }
  return { shape: outShape, data: out };
}
