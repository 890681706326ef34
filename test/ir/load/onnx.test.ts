import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';
import type { onnx } from 'onnx-proto';
import { afterAll, describe, expect, it } from 'vitest';
import { formatPrecision } from '../../../src/fixed/precision.js';
import { buildGraph } from '../../../src/ir/build-graph.js';
import { graphTotals, type Graph } from '../../../src/ir/graph.js';
import type { Layer } from '../../../src/ir/layer.js';
import type { LayerSpec } from '../../../src/ir/layer-spec.js';
import { irAxes, resolveReshape, sameOrder } from '../../../src/ir/load/onnx-layout.js';
import { mergeQuantActivations } from '../../../src/ir/load/onnx-quant-merge.js';
import { intRange, quantizeValues, quantPrecision } from '../../../src/ir/load/onnx-quant.js';
import { readWindow } from '../../../src/ir/load/onnx-window.js';
import { layerBaseName, onnxLoader } from '../../../src/ir/load/onnx.js';
import { HlsdseError } from '../../../src/util/errors.js';
import { HAVE_SHARED, REPO_ROOT, sharedModel } from '../../helpers/shared.js';

const fixture = (name: string) => join(REPO_ROOT, 'test', 'fixtures', 'onnx', name);
const tmp = mkdtempSync(join(tmpdir(), 'hlsdse-onnx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function load(file: string): Promise<Graph> {
  const { model, files } = await onnxLoader.load(file, {});
  return buildGraph(model, { format: 'onnx', file, sourceFiles: files });
}

function layer(g: Graph, name: string): Layer {
  const l = g.layers.find((x) => x.name === name);
  if (!l) throw new Error(`no layer ${name} in ${g.layers.map((x) => x.name).join(', ')}`);
  return l;
}

const summary = (g: Graph) => g.layers.map((l) => `${l.name}:${l.kind}:${l.outputShape.join('x')}`);

/** An initializer read straight from the protobuf (float_data or raw little-endian float32), independent of the loader. */
function initializer(file: string, name: string): { dims: number[]; values: Float32Array } {
  const m = onnxProto.onnx.ModelProto.decode(readFileSync(file));
  const t = (m.graph?.initializer ?? []).find((x) => x.name === name);
  if (!t) throw new Error(`no initializer ${name}`);
  const floats = t.floatData ?? [];
  const values = floats.length > 0 ? Float32Array.from(floats) : new Float32Array(Uint8Array.from(t.rawData ?? []).buffer);
  return { dims: (t.dims ?? []).map(Number), values };
}

/** Value of a row-major tensor at a multi-index. */
function at(data: ArrayLike<number>, shape: readonly number[], idx: readonly number[]): number {
  let k = 0;
  for (let i = 0; i < shape.length; i++) k = k * shape[i] + idx[i];
  return data[k];
}

describe.skipIf(!HAVE_SHARED)('ONNX loader on the shared Keras exports', () => {
  it('reads three_layer_keras (KERAS_3layer: 16→64→32→32→5, relu, softmax, 4389 parameters)', async () => {
    const file = sharedModel('onnx/three_layer_keras.onnx');
    const g = await load(file);
    expect(g.name).toBe('three_layer_keras');
    expect(summary(g)).toEqual([
      'input_1_0:Input:16',
      '_class__keras_layers_core_Dense__:Dense:64',
      'Relu:Activation:64',
      '_class__keras_layers_core_Dense__1:Dense:32',
      'Relu1:Activation:32',
      '_class__keras_layers_core_Dense__2:Dense:32',
      'Relu2:Activation:32',
      '_class__keras_layers_core_Dense__3:Dense:5',
      'Softmax:Softmax:5',
    ]);
    expect(g.layers.map((l) => l.facts.params)).toEqual([0, 1088, 0, 2080, 0, 1056, 0, 165, 0]);
    expect(graphTotals(g)).toMatchObject({ params: 4389, macs: 16 * 64 + 64 * 32 + 32 * 32 + 32 * 5 });
    expect(g.outputs).toEqual(['Softmax']);
    expect(g.warnings).toEqual([]);
    // Units and input size agree with the Keras original.
    const keras = JSON.parse(readFileSync(sharedModel('keras/KERAS_3layer.json'), 'utf8')) as {
      config: { layers: { class_name: string; config: { units?: number; batch_input_shape?: number[] } }[] };
    };
    const units = keras.config.layers.filter((l) => l.class_name === 'Dense').map((l) => l.config.units);
    expect(g.layers.filter((l) => l.kind === 'Dense').map((l) => l.attrs.units)).toEqual(units);
    expect(layer(g, 'input_1_0').outputShape).toEqual(keras.config.layers[0].config.batch_input_shape?.slice(1));
    // Weights are the MatMul initializers (already [n_in, n_out]); the Add's constant became the bias.
    const fc1 = layer(g, '_class__keras_layers_core_Dense__');
    const w = initializer(file, 'W');
    expect(w.dims).toEqual([16, 64]);
    expect(fc1.params.weight.shape).toEqual([16, 64]);
    expect(Array.from(fc1.params.weight.data.slice(0, 4))).toEqual(Array.from(w.values.slice(0, 4)));
    expect(fc1.params.weight.data[0]).toBeCloseTo(0.2731347382068634, 7);
    expect(fc1.params.bias.data[0]).toBeCloseTo(-0.6503423452377319, 7);
    expect(layer(g, '_class__keras_layers_core_Dense__3').params.weight.data[2]).toBeCloseTo(1.3301900625228882, 6);
    expect(layer(g, 'Relu').activation).toEqual({ fn: 'relu' });
    expect(layer(g, 'Softmax').activation).toEqual({ fn: 'softmax' });
  });

  it('reads two_layer_keras (10→32 relu →1 sigmoid, 385 parameters)', async () => {
    const g = await load(sharedModel('onnx/two_layer_keras.onnx'));
    expect(g.layers.map((l) => l.kind)).toEqual(['Input', 'Dense', 'Activation', 'Dense', 'Activation']);
    expect(graphTotals(g).params).toBe(10 * 32 + 32 + 32 + 1);
    expect(g.layers[4].activation).toEqual({ fn: 'sigmoid' });
  });

  it('folds tf2onnx NHWC↔NCHW Transposes and Identity in conv2d_small_keras', async () => {
    const file = sharedModel('onnx/conv2d_small_keras.onnx');
    const g = await load(file);
    expect(summary(g)).toEqual([
      'conv2d_1_input_0:Input:8x8x1',
      'Conv2D__:Conv2D:8x8x2',
      'Relu:Activation:8x8x2',
      '_class__keras_layers_core_Flatten__:Flatten:128',
      'Gemm_6:Dense:10',
      'Softmax:Softmax:10',
    ]);
    const conv = layer(g, 'Conv2D__');
    expect(conv.attrs).toMatchObject({ kernel: [3, 3], strides: [1, 1], padding: 'same', filters: 2 });
    expect(conv.window).toMatchObject({ padTop: 1, padBottom: 1, padLeft: 1, padRight: 1, padding: 'same' });
    const w = initializer(file, 'W');
    expect(w.dims).toEqual([2, 1, 3, 3]);
    expect(conv.params.weight.shape).toEqual([3, 3, 1, 2]);
    for (let f = 0; f < 2; f++)
      for (let kh = 0; kh < 3; kh++)
        for (let kw = 0; kw < 3; kw++) {
          expect(at(conv.params.weight.data, [3, 3, 1, 2], [kh, kw, 0, f])).toBe(at(w.values, w.dims, [f, 0, kh, kw]));
        }
    expect(conv.params.weight.data[0]).toBeCloseTo(0.111861452460289, 7); // W[0,0,0,0]
    expect(layer(g, 'Gemm_6').params.weight.shape).toEqual([128, 10]);
    expect(graphTotals(g).params).toBe(2 * 9 + 2 + 128 * 10 + 10);
  });
});

describe('ONNX loader on PyTorch-style (channels-first) exports', () => {
  it('converts NCHW convs to channels-last and inserts the Transpose hls4ml puts before Flatten', async () => {
    const file = fixture('pytorch_conv2d.onnx');
    const g = await load(file);
    expect(summary(g)).toEqual([
      'input:Input:8x8x3',
      'conv1_Conv:Conv2D:8x8x4',
      'bn_BatchNormalization:BatchNormalization:8x8x4',
      'relu_Relu:Activation:8x8x4',
      'pool_MaxPool:MaxPooling2D:4x4x4',
      'dw_Conv:DepthwiseConv2D:2x2x8',
      'act_LeakyRelu:Activation:2x2x8',
      'act_LeakyRelu_transpose:Transpose:8x2x2',
      'Flatten:Flatten:32',
      'fc_Gemm:Dense:5',
      'Softmax:Softmax:5',
    ]);
    expect(layer(g, 'act_LeakyRelu_transpose').attrs.perm).toEqual([2, 0, 1]); // [H,W,C] → [C,H,W], ONNX's flatten order
    expect(layer(g, 'act_LeakyRelu').activation).toEqual({ fn: 'leaky_relu', alpha: expect.closeTo(0.1, 6) });
    expect(layer(g, 'pool_MaxPool').attrs).toEqual({ pool: [2, 2], strides: [2, 2], padding: 'valid' });

    const conv = layer(g, 'conv1_Conv');
    const w = initializer(file, 'conv1.weight');
    expect(conv.attrs).toMatchObject({ padding: 'same', filters: 4 });
    for (let f = 0; f < 4; f++)
      for (let c = 0; c < 3; c++)
        for (let kh = 0; kh < 3; kh++)
          for (let kw = 0; kw < 3; kw++) {
            expect(at(conv.params.weight.data, [3, 3, 3, 4], [kh, kw, c, f])).toBe(at(w.values, w.dims, [f, c, kh, kw]));
          }

    const dw = layer(g, 'dw_Conv');
    const dww = initializer(file, 'dw.weight');
    expect(dw.attrs).toMatchObject({ depthMultiplier: 2, padding: 'valid' });
    expect(dw.params.weight.shape).toEqual([3, 3, 4, 2]);
    for (let c = 0; c < 4; c++)
      for (let m = 0; m < 2; m++) {
        expect(at(dw.params.weight.data, [3, 3, 4, 2], [1, 2, c, m])).toBe(at(dww.values, dww.dims, [c * 2 + m, 0, 1, 2]));
      }
    expect(dw.facts).toMatchObject({ params: 8 * 9 + 8, macs: 2 * 2 * 9 * 8 });

    const bn = layer(g, 'bn_BatchNormalization');
    const [gamma, beta, mean, variance] = ['bn.weight', 'bn.bias', 'bn.running_mean', 'bn.running_var'].map((n) => initializer(file, n).values);
    const scale0 = gamma[0] / Math.sqrt(variance[0] + 1e-5);
    expect(bn.params.scale.data[0]).toBeCloseTo(scale0, 5);
    expect(bn.params.bias.data[0]).toBeCloseTo(beta[0] - mean[0] * scale0, 5);
    expect(bn.facts.params).toBe(16);

    const fc = layer(g, 'fc_Gemm');
    const fcw = initializer(file, 'fc.weight'); // PyTorch Linear: [out, in], transB=1
    expect(fc.params.weight.shape).toEqual([32, 5]);
    expect(at(fc.params.weight.data, [32, 5], [7, 3])).toBe(at(fcw.values, fcw.dims, [3, 7]));
    expect(graphTotals(g).params).toBe(4 * 27 + 4 + 16 + 8 * 9 + 8 + 5 * 32 + 5);
  });

  it('reads Conv1D, a bias Add fused into a bias-less Conv, residual Add, Concat, pooling and Dropout', async () => {
    const file = fixture('pytorch_branches.onnx');
    const g = await load(file);
    expect(summary(g)).toEqual([
      'x:Input:16x2',
      'c1:Conv1D:8x4',
      'c2:Conv1D:8x4',
      'residual:Add:8x4',
      'cat:Concatenate:8x8',
      'elu:Activation:8x8',
      'avg:AveragePooling1D:4x8',
      'gap:GlobalAveragePooling1D:8',
      'flat:Flatten:8',
      'fc:Dense:3',
      'tanh:Activation:3',
    ]);
    const c1 = layer(g, 'c1');
    expect(c1.attrs).toMatchObject({ kernel: [3], strides: [2], padding: 'same' }); // auto_pad SAME_UPPER
    expect(Array.from(c1.params.bias.data)).toEqual(Array.from(initializer(file, 'c1.bias_add').values));
    const w = initializer(file, 'c1.weight');
    expect(at(c1.params.weight.data, [3, 2, 4], [2, 1, 3])).toBe(at(w.values, w.dims, [3, 1, 2]));
    expect(layer(g, 'residual').inputs).toEqual(['c1', 'c2']);
    expect(layer(g, 'cat').attrs.axis).toBe(-1);
    expect(layer(g, 'elu').activation).toEqual({ fn: 'elu', alpha: 0.5 });
    expect(layer(g, 'avg').attrs).toMatchObject({ pool: [2], strides: [2] });
    expect(layer(g, 'fc').inputs).toEqual(['flat']);
    expect(Array.from(layer(g, 'fc').params.bias.data)).toEqual(Array.from(initializer(file, 'fc.bias').values));
    expect(graphTotals(g).params).toBe(24 + 4 + 8 + 4 + 24 + 3);
  });

  it('folds Constant shapes, keeps a real Transpose as a layer, transposes a constant weight, maps Sub/Mul', async () => {
    const file = fixture('reshape_transpose.onnx');
    const g = await load(file);
    expect(summary(g)).toEqual([
      'x:Input:12',
      'reshape:Reshape:3x4',
      'swap:Transpose:4x3',
      'proj:Dense:4x2',
      'sig:Activation:4x2',
      'hsig:Activation:4x2',
      'diff:Subtract:4x2',
      'gate:Multiply:4x2',
      'flat:Flatten:8',
      'softmax:Softmax:8',
    ]);
    expect(layer(g, 'reshape').attrs.targetShape).toEqual([3, 4]);
    expect(layer(g, 'swap').attrs.perm).toEqual([1, 0]);
    const wt = initializer(file, 'w_t'); // [2,3], transposed by a node to the [3,2] MatMul operand
    const proj = layer(g, 'proj');
    expect(proj.params.weight.shape).toEqual([3, 2]);
    expect(at(proj.params.weight.data, [3, 2], [2, 1])).toBe(at(wt.values, wt.dims, [1, 2]));
    expect(proj.params.bias).toBeUndefined();
    expect(layer(g, 'gate').inputs).toEqual(['diff', 'proj']);
    expect(layer(g, 'hsig').activation).toEqual({ fn: 'hard_sigmoid' });
  });
});

describe('ONNX loader on QONNX', () => {
  it('quantises weights, records quantizer precisions and merges activation quantizers into their producers', async () => {
    const file = fixture('qonnx_dense.onnx');
    const g = await load(file);
    expect(summary(g)).toEqual([
      'global_in:Input:8',
      'MatMul_0:Dense:6',
      'Relu_0:Activation:6',
      'Gemm_0:Dense:3',
      'MatMul_1:Dense:2',
      'Sigmoid_0:Activation:2',
    ]);
    const q = (l: string) => Object.fromEntries(Object.entries(layer(g, l).quantizers).map(([k, p]) => [k, formatPrecision(p)]));
    expect(q('global_in')).toEqual({ result: 'ap_fixed<8,3,AP_RND_CONV,AP_SAT>' });
    expect(q('MatMul_0')).toEqual({ weight: 'ap_fixed<4,2,AP_RND_CONV,AP_SAT_SYM>', bias: 'ap_fixed<8,4,AP_RND_CONV,AP_SAT>' });
    expect(q('Relu_0')).toEqual({ result: 'ap_ufixed<6,3,AP_RND_CONV,AP_SAT>' });
    expect(q('Gemm_0')).toEqual({ weight: 'ap_fixed<4,2,AP_TRN,AP_SAT>' });
    expect(layer(g, 'MatMul_1').quantizers.weight).toMatchObject({ width: 1, binary: true });
    expect(layer(g, 'MatMul_0').precisions.weight.source).toBe('quantizer');
    expect(g.warnings).toEqual([
      "node 'Quant_4' (op Quant): scale 0.30000001192092896 is not a power of two, recorded as the nearest fixed type ap_fixed<4,2,AP_TRN,AP_SAT>",
    ]);
    // 4-bit narrow signed, scale 1/4: integers −7…7, round half to even.
    const raw = initializer(file, 'W1').values;
    const w1 = layer(g, 'MatMul_0').params.weight.data;
    const expected = Array.from(raw, (x) => {
      const v = Math.min(Math.max(x / 0.25, -7), 7);
      const r = Math.round(v);
      return (Math.abs(v % 1) === 0.5 ? 2 * Math.round(v / 2) : r) * 0.25;
    });
    expect(Array.from(w1)).toEqual(expected);
    expect(Array.from(layer(g, 'MatMul_1').params.weight.data).every((v) => v === 1 || v === -1)).toBe(true);
    // FLOOR with scale 0.3: every weight is k·0.3 for an integer k in −8…7.
    for (const v of layer(g, 'Gemm_0').params.weight.data) {
      const k = Math.round(v / 0.30000001192092896);
      expect(k).toBeGreaterThanOrEqual(-8);
      expect(k).toBeLessThanOrEqual(7);
      expect(v).toBeCloseTo(k * 0.3, 5);
    }
  });
});

describe('QONNX arithmetic and layout helpers', () => {
  const t = (shape: number[], values: number[]) => ({ shape, data: Float64Array.from(values) });
  const params = { scale: t([], [0.5]), zeroPoint: t([], [0]), bitwidth: 3, signed: true, narrow: false, rounding: 'ROUND' };

  it('quantises like qonnx: clip to the integer range, then round half to even', () => {
    expect(intRange(true, true, 4)).toEqual([-7, 7]);
    expect(intRange(false, false, 4)).toEqual([0, 15]);
    expect(Array.from(quantizeValues(t([5], [0.25, 0.75, -3, 10, 1.2]), params))).toEqual([0, 1, -2, 1.5, 1]);
    expect(Array.from(quantizeValues(t([2], [0.25, 0.75]), { ...params, rounding: 'FLOOR' }))).toEqual([0, 0.5]);
  });

  it('derives hls4ml precisions: power-of-two, non-power-of-two, per-channel, 1-bit signed', () => {
    expect(formatPrecision(quantPrecision(params).precision)).toBe('ap_fixed<3,2,AP_RND_CONV,AP_SAT>');
    expect(quantPrecision({ ...params, scale: t([], [1]) }).notes).toEqual([]);
    const odd = quantPrecision({ ...params, scale: t([], [0.2]) });
    expect(formatPrecision(odd.precision)).toBe('ap_fixed<3,1,AP_RND_CONV,AP_SAT>');
    expect(odd.notes[0]).toMatch(/not a power of two/);
    const perChannel = quantPrecision({ ...params, scale: t([2], [0.25, 1]) });
    expect(formatPrecision(perChannel.precision)).toBe('ap_fixed<5,3,AP_RND_CONV,AP_SAT>');
    expect(perChannel.notes[0]).toMatch(/per-channel/);
    expect(quantPrecision({ ...params, bitwidth: 1 }).precision).toMatchObject({ width: 1, binary: true });
  });

  it('tracks layouts, reshapes and windows', () => {
    expect(irAxes(4, 'cf')).toEqual([2, 3, 1]);
    expect(irAxes(4, 'cl')).toEqual([1, 2, 3]);
    expect(irAxes(2, 'cf')).toEqual([1]);
    expect(sameOrder([1, 8, 1, 1], [2, 3, 1], [1, 2, 3])).toBe(true);
    expect(sameOrder([1, 8, 2, 2], [2, 3, 1], [1, 2, 3])).toBe(false);
    expect(resolveReshape([1, 4, 3], [0, -1], false)).toEqual([1, 12]);
    expect(resolveReshape([1, 4, 3], [5, -1], false)).toMatch(/cannot reshape/);
    const attrs = new Map([['auto_pad', { name: 'auto_pad', s: new TextEncoder().encode('SAME_LOWER') }]]);
    expect(readWindow(attrs, [2, 2], [5, 5])).toMatchObject({ padding: [1, 0, 1, 0] });
    expect(layerBaseName('/fc1/Gemm', 'Gemm')).toBe('fc1_Gemm');
    expect(layerBaseName('0.weight', 'Conv')).toBe('conv_0_weight');
  });

  it('keeps a quantizer as its own layer when its producer has another reader', () => {
    const specs: LayerSpec[] = [
      { name: 'in', kind: 'Input', sourceClass: 'Input', inputs: [], attrs: { shape: [4] } },
      { name: 'q', kind: 'Activation', sourceClass: 'Quant', inputs: ['in'], activation: { fn: 'linear' }, quantizers: { result: quantPrecision(params).precision } },
      { name: 'add', kind: 'Add', sourceClass: 'Add', inputs: ['q', 'in'] },
    ];
    expect(mergeQuantActivations(specs, ['add'], ['q']).specs.map((s) => s.name)).toEqual(['in', 'q', 'add']);
    const merged = mergeQuantActivations(specs.slice(0, 2), ['q'], ['q']);
    expect(merged.specs.map((s) => s.name)).toEqual(['in']);
    expect(merged.outputs).toEqual(['in']);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Bad input: models built in memory with onnx-proto.

type Init = { name: string; dims: number[]; values: number[] };

function writeModel(name: string, nodes: onnx.INodeProto[], input: (number | string)[], inits: Init[] = [], output = 'y'): string {
  const bytes = onnxProto.onnx.ModelProto.encode({
    irVersion: 7,
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: 'g',
      node: nodes,
      input: [
        {
          name: 'x',
          type: { tensorType: { elemType: 1, shape: { dim: input.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } } },
        },
      ],
      output: [{ name: output }],
      initializer: inits.map((i) => ({ name: i.name, dims: i.dims, dataType: 1, floatData: i.values })),
    },
  }).finish();
  const file = join(tmp, name);
  writeFileSync(file, bytes);
  return file;
}

async function loadError(file: string): Promise<HlsdseError> {
  const err = await onnxLoader.load(file, {}).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HlsdseError);
  return err as HlsdseError;
}

describe('ONNX loader errors', () => {
  it('rejects a truncated file as corrupt, naming the file', async () => {
    const bytes = readFileSync(fixture('pytorch_conv2d.onnx'));
    const file = join(tmp, 'truncated.onnx');
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const err = await loadError(file);
    expect(err.code).toBe('corrupt-file');
    expect(err.file).toBe(file);
    expect(err.message).toMatch(/^not a valid ONNX model: /);
    expect(err.line).toContain(file);
  });

  it('rejects garbage and empty files', async () => {
    const garbage = join(tmp, 'garbage.onnx');
    writeFileSync(garbage, 'this is not a protobuf at all\n');
    expect((await loadError(garbage)).code).toBe('corrupt-file');
    const empty = join(tmp, 'empty.onnx');
    writeFileSync(empty, '');
    expect((await loadError(empty)).message).toMatch(/empty/);
    expect((await loadError(join(tmp, 'missing.onnx'))).code).toBe('file-not-found');
  });

  it('names the node and op of an unsupported operation', async () => {
    const named = writeModel('erf.onnx', [{ name: 'erf_node', opType: 'Erf', input: ['x'], output: ['y'] }], [1, 4]);
    const err = await loadError(named);
    expect(err.code).toBe('unsupported-layer');
    expect(err.message).toBe("node 'erf_node' (op Erf) is not supported by hlsdse");
    const unnamed = writeModel('erf2.onnx', [
      { opType: 'Relu', input: ['x'], output: ['r'] },
      { opType: 'Erf', input: ['r'], output: ['y'] },
    ], [1, 4]);
    expect((await loadError(unnamed)).message).toBe("node 'Erf_1' (op Erf) is not supported by hlsdse");
  });

  it('explains unsupported uses of supported ops', async () => {
    const w = { name: 'w', dims: [4, 2, 1, 1], values: [1, 2, 3, 4, 5, 6, 7, 8] };
    const group = { name: 'group', type: 2, i: 2 };
    const grouped = writeModel('group.onnx', [{ name: 'g', opType: 'Conv', input: ['x', 'w'], output: ['y'], attribute: [group] }], [1, 4, 3, 3], [w]);
    expect((await loadError(grouped)).message).toMatch(/^node 'g' \(op Conv\) is not supported by hlsdse: grouped convolution/);
    const dot = writeModel('dot.onnx', [
      { name: 'r', opType: 'Relu', input: ['x'], output: ['r'] },
      { name: 'mm', opType: 'MatMul', input: ['x', 'r'], output: ['y'] },
    ], [1, 4]);
    expect((await loadError(dot)).message).toMatch(/'mm' \(op MatMul\).*computed at run time/);
    const addConst = writeModel('addc.onnx', [{ name: 'a', opType: 'Add', input: ['x', 'c'], output: ['y'] }], [1, 4], [
      { name: 'c', dims: [4], values: [1, 2, 3, 4] },
    ]);
    expect((await loadError(addConst)).message).toMatch(/'a' \(op Add\).*constant/);
    const symbolic = writeModel('sym.onnx', [{ name: 'r', opType: 'Relu', input: ['x'], output: ['y'] }], ['N', 'seq']);
    const err = await loadError(symbolic);
    expect(err.code).toBe('unsupported-format');
    expect(err.message).toMatch(/graph input 'x' has shape \[N,seq\]/);
  });

  it('makes duplicate node names unique and accepts a symbolic batch dimension', async () => {
    const file = writeModel('dup.onnx', [
      { name: 'dup', opType: 'Relu', input: ['x'], output: ['a'] },
      { name: 'dup', opType: 'Tanh', input: ['a'], output: ['y'] },
    ], ['batch', 4]);
    const g = await load(file);
    expect(summary(g)).toEqual(['x:Input:4', 'dup:Activation:4', 'dup_1:Activation:4']);
  });
});
