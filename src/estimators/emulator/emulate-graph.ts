/**
 * The bit-accurate emulator's entry: runs a batch through the graph layer by layer as the hls4ml io_parallel firmware
 * computes it at a design point (inputs cast to the input layer's type, every layer reading its producers' values in
 * their result types), counting overflows per layer and variable. `auto` precisions are resolved first.
 */
import type { DesignPoint } from '../../ir/design-point.js';
import type { Graph } from '../../ir/graph.js';
import { GLOBAL_POOL_KINDS, MERGE_KINDS, POOL_KINDS, RNN_KINDS } from '../../ir/layer-kinds.js';
import { sizeOf } from '../../ir/tensor.js';
import { fail } from '../../util/errors.js';
import { hasAutoPrecision, resolveAutoPrecisions } from '../precision/infer-auto.js';
import { emulateActivation } from './activations.js';
import { emulateBatchNorm } from './batchnorm.js';
import { castDoubles } from './cast-values.js';
import { emulateConv, emulateDepthwise, emulateSeparable } from './conv.js';
import { emulateDense } from './dense.js';
import { typeOf, type LayerEnv } from './layer-env.js';
import { emulateConcatenate, emulateMerge, type MergeOp } from './merge.js';
import { OverflowTally } from './overflow.js';
import { emulatePooling } from './pooling.js';
import { emulateQuantizer } from './quantizer.js';
import { emulateReshape } from './reshape.js';
import { emulateSoftmax } from './softmax.js';
import type { Batch, EmulationOptions, EmulationResult } from './types.js';
import type { Values } from './values.js';

function isBatch(x: Batch | Record<string, Batch>): x is Batch {
  return (x as Batch).data instanceof Float64Array && typeof (x as Batch).count === 'number';
}

function layerStep(env: LayerEnv, ins: readonly Values[]): Values {
  const k = env.layer.kind;
  const x = ins[0];
  if (k === 'Dense') return emulateDense(env, x);
  if (k === 'Conv1D' || k === 'Conv2D') return emulateConv(env, x);
  if (k === 'DepthwiseConv1D' || k === 'DepthwiseConv2D') return emulateDepthwise(env, x);
  if (k === 'SeparableConv1D' || k === 'SeparableConv2D') return emulateSeparable(env, x);
  if (POOL_KINDS.has(k)) return emulatePooling(env, x, k.startsWith('Max') ? 'max' : 'average', false);
  if (GLOBAL_POOL_KINDS.has(k)) return emulatePooling(env, x, k.startsWith('GlobalMax') ? 'max' : 'average', true);
  if (k === 'BatchNormalization') return emulateBatchNorm(env, x);
  if (k === 'Softmax' || (k === 'Activation' && env.layer.activation?.fn === 'softmax')) return emulateSoftmax(env, x);
  if (k === 'Activation') return emulateActivation(env, x);
  if (MERGE_KINDS.has(k)) return emulateMerge(env, ins, k.toLowerCase() as MergeOp);
  if (k === 'Concatenate') return emulateConcatenate(env, ins);
  if (k === 'Quantizer') return emulateQuantizer(env, x);
  if (RNN_KINDS.has(k)) fail('unsupported-layer', undefined, `layer '${env.layer.name}': ${k} is not emulated`);
  return emulateReshape(env, x);
}

/**
 * Emulates a batch at a design point. `inputs` is one batch (single-input graphs) or batches by input layer name.
 * Throws `bad-precision` for unusable types and `unsupported-layer` for kinds the emulator does not model (RNNs).
 */
export function emulateGraph(
  graph: Graph,
  point: DesignPoint,
  inputs: Batch | Record<string, Batch>,
  options: EmulationOptions = {},
): EmulationResult {
  const resolved = hasAutoPrecision(point) ? resolveAutoPrecisions(graph, point) : point;
  let byName: Record<string, Batch>;
  if (isBatch(inputs)) {
    if (graph.inputs.length !== 1) fail('model-mismatch', undefined, `the graph has ${graph.inputs.length} inputs; pass batches by input name`);
    byName = { [graph.inputs[0]]: inputs };
  } else byName = inputs;
  const tally = new OverflowTally();
  const values = new Map<string, Values>();
  const lastUse = new Map<string, number>();
  graph.layers.forEach((l, i) => l.inputs.forEach((n) => lastUse.set(n, i)));
  const keep = options.keepLayerOutputs === true;
  const layerOutputs: Record<string, Batch> = {};
  let count: number | undefined;
  graph.layers.forEach((layer, li) => {
    const knobs = resolved.layers[layer.name];
    if (!knobs) fail('model-mismatch', undefined, `the design point has no layer '${layer.name}'`);
    const env: LayerEnv = { graph, point: resolved, layer, knobs, tally };
    let out: Values;
    if (layer.kind === 'Input') {
      const b = byName[layer.name];
      if (!b) fail('model-mismatch', undefined, `no input batch for '${layer.name}'`);
      const size = sizeOf(layer.outputShape);
      if (b.size !== size || b.data.length !== b.count * b.size) {
        fail('model-mismatch', undefined, `input '${layer.name}' needs ${size} values per sample, got a batch of ${b.count}×${b.size} (${b.data.length} values)`);
      }
      if (count !== undefined && b.count !== count) fail('model-mismatch', undefined, 'input batches differ in sample count');
      count = b.count;
      out = castDoubles(Float64Array.from(b.data), b.count, size, typeOf(env, 'result'), { tally, layer: layer.name, variable: 'result' });
    } else {
      const ins = layer.inputs.map((n) => {
        const v = values.get(n);
        if (!v) fail('internal', undefined, `layer '${layer.name}' reads '${n}' before it is computed`);
        return v;
      });
      out = layerStep(env, ins);
    }
    values.set(layer.name, out);
    if (keep) layerOutputs[layer.name] = { count: out.count, size: out.size, data: out.data };
    for (const n of layer.inputs) if (lastUse.get(n) === li && !graph.outputs.includes(n)) values.delete(n);
  });
  const outputs: Record<string, Batch> = {};
  for (const name of graph.outputs) {
    const v = values.get(name);
    if (!v) fail('internal', undefined, `output '${name}' was not computed`);
    outputs[name] = { count: v.count, size: v.size, data: v.data };
  }
  return { outputs, ...(keep ? { layerOutputs } : {}), overflows: tally.list() };
}
