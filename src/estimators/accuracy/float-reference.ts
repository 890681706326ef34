/**
 * The float reference: the IR rebuilt as a TensorFlow.js op graph (weights made into tensors once, layers as
 * tfjs ops in topological order) and run on a batch, keeping every layer's output. TensorFlow.js computes in
 * float32 with Keras' semantics, independently of {@link floatForward}, which cross-checks it.
 * `@tensorflow/tfjs-node` is used when it is installed, else the pure-JS `@tensorflow/tfjs` CPU backend; neither
 * prints anything (its Node.js banner is silenced, so `--json` output stays clean).
 */
import type * as TfNs from '@tensorflow/tfjs';
import type { Graph } from '../../ir/graph.js';
import type { Layer, WindowGeometry } from '../../ir/layer.js';
import { GLOBAL_POOL_KINDS, MERGE_KINDS, POOL_KINDS } from '../../ir/layer-kinds.js';
import { sizeOf } from '../../ir/tensor.js';
import { fail } from '../../util/errors.js';
import type { Batch } from '../emulator/types.js';
import { makeBatch } from './data-formats.js';
import { assertFloatSupported, floatForward, inputBatches, type FloatRun, type GraphInputs } from './float-forward.js';

/** The TensorFlow.js namespace. */
export type Tf = typeof TfNs;
type T = TfNs.Tensor;

/** Which engine computes the float reference: TensorFlow.js (float32) or the plain Float64 pass. */
export type FloatEngine = 'tfjs' | 'float64';

let tfLoading: Promise<Tf> | undefined;

/** Loads TensorFlow.js once (tfjs-node if installed, else the CPU backend) with its console output silenced. */
export function loadTf(): Promise<Tf> {
  tfLoading ??= (async () => {
    const saved = { log: console.log, warn: console.warn, info: console.info };
    console.log = console.warn = console.info = () => undefined;
    try {
      let tf: Tf;
      try {
        const nodeBinding = '@tensorflow/tfjs-node';
        tf = unwrap((await import(nodeBinding)) as Tf);
      } catch {
        tf = unwrap(await import('@tensorflow/tfjs'));
        await tf.setBackend('cpu');
      }
      tf.enableProdMode();
      await tf.ready();
      return tf;
    } finally {
      Object.assign(console, saved);
    }
  })();
  return tfLoading;
}

function unwrap(m: Tf): Tf {
  const d = (m as unknown as { default?: Tf }).default;
  return typeof m.tensor === 'function' ? m : (d as Tf);
}

/** A graph built as tfjs ops, ready to run batches. */
export interface TfModel {
  /** Runs a batch (in chunks of 512 samples), returning graph outputs and every layer's output. */
  run(inputs: GraphInputs): FloatRun;
  /** Frees the weight tensors. */
  dispose(): void;
}

type LayerOp = (ins: readonly T[], n: number) => T;

/** What building a layer's op needs: parameter tensors (owned by the model) and the file for errors. */
interface BuildContext {
  /** Registers a tensor that lives as long as the model. */
  own<X extends T>(t: X): X;
  /** A layer parameter as a tensor, optionally reshaped. */
  param(l: Layer, name: string, shape?: number[]): T;
  readonly file: string | undefined;
}

/** Builds a graph as TensorFlow.js ops; a layer that has no tfjs form is an `unsupported-layer` error naming it. */
export function buildTfModel(tf: Tf, graph: Graph): TfModel {
  assertFloatSupported(graph);
  const owned: T[] = [];
  const ctx: BuildContext = {
    own: (t) => {
      owned.push(t);
      return t;
    },
    param: (l, name, shape) => ctx.own(tf.tensor(l.params[name].data, shape ?? [...l.params[name].shape], 'float32')),
    file: graph.sourceFiles[0],
  };
  const ops = new Map<string, LayerOp>();
  for (const l of graph.layers) {
    if (l.kind !== 'Input') ops.set(l.name, layerOp(tf, l, ctx));
  }
  return {
    run(inputs) {
      const feed = inputBatches(graph, inputs);
      const count = feed[graph.inputs[0]].count;
      const data: Record<string, Float64Array> = {};
      for (const l of graph.layers) data[l.name] = new Float64Array(count * sizeOf(l.outputShape));
      const CHUNK = 512;
      for (let s0 = 0; s0 < count; s0 += CHUNK) {
        const n = Math.min(CHUNK, count - s0);
        tf.tidy(() => {
          const values = new Map<string, T>();
          for (const l of graph.layers) {
            const size = sizeOf(l.outputShape);
            let out: T;
            if (l.kind === 'Input') {
              out = tf.tensor(Float32Array.from(feed[l.name].data.subarray(s0 * size, (s0 + n) * size)), [n, ...l.outputShape], 'float32');
            } else {
              out = (ops.get(l.name) as LayerOp)(l.inputs.map((i) => values.get(i) as T), n);
            }
            values.set(l.name, out);
            data[l.name].set(out.dataSync(), s0 * size);
          }
        });
      }
      const layerOutputs: Record<string, Batch> = {};
      for (const l of graph.layers) layerOutputs[l.name] = makeBatch(count, sizeOf(l.outputShape), data[l.name]);
      const outputs: Record<string, Batch> = {};
      for (const o of graph.outputs) outputs[o] = layerOutputs[o];
      return { outputs, layerOutputs };
    },
    dispose() {
      for (const t of owned) t.dispose();
      owned.length = 0;
    },
  };
}

/** The input as NHWC (1D layers get a height of 1). */
function as4d(tf: Tf, x: T, g: WindowGeometry, n: number): TfNs.Tensor4D {
  return tf.reshape(x, [n, g.inHeight, g.inWidth, g.nChan]);
}

/** tfjs padding for a window: `same`/`valid` as such, explicit pads applied to the input first. */
function padded(tf: Tf, x: TfNs.Tensor4D, g: WindowGeometry, value = 0): [TfNs.Tensor4D, 'same' | 'valid'] {
  if (g.padding !== 'explicit') return [x, g.padding];
  return [tf.pad(x, [[0, 0], [g.padTop, g.padBottom], [g.padLeft, g.padRight], [0, 0]], value), 'valid'];
}

function layerOp(tf: Tf, l: Layer, ctx: BuildContext): LayerOp {
  const { param, file } = ctx;
  const k = l.kind;
  const outShape = (n: number) => [n, ...l.outputShape];
  const g = l.window as WindowGeometry;
  const strides: [number, number] = g ? [g.strideHeight, g.strideWidth] : [1, 1];
  const dilations: [number, number] = g ? [g.dilationHeight, g.dilationWidth] : [1, 1];
  if (g && (g.strideHeight > 1 || g.strideWidth > 1) && (g.dilationHeight > 1 || g.dilationWidth > 1)) {
    fail('unsupported-layer', file, `layer '${l.name}' (${k}): TensorFlow.js cannot combine strides and dilation`);
  }
  const kernel2d = (name: string) => {
    const s = l.params[name].shape;
    return param(l, name, s.length === 3 ? [1, ...s] : [...s]);
  };
  switch (k) {
    case 'Dense': {
      const [nIn, nOut] = l.params.weight.shape;
      const w = param(l, 'weight');
      const b = l.params.bias ? param(l, 'bias') : undefined;
      return ([x], n) => {
        const y = tf.matMul(tf.reshape(x, [-1, nIn]) as TfNs.Tensor2D, w as TfNs.Tensor2D);
        return tf.reshape(b ? tf.add(y, b) : y, outShape(n));
      };
    }
    case 'Conv1D':
    case 'Conv2D':
    case 'DepthwiseConv1D':
    case 'DepthwiseConv2D': {
      const w = kernel2d('weight') as TfNs.Tensor4D;
      const b = l.params.bias ? param(l, 'bias') : undefined;
      const depth = k.startsWith('Depthwise');
      return ([x], n) => {
        const [xi, pad] = padded(tf, as4d(tf, x, g, n), g);
        const y = depth ? tf.depthwiseConv2d(xi, w, strides, pad, 'NHWC', dilations) : tf.conv2d(xi, w, strides, pad, 'NHWC', dilations);
        return tf.reshape(b ? tf.add(y, b) : y, outShape(n));
      };
    }
    case 'SeparableConv1D':
    case 'SeparableConv2D': {
      const dw = kernel2d('depthwise') as TfNs.Tensor4D;
      const ps = l.params.pointwise.shape;
      const pw = param(l, 'pointwise', [1, 1, ps[ps.length - 2], ps[ps.length - 1]]) as TfNs.Tensor4D;
      const b = l.params.bias ? param(l, 'bias') : undefined;
      return ([x], n) => {
        const [xi, pad] = padded(tf, as4d(tf, x, g, n), g);
        const y = tf.separableConv2d(xi, dw, pw, strides, pad, dilations, 'NHWC');
        return tf.reshape(b ? tf.add(y, b) : y, outShape(n));
      };
    }
    case 'BatchNormalization': {
      const scale = param(l, 'scale');
      const bias = param(l, 'bias');
      return ([x]) => tf.add(tf.mul(x, scale), bias);
    }
    case 'Activation':
    case 'Softmax':
      return activationOp(tf, l, ctx);
    case 'Concatenate': {
      const rank = l.inputShapes[0].length;
      const axis = Number(l.attrs.axis ?? -1);
      const a = axis < 0 ? rank + axis : axis - 1;
      return (ins) => tf.concat([...ins], a + 1);
    }
    case 'Flatten':
    case 'Reshape':
      return ([x], n) => tf.reshape(x, outShape(n));
    case 'Quantizer':
      return ([x]) => tf.clone(x);
    case 'Transpose': {
      const perm = l.attrs.perm as readonly number[];
      return ([x]) => tf.transpose(x, [0, ...perm.map((p) => p + 1)]);
    }
    case 'ZeroPadding1D':
    case 'ZeroPadding2D': {
      const [t, b, left, r] = l.attrs.pads as readonly number[];
      return ([x]) => tf.pad(x, k === 'ZeroPadding2D' ? [[0, 0], [t, b], [left, r], [0, 0]] : [[0, 0], [left, r], [0, 0]]);
    }
    case 'UpSampling1D':
    case 'UpSampling2D': {
      const size = l.attrs.size as readonly number[];
      const s = l.inputShapes[0];
      const rows = (len: number, f: number) => tf.tensor1d(Array.from({ length: len * f }, (_, i) => Math.floor(i / f)), 'int32');
      const idx = (k === 'UpSampling2D' ? [rows(s[0], size[0]), rows(s[1], size[1])] : [rows(s[0], size[0])]).map((t) => ctx.own(t));
      return ([x]) => idx.reduce((y, ix, axis) => tf.gather(y, ix, axis + 1), x);
    }
    default:
      break;
  }
  if (MERGE_KINDS.has(k)) {
    return (ins, n) => {
      const xs = ins.map((x) => tf.reshape(x, outShape(n)));
      if (k === 'Add') return tf.addN(xs);
      if (k === 'Average') return tf.div(tf.addN(xs), xs.length);
      const f = k === 'Subtract' ? tf.sub : k === 'Multiply' ? tf.mul : k === 'Maximum' ? tf.maximum : tf.minimum;
      return xs.slice(1).reduce((acc, y) => f(acc, y), xs[0]);
    };
  }
  if (POOL_KINDS.has(k)) {
    const size: [number, number] = [g.filtHeight, g.filtWidth];
    if (k.startsWith('Max')) {
      return ([x], n) => {
        const [xi, pad] = padded(tf, as4d(tf, x, g, n), g, Number.NEGATIVE_INFINITY);
        return tf.reshape(tf.maxPool(xi, size, strides, pad), outShape(n));
      };
    }
    return ([x], n) => {
      const x4 = as4d(tf, x, g, n);
      if (g.padding !== 'explicit') return tf.reshape(tf.avgPool(x4, size, strides, g.padding), outShape(n));
      // Explicit pads: average over the valid pixels only, as for SAME (sum of zero-padded input / valid count).
      const [xi] = padded(tf, x4, g);
      const [ones] = padded(tf, tf.onesLike(x4), g);
      return tf.reshape(tf.div(tf.avgPool(xi, size, strides, 'valid'), tf.avgPool(ones, size, strides, 'valid')), outShape(n));
    };
  }
  if (GLOBAL_POOL_KINDS.has(k)) {
    const rank = l.inputShapes[0].length;
    const axes = Array.from({ length: rank - 1 }, (_, i) => i + 1);
    return ([x]) => (k.startsWith('GlobalMax') ? tf.max(x, axes) : tf.mean(x, axes));
  }
  fail('unsupported-layer', file, `layer '${l.name}' (${k}) has no TensorFlow.js form`);
}

function activationOp(tf: Tf, l: Layer, ctx: BuildContext): LayerOp {
  const spec = l.activation ?? { fn: l.kind === 'Softmax' ? 'softmax' : 'linear' };
  const where = (c: T, a: T | number, b: T | number, like: T) =>
    tf.where(c as TfNs.Tensor, typeof a === 'number' ? tf.fill(like.shape, a) : a, typeof b === 'number' ? tf.fill(like.shape, b) : b);
  switch (spec.fn) {
    case 'linear': return ([x]) => tf.clone(x);
    case 'relu': return spec.maxValue !== undefined ? ([x]) => tf.clipByValue(x, 0, spec.maxValue as number) : ([x]) => tf.relu(x);
    case 'relu6': return ([x]) => tf.clipByValue(x, 0, spec.maxValue ?? 6);
    case 'leaky_relu': return ([x]) => where(tf.greaterEqual(x, 0), x, tf.mul(x, spec.alpha ?? 0.3), x);
    case 'thresholded_relu': return ([x]) => where(tf.greater(x, spec.theta ?? 1), x, 0, x);
    case 'prelu': {
      const alpha = l.params.alpha ? ctx.param(l, 'alpha') : ctx.own(tf.scalar(spec.alpha ?? 0));
      return ([x]) => where(tf.greaterEqual(x, 0), x, tf.mul(x, alpha), x);
    }
    case 'elu': return ([x]) => where(tf.greater(x, 0), x, tf.mul(tf.expm1(x), spec.alpha ?? 1), x);
    case 'selu': return ([x]) => tf.selu(x);
    case 'sigmoid': return ([x]) => tf.sigmoid(x);
    case 'hard_sigmoid': return ([x]) => tf.clipByValue(tf.add(tf.mul(x, 0.2), 0.5), 0, 1);
    case 'tanh': return ([x]) => tf.tanh(x);
    case 'hard_tanh': return ([x]) => tf.clipByValue(x, -1, 1);
    case 'softmax': return ([x]) => tf.softmax(x);
    case 'softplus': return ([x]) => tf.softplus(x);
    case 'softsign': return ([x]) => tf.div(x, tf.add(tf.abs(x), 1));
    case 'swish': return ([x]) => tf.mul(x, tf.sigmoid(x));
    case 'gelu': return ([x]) => tf.mul(tf.mul(x, 0.5), tf.add(tf.erf(tf.div(x, Math.SQRT2)), 1));
    case 'exponential': return ([x]) => tf.exp(x);
    case 'binary_tanh': return ([x]) => where(tf.greater(x, 0), 1, -1, x);
    case 'ternary_tanh': return ([x]) => where(tf.greater(x, 1), 1, where(tf.lessEqual(x, -1), -1, 0, x), x);
  }
}

/** Runs the float reference on a batch with the chosen engine (`tfjs` by default); every layer's output is kept. */
export async function floatReference(graph: Graph, inputs: GraphInputs, options: { readonly engine?: FloatEngine } = {}): Promise<FloatRun> {
  if (options.engine === 'float64') return floatForward(graph, inputs);
  const tf = await loadTf();
  const model = buildTfModel(tf, graph);
  try {
    return model.run(inputs);
  } finally {
    model.dispose();
  }
}
