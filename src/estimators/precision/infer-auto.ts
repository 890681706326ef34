/**
 * Resolves every `auto` precision of a design point as hls4ml's `infer_precision_types` pass does, layer by layer in
 * topological order (each layer sees its producers' resolved `result` types): Dense/Conv/Depthwise accum and result
 * from the input and weight types and n_ops with the bias, BatchNorm, local pooling accumulators, merges,
 * Concatenate, shape-only layers (the input type), parametrized-activation parameters; everything else (activation
 * results, softmax types, global pooling, quantizers, RNNs) takes the model default. Weights and biases take the
 * model file's quantizer type, else the default. `Model.Precision.maximum` caps the inferred types.
 * SeparableConv is inferred as hls4ml splits it: a depthwise conv (written to `depthwise_accum`/`depthwise_result`
 * when those are unset) feeding a 1×1 conv (`accum`/`result`).
 */
import type { FixedType, Precision } from '../../fixed/precision.js';
import type { DesignPoint, LayerKnobs } from '../../ir/design-point.js';
import type { Graph } from '../../ir/graph.js';
import type { Layer } from '../../ir/layer.js';
import { CONV_KINDS, MERGE_KINDS, POOL_KINDS } from '../../ir/layer-kinds.js';
import { fail } from '../../util/errors.js';
import { batchNormType, concatType, constantType, macType, mergeType, poolAccumType } from './auto-rules.js';

/** True when any precision of the point is `auto`. */
export function hasAutoPrecision(point: DesignPoint): boolean {
  return Object.values(point.layers).some((k) => Object.values(k.precisions).some((p) => p.kind === 'auto'));
}

const SHAPE_ONLY = new Set(['Flatten', 'Reshape', 'Transpose', 'ZeroPadding1D', 'ZeroPadding2D', 'UpSampling1D', 'UpSampling2D']);

function asFixed(p: Precision | undefined): FixedType | undefined {
  return p && p.kind === 'fixed' ? p : undefined;
}

/** The point with every `auto` precision replaced by the type hls4ml would infer. */
export function resolveAutoPrecisions(graph: Graph, point: DesignPoint): DesignPoint {
  const def = asFixed(graph.config.defaultPrecision);
  if (!def) fail('bad-precision', undefined, 'the model default precision must be a fixed type');
  const max = asFixed(graph.config.maximumPrecision);
  const results = new Map<string, FixedType>();
  const layers: Record<string, LayerKnobs> = { ...point.layers };
  for (const layer of graph.layers) {
    const knobs = point.layers[layer.name];
    if (!knobs) fail('model-mismatch', undefined, `the design point has no layer '${layer.name}'`);
    const p: Record<string, Precision> = { ...knobs.precisions };
    const isAuto = (k: string) => p[k]?.kind === 'auto';
    const set = (k: string, t: FixedType) => {
      if (isAuto(k)) p[k] = t;
    };
    const fixedOf = (k: string): FixedType => asFixed(p[k]) ?? def;
    const quantizerOr = (k: string) => {
      if (isAuto(k)) p[k] = asFixed(layer.quantizers[k]) ?? def;
    };
    const inputs = layer.inputs.map((n) => results.get(n) ?? def);
    const x = inputs[0] ?? def;
    inferLayer(layer, { p, isAuto, set, fixedOf, quantizerOr, inputs, x, def, max });
    for (const k of Object.keys(p)) if (isAuto(k)) p[k] = def;
    if (Object.keys(p).some((k) => p[k] !== knobs.precisions[k])) layers[layer.name] = { ...knobs, precisions: p };
    results.set(layer.name, fixedOf('result'));
  }
  return { ...point, layers };
}

interface Ctx {
  readonly p: Record<string, Precision>;
  isAuto(k: string): boolean;
  set(k: string, t: FixedType): void;
  fixedOf(k: string): FixedType;
  quantizerOr(k: string): void;
  readonly inputs: readonly FixedType[];
  readonly x: FixedType;
  readonly def: FixedType;
  readonly max: FixedType | undefined;
}

function nOps(layer: Layer): number {
  const g = layer.window;
  if (layer.kind === 'Dense') return layer.params.weight?.shape[0] ?? layer.facts.nIn;
  if (!g) return layer.facts.nIn;
  const k = g.filtHeight * g.filtWidth;
  return layer.kind.startsWith('Depthwise') ? k : k * g.nChan;
}

function inferLayer(layer: Layer, c: Ctx): void {
  const k = layer.kind;
  if (k === 'Dense' || ((CONV_KINDS.has(k) && !k.startsWith('Separable')))) {
    c.quantizerOr('weight');
    c.quantizerOr('bias');
    const t = macType(c.x, c.fixedOf('weight'), c.fixedOf('bias'), nOps(layer), c.max);
    c.set('accum', t);
    c.set('result', t);
  } else if (k === 'SeparableConv1D' || k === 'SeparableConv2D') {
    c.quantizerOr('depthwise');
    c.quantizerOr('pointwise');
    c.quantizerOr('bias');
    const g = layer.window;
    const kk = g ? g.filtHeight * g.filtWidth : 1;
    const bias = c.fixedOf('bias');
    const dwResultAuto = c.p.depthwise_result === undefined ? c.isAuto('result') : c.isAuto('depthwise_result');
    const dwAccumAuto = c.p.depthwise_accum === undefined ? c.isAuto('accum') : c.isAuto('depthwise_accum');
    const dw = macType(c.x, c.fixedOf('depthwise'), bias, kk, c.max);
    if (dwAccumAuto) c.p.depthwise_accum = dw;
    if (dwResultAuto) c.p.depthwise_result = dw;
    const mid = asFixed(c.p.depthwise_result) ?? asFixed(c.p.result) ?? c.def;
    const nChan = (g?.nChan ?? 1) * Number(layer.attrs.depthMultiplier ?? 1);
    const pw = macType(mid, c.fixedOf('pointwise'), bias, nChan, c.max);
    c.set('pointwise_accum', pw);
    c.set('accum', pw);
    c.set('result', pw);
  } else if (k === 'BatchNormalization') {
    const t = batchNormType(c.x, c.isAuto('scale') ? c.def : c.fixedOf('scale'), c.isAuto('bias') ? c.def : c.fixedOf('bias'), c.max);
    c.set('result', t);
  } else if (POOL_KINDS.has(k)) {
    const g = layer.window;
    c.set('accum', poolAccumType(c.x, k.startsWith('Max') ? 'max' : 'average', g ? g.filtHeight * g.filtWidth : 1));
    c.set('result', c.x);
  } else if (SHAPE_ONLY.has(k)) {
    c.set('result', c.x);
  } else if (MERGE_KINDS.has(k) && c.inputs.length >= 2) {
    c.set('result', mergeType(k.toLowerCase(), c.inputs[0], c.inputs[1], c.max));
  } else if (k === 'Concatenate' && c.inputs.length >= 2) {
    c.set('result', concatType(c.inputs[0], c.inputs[1], c.max));
  } else if (k === 'Activation' && c.isAuto('param')) {
    const fn = layer.activation?.fn;
    if (fn === 'thresholded_relu' || fn === 'prelu') c.set('param', c.x);
    else if (fn === 'leaky_relu' || fn === 'elu') c.set('param', constantType(layer.activation?.alpha ?? (fn === 'elu' ? 1 : 0.3)));
  }
  // Global pooling, activations, softmax, quantizers, RNNs: hls4ml infers nothing; their auto slots take the default.
}
