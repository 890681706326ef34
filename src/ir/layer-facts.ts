/** Derived per-layer facts (matrix size, MACs, parameter and weight statistics), computed once per layer. */
import type { LayerFacts, RecurrentSpec, WindowGeometry } from './layer.js';
import { CONV_KINDS, type LayerKind } from './layer-kinds.js';
import { sizeOf, type Shape, type Tensor } from './tensor.js';

/** Parameter names that hold multiplier weights (the ones zero/power-of-two counts are taken over). */
export const KERNEL_PARAMS = ['weight', 'depthwise', 'pointwise', 'recurrent_weight'] as const;

/** True when |v| is an exact power of two (a shift in hardware). */
export function isPowerOfTwo(v: number): boolean {
  const a = Math.abs(v);
  return a > 0 && Number.isInteger(Math.log2(a));
}

/** Inputs to {@link computeFacts}. */
export interface FactsInput {
  readonly kind: LayerKind;
  readonly inputShape: Shape | undefined;
  readonly outputShape: Shape;
  readonly params: Readonly<Record<string, Tensor>>;
  readonly window?: WindowGeometry;
  readonly recurrent?: RecurrentSpec;
  readonly fileParamCount?: number;
  /** Depthwise multiplier of depthwise/separable convs (1 otherwise). */
  readonly depthMultiplier?: number;
}

/**
 * Matrix size n_in × n_out the layer multiplies, as hls4ml's `get_layer_mult_size`; for separable convs the
 * pointwise matrix (the depthwise part is K·C products).
 * @see hls4ml/backends/fpga/fpga_backend.py `get_layer_mult_size`
 */
function multSize(f: FactsInput): [number, number] {
  const { kind, window: w, recurrent: r } = f;
  if (kind === 'Dense') return [f.inputShape?.[f.inputShape.length - 1] ?? 0, f.outputShape[f.outputShape.length - 1]];
  if (w && (kind === 'SeparableConv1D' || kind === 'SeparableConv2D')) {
    return [w.nChan * (f.depthMultiplier ?? 1), w.nFilt];
  }
  if (w && CONV_KINDS.has(kind)) return [w.nChan * w.filtHeight * w.filtWidth, w.nFilt];
  if (r) {
    const gates = kind === 'LSTM' ? 4 : kind === 'GRU' ? 3 : 1;
    return [r.inputSize, gates * r.units];
  }
  const n = sizeOf(f.outputShape);
  return [n, n];
}

function macsOf(f: FactsInput, nIn: number, nOut: number): number {
  const { kind, window: w, recurrent: r } = f;
  if (kind === 'Dense') return (sizeOf(f.inputShape ?? []) / Math.max(nIn, 1)) * nIn * nOut;
  if (w && (kind === 'DepthwiseConv1D' || kind === 'DepthwiseConv2D')) {
    return w.outHeight * w.outWidth * w.filtHeight * w.filtWidth * w.nFilt;
  }
  if (w && (kind === 'SeparableConv1D' || kind === 'SeparableConv2D')) {
    const pixels = w.outHeight * w.outWidth;
    return pixels * (w.filtHeight * w.filtWidth * nIn + nIn * nOut);
  }
  if (w && CONV_KINDS.has(kind)) return w.outHeight * w.outWidth * nIn * nOut;
  if (r) return r.sequenceLength * (nIn * nOut + r.units * nOut);
  if (kind === 'BatchNormalization') return sizeOf(f.outputShape);
  return 0;
}

/** Computes the {@link LayerFacts} of a layer. */
export function computeFacts(f: FactsInput): LayerFacts {
  const [nIn, nOut] = multSize(f);
  let params = 0;
  for (const t of Object.values(f.params)) params += t.data.length;
  let weights = 0;
  let zeroWeights = 0;
  let pow2Weights = 0;
  let maxAbsWeight = 0;
  for (const name of KERNEL_PARAMS) {
    const t = f.params[name];
    if (!t) continue;
    weights += t.data.length;
    for (const v of t.data) {
      if (v === 0) zeroWeights++;
      else if (isPowerOfTwo(v)) pow2Weights++;
      const a = Math.abs(v);
      if (a > maxAbsWeight) maxAbsWeight = a;
    }
  }
  return {
    nIn,
    nOut,
    macs: macsOf(f, nIn, nOut),
    params: f.fileParamCount ?? params,
    weights,
    zeroWeights,
    pow2Weights,
    maxAbsWeight,
    outputSize: sizeOf(f.outputShape),
  };
}
