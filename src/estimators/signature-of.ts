/**
 * Builds the {@link LayerSignature} of an IR layer under a design point's knobs: widths from the knob precisions
 * (`auto` already resolved by the caller), geometry from the layer's window or shapes, weight statistics of the
 * quantised kernel, part and clock from the context.
 */
import type { FixedType, Precision } from '../fixed/precision.js';
import type { LayerKnobs } from '../ir/design-point.js';
import type { IoType } from '../ir/graph.js';
import type { Layer } from '../ir/layer.js';
import type { Device } from './device-data.js';
import type { HlsTool } from './reports/types.js';
import { BLANK_SIGNATURE, familyOf, type LayerSignature, type MultiplierImpl, type SoftmaxImpl } from './signature.js';
import type { WeightStats } from './weight-stats.js';

/** What a signature needs beyond the layer and its knobs. */
export interface SignatureContext {
  readonly ioType: IoType;
  readonly device: Device;
  readonly clockNs: number;
  readonly tool: HlsTool;
  /** What `auto` and missing slots mean (the model default). */
  readonly fallback: FixedType;
  readonly bramFactor: number;
  readonly mulImpl: MultiplierImpl;
  /** Weight statistics for a weight type (memoised by the caller). */
  readonly weightStats: (layer: Layer, weightType: FixedType) => WeightStats;
}

/** The concrete type of a knob precision; `auto` and absent slots fall back. */
export function concrete(p: Precision | undefined, fallback: FixedType): FixedType {
  return p === undefined || p.kind === 'auto' ? fallback : p;
}

/** Height, width and channels of a channels-last shape ([W,C] → height 1; [N] → 1 pixel of N). */
function hwc(shape: readonly number[]): [number, number, number] {
  if (shape.length >= 3) return [shape[shape.length - 3], shape[shape.length - 2], shape[shape.length - 1]];
  if (shape.length === 2) return [1, shape[0], shape[1]];
  return [1, 1, shape[0] ?? 1];
}

const isSoftmaxImpl = (v: string | undefined): v is SoftmaxImpl => v === 'stable' || v === 'latency' || v === 'legacy' || v === 'argmax';

/** The signature of `layer` with `knobs` in `ctx`; `input` is the layer's input type (its producer's `result`). */
export function signatureOf(layer: Layer, knobs: LayerKnobs, ctx: SignatureContext, input: FixedType): LayerSignature {
  const w = layer.window;
  const family = familyOf(layer.kind, layer.activation?.fn, w ? w.filtHeight * w.filtWidth : 0);
  const p = knobs.precisions;
  const fb = ctx.fallback;
  const weightName = family === 'separable' ? 'pointwise' : family === 'batchnorm' ? 'scale' : 'weight';
  const weight = concrete(p[weightName] ?? p['depthwise'], fb);
  const accum = concrete(p['accum'], fb);
  const result = concrete(p['result'], fb);
  const table = concrete(p['table'] ?? p['exp_table'], fb);
  const stats = layer.facts.weights > 0 ? ctx.weightStats(layer, weight) : undefined;
  const [inH, inW, inC] = hwc(layer.inputShapes[0] ?? layer.outputShape);
  const [outH, outW, outC] = hwc(layer.outputShape);
  const r = layer.recurrent;
  const weightBits = layer.facts.weights * weight.width;
  return {
    ...BLANK_SIGNATURE,
    family,
    label: layer.kind,
    strategy: knobs.strategy,
    ioType: ctx.ioType,
    reuseFactor: knobs.reuseFactor,
    parallelization: knobs.parallelizationFactor,
    nIn: layer.facts.nIn,
    nOut: layer.facts.nOut,
    nWeights: layer.facts.weights,
    zeroWeights: stats?.zeros ?? 0,
    pow2Weights: stats?.pow2 ?? 0,
    weightsKnown: stats !== undefined,
    weightDigitCounts: stats?.digitCounts ?? [],
    inputWidth: input.width,
    inputInteger: input.integer,
    weightWidth: weight.width,
    weightInteger: weight.integer,
    biasWidth: concrete(p['bias'], fb).width,
    accumWidth: accum.width,
    accumInteger: accum.integer,
    resultWidth: result.width,
    inHeight: w ? w.inHeight : inH,
    inWidth: w ? w.inWidth : inW,
    nChan: w ? w.nChan : inC,
    filtHeight: w ? w.filtHeight : 1,
    filtWidth: w ? w.filtWidth : 1,
    nFilt: w ? w.nFilt : outC,
    strideHeight: w ? w.strideHeight : 1,
    strideWidth: w ? w.strideWidth : 1,
    outHeight: w ? w.outHeight : outH,
    outWidth: w ? w.outWidth : outW,
    inPixels: w ? w.inHeight * w.inWidth : inH * inW,
    outPixels: outH * outW,
    elements: layer.facts.outputSize,
    channels: outC,
    tableSize: knobs.tableSize,
    tableWidth: table.width,
    ...(layer.activation ? { activation: layer.activation.fn } : {}),
    ...(family === 'softmax' && isSoftmaxImpl(layer.config.implementation) ? { softmaxImpl: layer.config.implementation } : {}),
    poolOp: layer.kind.includes('Average') ? 'average' : 'max',
    sequenceLength: r?.sequenceLength ?? 1,
    units: r?.units ?? 0,
    dspType: ctx.device.dspType,
    partFamily: ctx.device.family,
    clockNs: ctx.clockNs,
    tool: ctx.tool,
    mulImpl: ctx.mulImpl,
    externalWeights: layer.facts.weights > ctx.bramFactor && weightBits > 0,
  };
}
