/** Output-shape inference per layer kind (channels-last, batch dimension excluded), as Keras computes it. */
import type { RecurrentSpec, WindowGeometry } from './layer.js';
import { CONV_KINDS, GLOBAL_POOL_KINDS, MERGE_KINDS, POOL_KINDS, RNN_KINDS } from './layer-kinds.js';
import type { LayerSpec, SpecAttr } from './layer-spec.js';
import { sizeOf, type Shape } from './tensor.js';
import { resolveWindow } from './window.js';

/** What shape inference derives for one layer. */
export interface InferredShape {
  readonly outputShape: Shape;
  readonly window?: WindowGeometry;
  readonly recurrent?: RecurrentSpec;
}

function nums(spec: LayerSpec, key: string, fallback?: readonly number[]): readonly number[] {
  const v: SpecAttr | undefined = spec.attrs?.[key];
  if (v === undefined) {
    if (fallback) return fallback;
    throw new RangeError(`missing attribute '${key}'`);
  }
  if (typeof v === 'number') return [v];
  if (Array.isArray(v) && v.every((x) => Number.isInteger(x))) return v;
  throw new RangeError(`attribute '${key}' must be integers, got ${JSON.stringify(v)}`);
}

function num(spec: LayerSpec, key: string, fallback?: number): number {
  const v = spec.attrs?.[key];
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`attribute '${key}' must be a number, got ${JSON.stringify(v)}`);
  return v;
}

function is2d(kind: string): boolean {
  return kind.endsWith('2D');
}

function windowOf(spec: LayerSpec, input: Shape): WindowGeometry {
  const twoD = is2d(spec.kind);
  const rank = twoD ? 3 : 2;
  if (input.length !== rank) {
    throw new RangeError(`${spec.kind} needs a rank-${rank} input (${twoD ? 'height, width, channels' : 'width, channels'}), got [${input.join(',')}]`);
  }
  const [inHeight, inWidth, nChan] = twoD ? input : [1, input[0], input[1]];
  const isPool = POOL_KINDS.has(spec.kind);
  const kernel = nums(spec, isPool ? 'pool' : 'kernel');
  const strides = nums(spec, 'strides', isPool ? kernel : twoD ? [1, 1] : [1]);
  const dilation = nums(spec, 'dilation', twoD ? [1, 1] : [1]);
  const pick = (a: readonly number[], i: number) => (twoD ? a[i] : i === 0 ? 1 : a[0]);
  let nFilt: number;
  if (isPool) nFilt = nChan;
  else if (spec.kind.startsWith('Depthwise')) nFilt = nChan * num(spec, 'depthMultiplier', 1);
  else nFilt = num(spec, 'filters');
  const pads = spec.attrs?.pads;
  const padding = Array.isArray(pads)
    ? (pads as unknown as [number, number, number, number])
    : spec.attrs?.padding === 'same'
      ? 'same'
      : 'valid';
  return resolveWindow({
    inHeight,
    inWidth,
    nChan,
    filtHeight: pick(kernel, 0),
    filtWidth: pick(kernel, 1),
    strideHeight: pick(strides, 0),
    strideWidth: pick(strides, 1),
    dilationHeight: pick(dilation, 0),
    dilationWidth: pick(dilation, 1),
    nFilt,
    padding,
  });
}

function windowOutput(kind: string, w: WindowGeometry): Shape {
  return is2d(kind) ? [w.outHeight, w.outWidth, w.nFilt] : [w.outWidth, w.nFilt];
}

function axisOf(axis: number, rank: number): number {
  const a = axis < 0 ? rank + axis : axis - 1; // positive Keras axes count the batch dimension
  if (a < 0 || a >= rank) throw new RangeError(`axis ${axis} is out of range for a rank-${rank} tensor`);
  return a;
}

/** Infers the output shape (and window/recurrent geometry) of a layer from its input shapes. */
export function inferShape(spec: LayerSpec, inputs: readonly Shape[]): InferredShape {
  const k = spec.kind;
  if (k === 'Input') return { outputShape: nums(spec, 'shape') };
  if (inputs.length === 0) throw new RangeError(`${k} has no input`);
  const x = inputs[0];
  if (k === 'Dense') return { outputShape: [...x.slice(0, -1), num(spec, 'units')] };
  if (CONV_KINDS.has(k) || POOL_KINDS.has(k)) {
    const w = windowOf(spec, x);
    return { outputShape: windowOutput(k, w), window: w };
  }
  if (GLOBAL_POOL_KINDS.has(k)) return { outputShape: [x[x.length - 1]] };
  if (MERGE_KINDS.has(k)) {
    for (const s of inputs.slice(1)) {
      if (sizeOf(s) !== sizeOf(x)) throw new RangeError(`${k} inputs differ in shape: [${x.join(',')}] vs [${s.join(',')}]`);
    }
    return { outputShape: x };
  }
  if (k === 'Concatenate') {
    const a = axisOf(num(spec, 'axis', -1), x.length);
    const out = [...x];
    out[a] = 0;
    for (const s of inputs) {
      if (s.length !== x.length) throw new RangeError(`Concatenate inputs differ in rank`);
      out[a] += s[a];
    }
    return { outputShape: out };
  }
  if (k === 'Flatten') return { outputShape: [sizeOf(x)] };
  if (k === 'Reshape') {
    const target = [...nums(spec, 'targetShape')];
    const free = target.indexOf(-1);
    if (free >= 0) target[free] = sizeOf(x) / sizeOf(target.filter((d) => d !== -1));
    if (!Number.isInteger(target[free >= 0 ? free : 0]) || sizeOf(target) !== sizeOf(x)) {
      throw new RangeError(`cannot reshape [${x.join(',')}] into [${nums(spec, 'targetShape').join(',')}]`);
    }
    return { outputShape: target };
  }
  if (k === 'Transpose') {
    const perm = nums(spec, 'perm');
    if (perm.length !== x.length) throw new RangeError(`permutation [${perm.join(',')}] does not match rank ${x.length}`);
    return { outputShape: perm.map((p) => x[p]) };
  }
  if (k === 'ZeroPadding1D' || k === 'ZeroPadding2D') {
    const [t, b, l, r] = nums(spec, 'pads');
    return { outputShape: k === 'ZeroPadding2D' ? [x[0] + t + b, x[1] + l + r, x[2]] : [x[0] + l + r, x[1]] };
  }
  if (k === 'UpSampling1D' || k === 'UpSampling2D') {
    const size = nums(spec, 'size');
    return { outputShape: k === 'UpSampling2D' ? [x[0] * size[0], x[1] * size[1], x[2]] : [x[0] * size[0], x[1]] };
  }
  if (RNN_KINDS.has(k)) {
    if (x.length !== 2) throw new RangeError(`${k} needs a (time steps, features) input, got [${x.join(',')}]`);
    const units = num(spec, 'units');
    const returnSequences = spec.attrs?.returnSequences === true;
    const recurrent: RecurrentSpec = {
      units,
      sequenceLength: x[0],
      inputSize: x[1],
      returnSequences,
      returnState: spec.attrs?.returnState === true,
      activation: spec.activation?.fn ?? 'tanh',
      recurrentActivation: spec.recurrentActivation?.fn ?? (k === 'SimpleRNN' ? 'tanh' : 'sigmoid'),
      ...(k === 'GRU' ? { resetAfter: spec.attrs?.resetAfter !== false } : {}),
    };
    return { outputShape: returnSequences ? [x[0], units] : [units], recurrent };
  }
  // Element-wise layers: BatchNormalization, Activation, Softmax, Quantizer.
  return { outputShape: x };
}
