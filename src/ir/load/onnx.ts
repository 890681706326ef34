/**
 * The ONNX loader (PyTorch and Keras exports, QONNX): translates the graph node by node into {@link LayerSpec}s in
 * hls4ml's conventions — channels-last shapes without the batch dimension, Keras-layout weights, one Input spec
 * per graph input. Layout changes are tracked per tensor (see `onnx-layout.ts`): tf2onnx's NHWC↔NCHW Transposes
 * fold away, and a Flatten/Reshape after a channels-first conv gets an explicit Transpose as hls4ml inserts one.
 * The model is named after the file (exporters' graph names are often generated ids).
 */
import { basename, extname } from 'node:path';
import type { onnx } from 'onnx-proto';
import { fail } from '../../util/errors.js';
import type { LoadedModel } from '../layer-spec.js';
import type { LoaderResult, ModelLoader } from './loader.js';
import { constantNode, foldShapeOfConstant } from './onnx-const.js';
import { Conversion, type OnnxNode, type OpHandler } from './onnx-context.js';
import { attrMap, decodeModel, decodeTensor, toNumber, valueShape } from './onnx-decode.js';
import { irShapeOf, type Layout } from './onnx-layout.js';
import { ACTIVATION_OPS, activation, softmax } from './onnx-ops-act.js';
import { conv, globalPool, pool } from './onnx-ops-conv.js';
import { batchNorm, gemm, matMul } from './onnx-ops-dense.js';
import { bipolarQuant, quant } from './onnx-ops-quant.js';
import { concat, flatten, merge, passThrough, reshape, transposeOp } from './onnx-ops-shape.js';
import { mergeQuantActivations } from './onnx-quant-merge.js';
import { readModelFile } from './read-file.js';

/** A handler that first folds the op when its input is a constant (a reshaped or transposed weight). */
function orFoldConstant(handler: OpHandler): OpHandler {
  return (cx, node) => {
    if (!foldShapeOfConstant(cx, node)) handler(cx, node);
  };
}

/** Every ONNX op type the loader translates. */
const HANDLERS: Readonly<Record<string, OpHandler>> = {
  Constant: constantNode,
  Identity: passThrough,
  Dropout: passThrough,
  Gemm: gemm,
  MatMul: matMul,
  Conv: conv,
  BatchNormalization: batchNorm,
  MaxPool: pool,
  AveragePool: pool,
  GlobalAveragePool: globalPool,
  GlobalMaxPool: globalPool,
  Flatten: orFoldConstant(flatten),
  Reshape: orFoldConstant(reshape),
  Transpose: orFoldConstant(transposeOp),
  Concat: concat,
  Add: merge,
  Sub: merge,
  Mul: merge,
  Softmax: softmax,
  Quant: quant,
  BipolarQuant: bipolarQuant,
  ...Object.fromEntries(ACTIVATION_OPS.map((op) => [op, activation])),
};

/** The ONNX op types hlsdse reads. */
export const SUPPORTED_ONNX_OPS: readonly string[] = Object.keys(HANDLERS).sort();

/** Ops that read their input channels-first, so a rank ≥ 3 graph input they read is taken as NCHW / NCW. */
const CHANNELS_FIRST_OPS: ReadonlySet<string> = new Set(['Conv', 'MaxPool', 'AveragePool', 'GlobalAveragePool', 'GlobalMaxPool', 'BatchNormalization']);

/** A layer name C++ accepts, from an ONNX name (`/fc1/Gemm` → `fc1_Gemm`); empty when nothing is left. */
export function layerBaseName(raw: string, op: string): string {
  const clean = raw.replace(/^[^A-Za-z0-9_]+/, '').replace(/[^A-Za-z0-9_]+/g, '_');
  return /^[0-9]/.test(clean) ? `${op.toLowerCase()}_${clean}` : clean;
}

function normalizeNode(n: onnx.INodeProto, index: number): OnnxNode {
  const op = n.opType ?? '';
  const label = n.name || `${op}_${index}`;
  return {
    label,
    base: layerBaseName(n.name ?? '', op) || `${op}_${index}`,
    op,
    inputs: n.input ?? [],
    outputs: n.output ?? [],
    attrs: attrMap(n),
  };
}

function countReaders(graph: onnx.IGraphProto): Map<string, number> {
  const readers = new Map<string, number>();
  const names = [...(graph.node ?? []).flatMap((n) => n.input ?? []), ...(graph.output ?? []).map((o) => o.name ?? '')];
  for (const name of names) if (name) readers.set(name, (readers.get(name) ?? 0) + 1);
  return readers;
}

function defaultOpset(model: onnx.IModelProto): number {
  const entry = (model.opsetImport ?? []).find((o) => !o.domain || o.domain === 'ai.onnx');
  return entry ? toNumber(entry.version) : 13;
}

function inputLayout(name: string, rank: number, nodes: readonly OnnxNode[]): Layout {
  const convFed = nodes.some((n) => n.inputs[0] === name && CHANNELS_FIRST_OPS.has(n.op));
  return rank > 2 && convFed ? 'cf' : 'cl';
}

function addInputs(cx: Conversion, graph: onnx.IGraphProto, nodes: readonly OnnxNode[]): void {
  const initializers = new Set((graph.initializer ?? []).map((t) => t.name ?? ''));
  for (const vi of graph.input ?? []) {
    const name = vi.name ?? '';
    if (initializers.has(name)) continue;
    const dims = valueShape(vi);
    if (!dims) fail('unsupported-format', cx.file, `graph input '${name}' has no tensor shape`);
    const rest = dims.slice(1);
    const unknown = rest.find((d) => typeof d !== 'number' || d < 1);
    if (rest.length === 0 || unknown !== undefined) {
      fail('unsupported-format', cx.file, `graph input '${name}' has shape [${dims.join(',')}]; hlsdse needs a batch axis and fixed sizes after it`);
    }
    const onnxShape = [1, ...(rest as number[])];
    const layout = inputLayout(name, onnxShape.length, nodes);
    const layer = cx.uniqueName(layerBaseName(name, 'input') || 'input');
    const spec = { name: layer, kind: 'Input', sourceClass: 'Input', inputs: [], attrs: { shape: irShapeOf(onnxShape, layout) } } as const;
    cx.bind(name, cx.emit(spec, layout, onnxShape));
  }
}

function graphOutputs(cx: Conversion, graph: onnx.IGraphProto): string[] {
  const layers = (graph.output ?? []).map((o) => {
    const name = o.name ?? '';
    const a = cx.lookup(name);
    if (!a) fail('unsupported-format', cx.file, `graph output '${name}' is ${cx.constant(name) ? 'a constant' : 'produced by no node'}`);
    return a.layer;
  });
  return [...new Set(layers)];
}

/** Translates a decoded ONNX model into the IR's loaded form; `file` names the model in errors and its name. */
export function convertOnnx(model: onnx.IModelProto, file: string): LoadedModel {
  const graph = model.graph ?? fail('corrupt-file', file, 'not a valid ONNX model: it has no graph');
  const cx = new Conversion(file, defaultOpset(model), countReaders(graph));
  for (const t of graph.initializer ?? []) cx.setConst(t.name ?? '', decodeTensor(t, file));
  const nodes = (graph.node ?? []).map(normalizeNode);
  addInputs(cx, graph, nodes);
  for (const node of nodes) {
    const handler = HANDLERS[node.op];
    if (!handler) cx.unsupported(node);
    handler(cx, node);
  }
  const merged = mergeQuantActivations(cx.specs, graphOutputs(cx, graph), cx.quantActs);
  return { name: basename(file, extname(file)), specs: merged.specs, outputs: merged.outputs, warnings: cx.warnings };
}

async function load(file: string): Promise<LoaderResult> {
  const buf = await readModelFile(file);
  return { model: convertOnnx(decodeModel(buf, file), file), files: [file] };
}

/** The ONNX model loader (`.onnx`). */
export const onnxLoader: ModelLoader = { format: 'onnx', extensions: ['.onnx'], load };
