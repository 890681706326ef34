/**
 * ONNX weight tensors rearranged into the IR's Keras layout: Dense [n_in, n_out], Conv [k…, c_in, filters],
 * depthwise [k…, c_in, depth_multiplier], and per-channel bias vectors.
 * Pure functions only.
 */
import { tensor, transpose, type Tensor } from '../tensor.js';
import type { ConstTensor } from './onnx-decode.js';

/** A constant as an IR tensor of the same shape. */
export function asTensor(c: ConstTensor): Tensor {
  return tensor(c.shape, c.data);
}

/** Dense kernel from a Gemm/MatMul operand: [n_in, n_out], or [n_out, n_in] when `transposed` (Gemm transB). */
export function denseKernel(b: ConstTensor, transposed: boolean, alpha = 1): Tensor {
  const t = transposed ? transpose(asTensor(b), [1, 0]) : asTensor(b);
  return alpha === 1 ? t : tensor(t.shape, t.data.map((v) => v * alpha));
}

/** Conv kernel ONNX [filters, c_in, k…] → Keras [k…, c_in, filters]. */
export function convKernel(w: ConstTensor): Tensor {
  return transpose(asTensor(w), w.shape.length === 3 ? [2, 1, 0] : [2, 3, 1, 0]);
}

/**
 * Depthwise kernel ONNX [c_in·dm, 1, k…] (output channel c·dm + m) → Keras [k…, c_in, dm] (same channel order).
 */
export function depthwiseKernel(w: ConstTensor, channels: number): Tensor {
  const dm = w.shape[0] / channels;
  const k = w.shape.slice(2);
  const grouped = tensor([channels, dm, ...k], w.data);
  return transpose(grouped, k.length === 1 ? [2, 0, 1] : [2, 3, 0, 1]);
}

/**
 * The per-channel vector of length `n` a constant broadcasts to along ONNX axis `channelAxis` of a rank-`rank`
 * tensor (a bias [n], [1,n], [n,1,1], [1,n,1,1] or a scalar); an error message when it varies along other axes.
 */
export function channelVector(c: ConstTensor, rank: number, channelAxis: number, n: number): Float32Array | string {
  if (c.shape.length > rank) return `a constant of shape [${c.shape.join(',')}] does not fit a rank-${rank} tensor`;
  const dims = [...new Array<number>(rank - c.shape.length).fill(1), ...c.shape];
  const ok = dims.every((d, i) => d === 1 || (i === channelAxis && d === n));
  if (!ok) return `a constant of shape [${c.shape.join(',')}] is not one value per channel (${n} channels)`;
  return c.data.length === 1 ? new Float32Array(n).fill(c.data[0]) : Float32Array.from(c.data);
}
