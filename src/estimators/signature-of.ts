/**
 * Builds the {@link LayerSignature} of an IR layer under a design point's knobs: widths from the knob precisions
 * (`auto` already resolved by the caller), geometry from the layer's window or shapes, weight statistics of the
 * quantised kernel, part and clock from the context.
 */
import type { FixedType, Precision } from '../fixed/precision.js';
import type { LayerKnobs } from '../ir/design-point.js';
import type { IoType } from '../ir/graph.js';
import type { Layer } from '../ir/layer.js';
import type { Part } from './devices.js';
import type { HlsTool } from './reports/types.js';
import { backendClockUncertainty, BLANK_SIGNATURE, familyOf, type LayerSignature, type MultiplierImpl, type SoftmaxImpl } from './signature.js';
import type { WeightStats } from './weight-stats.js';

/** What a signature needs beyond the layer and its knobs. */
export interface SignatureContext {
  readonly ioType: IoType;
  /** The target part (its speed grade, when the part string names one, scales the operation delays). */
  readonly device: Part;
  readonly clockNs: number;
  readonly tool: HlsTool;
  /** What `auto` and missing slots mean (the model default). */
  readonly fallback: FixedType;
  readonly bramFactor: number;
  readonly mulImpl: MultiplierImpl;
  /** Weight statistics for a weight type (memoised by the caller). */
  readonly weightStats: (layer: Layer, weightType: FixedType) => WeightStats;
  /** Stream words a layer reads per inference where that differs from its input shape ({@link streamInputWords}). */
  readonly inputWords?: ReadonlyMap<Layer, number>;
}

/** Pixels of a channels-last shape: every dimension but the last (1 for a vector). */
function pixelsOf(shape: readonly number[]): number {
  let n = 1;
  for (let i = 0; i < shape.length - 1; i++) n *= shape[i];
  return n;
}

/** A Flatten, or a Reshape to 1-D, which hls4ml treats as one. */
const flat = (l: Layer): boolean => (l.kind === 'Flatten' || l.kind === 'Reshape') && l.outputShape.length === 1;

const WORDS = new WeakMap<readonly Layer[], ReadonlyMap<Layer, number>>();

/**
 * io_stream words read by the layers behind a Flatten: hls4ml makes a Flatten (or a Reshape to 1-D) an in-place
 * view of its input stream (`InplaceStreamFlatten`), so the next layer reads its producer's `nnet::array<T, C>`
 * words — a Dense after a conv's H×W×C output reads H·W words of C, not one of H·W·C (nnet_dense_stream.h
 * DataPrepare). Memoised per layer list; `inputsOf` gives each layer's input indices.
 */
export function streamInputWords(layers: readonly Layer[], inputsOf: readonly (readonly number[])[]): ReadonlyMap<Layer, number> {
  let m = WORDS.get(layers);
  if (m) return m;
  const out = new Map<Layer, number>();
  layers.forEach((l, i) => {
    let j = inputsOf[i][0];
    if (j === undefined || !flat(layers[j])) return;
    while (flat(layers[j]) && inputsOf[j].length > 0) j = inputsOf[j][0];
    out.set(l, pixelsOf(layers[j].outputShape));
  });
  m = out;
  WORDS.set(layers, m);
  return m;
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
  const stats = layer.facts.weights > 0 || (family === 'batchnorm' && layer.params['scale']) ? ctx.weightStats(layer, weight) : undefined;
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
    weightDistinctDigitCounts: stats?.distinctDigitCounts ?? [],
    inputWidth: input.width,
    inputInteger: input.integer,
    weightWidth: weight.width,
    weightInteger: weight.integer,
    biasWidth: concrete(p['bias'], fb).width,
    accumWidth: accum.width,
    accumInteger: accum.integer,
    resultWidth: result.width,
    resultInteger: result.integer,
    resultSigned: result.signed,
    resultRounding: result.rounding,
    resultOverflow: result.overflow,
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
    inPixels: w ? w.inHeight * w.inWidth : (family === 'dense' ? ctx.inputWords?.get(layer) : undefined) ?? inH * inW,
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
    speedGrade: ctx.device.speedGrade ?? BLANK_SIGNATURE.speedGrade,
    clockNs: ctx.clockNs,
    clockUncertainty: backendClockUncertainty(ctx.tool),
    tool: ctx.tool,
    mulImpl: ctx.mulImpl,
    externalWeights: layer.facts.weights > ctx.bramFactor && weightBits > 0,
  };
}
