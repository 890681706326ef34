/**
 * A plain Float64 forward pass over the IR, written independently of TensorFlow.js: the cross-check of the
 * tfjs reference and a fast reference of its own. Semantics are Keras' (channels-last, SAME padding with the
 * odd pixel at the end, average pooling over valid pixels only, nearest-neighbour upsampling); Quantizer
 * layers pass values through (the float model is the unquantised network).
 */
import { fail } from '../../util/errors.js';
import type { Graph } from '../../ir/graph.js';
import type { ActivationSpec, Layer, WindowGeometry } from '../../ir/layer.js';
import { GLOBAL_POOL_KINDS, MERGE_KINDS, POOL_KINDS } from '../../ir/layer-kinds.js';
import { sizeOf, type Shape } from '../../ir/tensor.js';
import type { Batch } from '../emulator/types.js';
import { activate } from './activate.js';

export { activate } from './activate.js';
import { makeBatch } from './data-formats.js';

/** Inputs of a run: one batch (single-input graphs) or batches by input layer name. */
export type GraphInputs = Batch | Readonly<Record<string, Batch>>;

/** Outputs of a float run: graph outputs and every layer's output. */
export interface FloatRun {
  readonly outputs: Readonly<Record<string, Batch>>;
  readonly layerOutputs: Readonly<Record<string, Batch>>;
}

/** Kinds both float references compute. */
export const FLOAT_KINDS: ReadonlySet<string> = new Set([
  'Input', 'Dense', 'Conv1D', 'Conv2D', 'DepthwiseConv1D', 'DepthwiseConv2D', 'SeparableConv1D', 'SeparableConv2D',
  ...POOL_KINDS, ...GLOBAL_POOL_KINDS, 'BatchNormalization', 'Activation', 'Softmax', ...MERGE_KINDS, 'Concatenate',
  'Flatten', 'Reshape', 'Transpose', 'ZeroPadding1D', 'ZeroPadding2D', 'UpSampling1D', 'UpSampling2D', 'Quantizer',
]);

/** Throws `unsupported-layer` for a layer neither reference can compute. */
export function assertFloatSupported(graph: Graph): void {
  for (const l of graph.layers) {
    if (!FLOAT_KINDS.has(l.kind)) fail('unsupported-layer', graph.sourceFiles[0], `layer '${l.name}' (${l.kind}) has no float reference`);
    if (l.kind.startsWith('UpSampling') && l.attrs.interpolation !== undefined && l.attrs.interpolation !== 'nearest') {
      fail('unsupported-layer', graph.sourceFiles[0], `layer '${l.name}' (${l.kind}) uses ${String(l.attrs.interpolation)} interpolation; only nearest has a float reference`);
    }
  }
}

/** Resolves the inputs of a run to one batch per graph input, checking sizes and sample counts. */
export function inputBatches(graph: Graph, inputs: GraphInputs): Record<string, Batch> {
  const byName: Record<string, Batch> = isBatch(inputs) ? (graph.inputs.length === 1 ? { [graph.inputs[0]]: inputs } : {}) : { ...inputs };
  if (isBatch(inputs) && graph.inputs.length !== 1) throw new RangeError(`the graph has ${graph.inputs.length} inputs; pass a batch per input name`);
  let count: number | undefined;
  for (const name of graph.inputs) {
    const b = byName[name];
    const layer = graph.layers.find((l) => l.name === name) as Layer;
    if (!b) throw new RangeError(`no batch for input '${name}'`);
    const need = sizeOf(layer.outputShape);
    if (b.size !== need) throw new RangeError(`input '${name}' needs ${need} values per sample, the batch has ${b.size}`);
    if (count !== undefined && b.count !== count) throw new RangeError(`input batches differ in sample count (${count} vs ${b.count})`);
    count = b.count;
  }
  return byName;
}

function isBatch(x: GraphInputs): x is Batch {
  return typeof (x as Batch).count === 'number' && (x as Batch).data instanceof Float64Array;
}

/** Runs the graph in Float64 on a batch; every layer's output is kept. */
export function floatForward(graph: Graph, inputs: GraphInputs): FloatRun {
  assertFloatSupported(graph);
  const feed = inputBatches(graph, inputs);
  const count = feed[graph.inputs[0]].count;
  const values = new Map<string, Float64Array>();
  const layerOutputs: Record<string, Batch> = {};
  for (const l of graph.layers) {
    const ins = l.inputs.map((i) => values.get(i) as Float64Array);
    const out = l.kind === 'Input' ? Float64Array.from(feed[l.name].data) : forwardLayer(l, ins, count);
    values.set(l.name, out);
    layerOutputs[l.name] = makeBatch(count, sizeOf(l.outputShape), out);
  }
  const outputs: Record<string, Batch> = {};
  for (const o of graph.outputs) outputs[o] = layerOutputs[o];
  return { outputs, layerOutputs };
}

function forwardLayer(l: Layer, ins: readonly Float64Array[], n: number): Float64Array {
  const x = ins[0];
  const inShape = l.inputShapes[0];
  const k = l.kind;
  if (k === 'Dense') return dense(x, l.params.weight.data, l.params.bias?.data, l.params.weight.shape[0], l.params.weight.shape[1]);
  if (k === 'Conv1D' || k === 'Conv2D') return conv(x, n, l.window as WindowGeometry, l.params.weight.data, l.params.bias?.data);
  if (k === 'DepthwiseConv1D' || k === 'DepthwiseConv2D') return depthwise(x, n, l.window as WindowGeometry, l.params.weight.data, l.params.bias?.data);
  if (k === 'SeparableConv1D' || k === 'SeparableConv2D') {
    const w = l.window as WindowGeometry;
    const dm = l.params.depthwise.shape[l.params.depthwise.shape.length - 1];
    const mid = depthwise(x, n, { ...w, nFilt: w.nChan * dm }, l.params.depthwise.data, undefined);
    return dense(mid, l.params.pointwise.data, l.params.bias?.data, w.nChan * dm, w.nFilt);
  }
  if (POOL_KINDS.has(k)) return pool(x, n, l.window as WindowGeometry, k.startsWith('Max'));
  if (GLOBAL_POOL_KINDS.has(k)) return globalPool(x, n, inShape, k.startsWith('GlobalMax'));
  if (k === 'BatchNormalization') return channelAffine(x, l.params.scale.data, l.params.bias.data);
  if (k === 'Activation' || k === 'Softmax') return activation(x, l.activation ?? { fn: k === 'Softmax' ? 'softmax' : 'linear' }, inShape, l.params.alpha?.data, l.params.alpha?.shape);
  if (MERGE_KINDS.has(k)) return merge(k, ins);
  if (k === 'Concatenate') return concat(ins, l.inputShapes, axisOf(Number(l.attrs.axis ?? -1), inShape.length), n);
  if (k === 'Flatten' || k === 'Reshape' || k === 'Quantizer') return Float64Array.from(x);
  if (k === 'Transpose') return transposeBatch(x, n, inShape, l.attrs.perm as readonly number[]);
  if (k === 'ZeroPadding1D' || k === 'ZeroPadding2D') return zeroPad(x, n, inShape, l.attrs.pads as readonly number[], k === 'ZeroPadding2D');
  if (k === 'UpSampling1D' || k === 'UpSampling2D') return upsample(x, n, inShape, l.attrs.size as readonly number[], k === 'UpSampling2D');
  throw new RangeError(`no float forward for ${k}`);
}

/** Keras' axis rule as the IR's shape inference applies it (negative from the end, positive counts the batch). */
function axisOf(axis: number, rank: number): number {
  return axis < 0 ? rank + axis : axis - 1;
}

function dense(x: Float64Array, w: Float32Array, b: Float32Array | undefined, nIn: number, nOut: number): Float64Array {
  const rows = x.length / nIn;
  const out = new Float64Array(rows * nOut);
  for (let r = 0; r < rows; r++) {
    const o = r * nOut;
    if (b) for (let j = 0; j < nOut; j++) out[o + j] = b[j];
    for (let i = 0; i < nIn; i++) {
      const xi = x[r * nIn + i];
      if (xi === 0) continue;
      const wi = i * nOut;
      for (let j = 0; j < nOut; j++) out[o + j] += xi * w[wi + j];
    }
  }
  return out;
}

/** Visits the valid input pixels of every output pixel of a window. */
function forWindow(g: WindowGeometry, visit: (oh: number, ow: number, kh: number, kw: number, ih: number, iw: number) => void): void {
  for (let oh = 0; oh < g.outHeight; oh++) {
    for (let ow = 0; ow < g.outWidth; ow++) {
      for (let kh = 0; kh < g.filtHeight; kh++) {
        const ih = oh * g.strideHeight - g.padTop + kh * g.dilationHeight;
        if (ih < 0 || ih >= g.inHeight) continue;
        for (let kw = 0; kw < g.filtWidth; kw++) {
          const iw = ow * g.strideWidth - g.padLeft + kw * g.dilationWidth;
          if (iw >= 0 && iw < g.inWidth) visit(oh, ow, kh, kw, ih, iw);
        }
      }
    }
  }
}

function conv(x: Float64Array, n: number, g: WindowGeometry, w: Float32Array, b: Float32Array | undefined): Float64Array {
  const { nChan: C, nFilt: F } = g;
  const inSize = g.inHeight * g.inWidth * C;
  const outSize = g.outHeight * g.outWidth * F;
  const out = new Float64Array(n * outSize);
  for (let s = 0; s < n; s++) {
    const xo = s * inSize;
    const oo = s * outSize;
    if (b) for (let p = 0; p < g.outHeight * g.outWidth; p++) for (let f = 0; f < F; f++) out[oo + p * F + f] = b[f];
    forWindow(g, (oh, ow, kh, kw, ih, iw) => {
      const o = oo + (oh * g.outWidth + ow) * F;
      for (let c = 0; c < C; c++) {
        const xv = x[xo + (ih * g.inWidth + iw) * C + c];
        const wo = ((kh * g.filtWidth + kw) * C + c) * F;
        for (let f = 0; f < F; f++) out[o + f] += xv * w[wo + f];
      }
    });
  }
  return out;
}

/** Depthwise convolution: kernel [kh,kw,C,M], output channel c·M + m (Keras' order). */
function depthwise(x: Float64Array, n: number, g: WindowGeometry, w: Float32Array, b: Float32Array | undefined): Float64Array {
  const C = g.nChan;
  const M = g.nFilt / C;
  const inSize = g.inHeight * g.inWidth * C;
  const outSize = g.outHeight * g.outWidth * g.nFilt;
  const out = new Float64Array(n * outSize);
  for (let s = 0; s < n; s++) {
    const xo = s * inSize;
    const oo = s * outSize;
    if (b) for (let p = 0; p < g.outHeight * g.outWidth; p++) for (let f = 0; f < g.nFilt; f++) out[oo + p * g.nFilt + f] = b[f];
    forWindow(g, (oh, ow, kh, kw, ih, iw) => {
      const o = oo + (oh * g.outWidth + ow) * g.nFilt;
      for (let c = 0; c < C; c++) {
        const xv = x[xo + (ih * g.inWidth + iw) * C + c];
        for (let m = 0; m < M; m++) out[o + c * M + m] += xv * w[((kh * g.filtWidth + kw) * C + c) * M + m];
      }
    });
  }
  return out;
}

function pool(x: Float64Array, n: number, g: WindowGeometry, isMax: boolean): Float64Array {
  const C = g.nChan;
  const inSize = g.inHeight * g.inWidth * C;
  const pixels = g.outHeight * g.outWidth;
  const out = new Float64Array(n * pixels * C).fill(isMax ? Number.NEGATIVE_INFINITY : 0);
  const counts = new Float64Array(pixels);
  forWindow(g, (oh, ow) => counts[oh * g.outWidth + ow]++);
  for (let s = 0; s < n; s++) {
    const xo = s * inSize;
    const oo = s * pixels * C;
    forWindow(g, (oh, ow, _kh, _kw, ih, iw) => {
      const o = oo + (oh * g.outWidth + ow) * C;
      const i = xo + (ih * g.inWidth + iw) * C;
      for (let c = 0; c < C; c++) out[o + c] = isMax ? Math.max(out[o + c], x[i + c]) : out[o + c] + x[i + c];
    });
    if (!isMax) for (let p = 0; p < pixels; p++) for (let c = 0; c < C; c++) out[oo + p * C + c] /= counts[p];
  }
  return out;
}

function globalPool(x: Float64Array, n: number, inShape: Shape, isMax: boolean): Float64Array {
  const C = inShape[inShape.length - 1];
  const pixels = sizeOf(inShape) / C;
  const out = new Float64Array(n * C).fill(isMax ? Number.NEGATIVE_INFINITY : 0);
  for (let s = 0; s < n; s++) {
    for (let p = 0; p < pixels; p++) {
      for (let c = 0; c < C; c++) {
        const v = x[(s * pixels + p) * C + c];
        out[s * C + c] = isMax ? Math.max(out[s * C + c], v) : out[s * C + c] + v;
      }
    }
    if (!isMax) for (let c = 0; c < C; c++) out[s * C + c] /= pixels;
  }
  return out;
}

function channelAffine(x: Float64Array, scale: Float32Array, bias: Float32Array): Float64Array {
  const C = scale.length;
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] * scale[i % C] + bias[i % C];
  return out;
}

function activation(x: Float64Array, spec: ActivationSpec, shape: Shape, alpha: Float32Array | undefined, alphaShape: Shape | undefined): Float64Array {
  const out = new Float64Array(x.length);
  if (spec.fn === 'softmax') {
    const C = shape[shape.length - 1];
    for (let r = 0; r < x.length / C; r++) {
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < C; c++) max = Math.max(max, x[r * C + c]);
      let sum = 0;
      for (let c = 0; c < C; c++) sum += out[r * C + c] = Math.exp(x[r * C + c] - max);
      for (let c = 0; c < C; c++) out[r * C + c] /= sum;
    }
    return out;
  }
  if (spec.fn === 'prelu') {
    const size = sizeOf(shape);
    const index = broadcastIndex(shape, alphaShape ?? [1]);
    for (let i = 0; i < x.length; i++) {
      const a = alpha ? alpha[index[i % size]] : spec.alpha ?? 0;
      out[i] = x[i] >= 0 ? x[i] : a * x[i];
    }
    return out;
  }
  for (let i = 0; i < x.length; i++) out[i] = activate(spec, x[i]);
  return out;
}

/** For every element of `shape`, the flat index into a parameter of `pShape` broadcast against it (trailing-aligned). */
function broadcastIndex(shape: Shape, pShape: Shape): Int32Array {
  const n = sizeOf(shape);
  const idx = new Int32Array(n);
  const rank = shape.length;
  const p = [...new Array<number>(Math.max(0, rank - pShape.length)).fill(1), ...pShape].slice(-rank);
  for (let i = 0; i < n; i++) {
    let rem = i;
    let flat = 0;
    let stride = 1;
    for (let a = rank - 1; a >= 0; a--) {
      const coord = rem % shape[a];
      rem = Math.floor(rem / shape[a]);
      flat += (p[a] === 1 ? 0 : coord) * stride;
      stride *= p[a];
    }
    idx[i] = flat;
  }
  return idx;
}

function merge(kind: string, ins: readonly Float64Array[]): Float64Array {
  const out = Float64Array.from(ins[0]);
  for (const y of ins.slice(1)) {
    for (let i = 0; i < out.length; i++) {
      if (kind === 'Add' || kind === 'Average') out[i] += y[i];
      else if (kind === 'Subtract') out[i] -= y[i];
      else if (kind === 'Multiply') out[i] *= y[i];
      else if (kind === 'Maximum') out[i] = Math.max(out[i], y[i]);
      else out[i] = Math.min(out[i], y[i]);
    }
  }
  if (kind === 'Average') for (let i = 0; i < out.length; i++) out[i] /= ins.length;
  return out;
}

function concat(ins: readonly Float64Array[], shapes: readonly Shape[], axis: number, n: number): Float64Array {
  const outer = sizeOf(shapes[0].slice(0, axis));
  const chunks = shapes.map((s) => sizeOf(s.slice(axis)));
  const rowOut = chunks.reduce((a, b) => a + b, 0);
  const out = new Float64Array(n * outer * rowOut);
  let o = 0;
  for (let r = 0; r < n * outer; r++) {
    ins.forEach((x, j) => {
      out.set(x.subarray(r * chunks[j], (r + 1) * chunks[j]), o);
      o += chunks[j];
    });
  }
  return out;
}

function transposeBatch(x: Float64Array, n: number, shape: Shape, perm: readonly number[]): Float64Array {
  const rank = shape.length;
  const size = sizeOf(shape);
  const strides = new Array<number>(rank);
  for (let a = rank - 1, s = 1; a >= 0; a--) {
    strides[a] = s;
    s *= shape[a];
  }
  const outShape = perm.map((p) => shape[p]);
  const src = new Int32Array(size);
  const idx = new Array<number>(rank).fill(0);
  for (let o = 0; o < size; o++) {
    let f = 0;
    for (let a = 0; a < rank; a++) f += idx[a] * strides[perm[a]];
    src[o] = f;
    for (let a = rank - 1; a >= 0; a--) {
      if (++idx[a] < outShape[a]) break;
      idx[a] = 0;
    }
  }
  const out = new Float64Array(x.length);
  for (let s = 0; s < n; s++) for (let o = 0; o < size; o++) out[s * size + o] = x[s * size + src[o]];
  return out;
}

function zeroPad(x: Float64Array, n: number, shape: Shape, pads: readonly number[], twoD: boolean): Float64Array {
  const [t, b, l, r] = pads;
  const [H, W, C] = twoD ? shape : [1, shape[0], shape[1]];
  const OH = twoD ? H + t + b : 1;
  const OW = W + l + r;
  const top = twoD ? t : 0;
  const out = new Float64Array(n * OH * OW * C);
  for (let s = 0; s < n; s++) {
    for (let h = 0; h < H; h++) {
      for (let w = 0; w < W; w++) {
        const i = ((s * H + h) * W + w) * C;
        out.set(x.subarray(i, i + C), ((s * OH + h + top) * OW + w + l) * C);
      }
    }
  }
  return out;
}

function upsample(x: Float64Array, n: number, shape: Shape, size: readonly number[], twoD: boolean): Float64Array {
  const [H, W, C] = twoD ? shape : [1, shape[0], shape[1]];
  const [sh, sw] = twoD ? size : [1, size[0]];
  const OH = H * sh;
  const OW = W * sw;
  const out = new Float64Array(n * OH * OW * C);
  for (let s = 0; s < n; s++) {
    for (let oh = 0; oh < OH; oh++) {
      for (let ow = 0; ow < OW; ow++) {
        const i = ((s * H + Math.floor(oh / sh)) * W + Math.floor(ow / sw)) * C;
        out.set(x.subarray(i, i + C), ((s * OH + oh) * OW + ow) * C);
      }
    }
  }
  return out;
}
