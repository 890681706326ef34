/**
 * Turns a loader's {@link LoadedModel} into a {@link Graph}: orders layers topologically, infers shapes,
 * computes facts, applies the hls4ml configuration and hashes the result. Pure: no I/O.
 */
import { fixed, formatPrecision, type Precision } from '../fixed/precision.js';
import { fail, HlsdseError } from '../util/errors.js';
import { StableHasher } from '../util/stable-hash.js';
import type { HlsConfigSpec } from './formats/hls4ml-config.js';
import type { Graph, GraphConfig, ModelFormat } from './graph.js';
import { inferShape } from './infer-shape.js';
import type { Layer, PrecisionSlot } from './layer.js';
import { expectedParamShapes, paramMismatch } from './check-params.js';
import { computeFacts } from './layer-facts.js';
import type { LayerSpec, LoadedModel } from './layer-spec.js';
import { EMPTY_HLS_CONFIG, resolveLayerSettings } from './resolve-config.js';
import type { Shape } from './tensor.js';

/** hls4ml's defaults for the model-wide settings (Vivado backend). */
export const DEFAULT_GRAPH_CONFIG: GraphConfig = Object.freeze({
  ioType: 'io_parallel',
  part: 'xcvu13p-flga2577-2-e',
  clockPeriodNs: 5,
  backend: 'Vivado',
  projectName: 'myproject',
  defaultPrecision: fixed(16, 6),
  bramFactor: Number.POSITIVE_INFINITY,
  pipelineStyle: 'auto',
});

/** Options of {@link buildGraph}. */
export interface BuildOptions {
  readonly format: ModelFormat;
  /** The file errors are attributed to (the model file, or the YAML config that named it). */
  readonly file: string;
  readonly sourceFiles: readonly string[];
  readonly hls?: HlsConfigSpec;
  /** The hls4ml config file the `hls` section came from, for errors about it. */
  readonly configFile?: string;
  /** The file the parameters came from when it is not `file` (Keras JSON + H5), for mismatch errors. */
  readonly paramsFile?: string;
  readonly config?: Partial<GraphConfig>;
  /** Name of the graph (default: the model's own name); loaders pass the model file's stem. */
  readonly name?: string;
}

/** Orders specs so every layer comes after its inputs (stable: file order among ready layers). */
function topoSort(specs: readonly LayerSpec[], file: string): LayerSpec[] {
  const byName = new Map<string, LayerSpec>();
  for (const s of specs) {
    if (byName.has(s.name)) fail('corrupt-file', file, `two layers are named '${s.name}'`);
    byName.set(s.name, s);
  }
  for (const s of specs) {
    for (const i of s.inputs) {
      if (!byName.has(i)) fail('corrupt-file', file, `layer '${s.name}' reads from '${i}', which is not a layer of the model`);
    }
  }
  const done = new Set<string>();
  const out: LayerSpec[] = [];
  while (out.length < specs.length) {
    const ready = specs.find((s) => !done.has(s.name) && s.inputs.every((i) => done.has(i)));
    if (!ready) fail('corrupt-file', file, 'the layer graph has a cycle');
    done.add(ready.name);
    out.push(ready);
  }
  return out;
}

/** Builds the typed graph from loaded specs and an optional hls4ml configuration. */
export function buildGraph(model: LoadedModel, opts: BuildOptions): Graph {
  const hls = opts.hls ?? EMPTY_HLS_CONFIG;
  const modelDefault: Precision = hls.model.precisionDefault ?? opts.config?.defaultPrecision ?? DEFAULT_GRAPH_CONFIG.defaultPrecision;
  const cfgFile = opts.configFile ?? opts.file;
  const maximum = hls.model.precisionVars.maximum;
  const config: GraphConfig = {
    ...DEFAULT_GRAPH_CONFIG,
    ...opts.config,
    defaultPrecision: modelDefault,
    ...(maximum ? { maximumPrecision: maximum } : {}),
    ...(hls.model.bramFactor !== undefined ? { bramFactor: hls.model.bramFactor } : {}),
    ...(hls.model.pipelineStyle !== undefined ? { pipelineStyle: hls.model.pipelineStyle } : {}),
  };
  const names = new Set(model.specs.map((s) => s.name));
  for (const name of Object.keys(hls.layerName)) {
    if (!names.has(name) && ![...names].some((n) => n.toLowerCase() === name.toLowerCase())) {
      fail('bad-config', cfgFile, `HLSConfig.LayerName.${name}: the model has no layer named '${name}'`);
    }
  }
  const shapes = new Map<string, Shape>();
  const results = new Map<string, PrecisionSlot>();
  const layers: Layer[] = [];
  for (const spec of topoSort(model.specs, opts.file)) {
    const inputShapes = spec.inputs.map((i) => shapes.get(i) as Shape);
    let inferred;
    try {
      inferred = inferShape(spec, inputShapes);
    } catch (e) {
      if (e instanceof HlsdseError) throw e;
      fail('corrupt-file', opts.file, `layer '${spec.name}' (${spec.sourceClass}): ${(e as Error).message}`);
    }
    const params = spec.params ?? {};
    const depthMultiplier = typeof spec.attrs?.depthMultiplier === 'number' ? spec.attrs.depthMultiplier : 1;
    const mismatch = paramMismatch(params, expectedParamShapes(spec.kind, inputShapes[0], inferred.outputShape, inferred.window, depthMultiplier));
    if (mismatch) {
      fail('model-mismatch', opts.paramsFile ?? opts.file, `layer '${spec.name}': ${mismatch} (architecture and weights do not match)`);
    }
    const facts = computeFacts({
      kind: spec.kind,
      inputShape: inputShapes[0],
      outputShape: inferred.outputShape,
      params,
      window: inferred.window,
      recurrent: inferred.recurrent,
      fileParamCount: spec.fileParamCount,
      depthMultiplier,
    });
    const settings = resolveLayerSettings(
      hls,
      {
        name: spec.name,
        kind: spec.kind,
        sourceClass: spec.sourceClass,
        activationFn: spec.activation?.fn,
        quantizers: spec.quantizers ?? {},
        overrides: spec.configOverrides ?? {},
        upstreamResult: results.get(spec.inputs[0]),
      },
      modelDefault,
    );
    const { kind, name, sourceClass, inputs } = spec;
    const layer: Layer = {
      name,
      kind,
      sourceClass,
      inputs: [...inputs],
      inputShapes,
      outputShape: inferred.outputShape,
      params,
      ...(spec.activation ? { activation: spec.activation } : {}),
      ...(inferred.window ? { window: inferred.window } : {}),
      ...(inferred.recurrent ? { recurrent: inferred.recurrent } : {}),
      attrs: spec.attrs ?? {},
      quantizers: spec.quantizers ?? {},
      precisions: settings.precisions,
      config: settings.config,
      facts,
      ...(spec.hgq ? { hgq: spec.hgq } : {}),
    };
    shapes.set(name, inferred.outputShape);
    results.set(name, settings.precisions.result);
    layers.push(layer);
  }
  const consumed = new Set(layers.flatMap((l) => l.inputs));
  const outputs = model.outputs ?? layers.filter((l) => !consumed.has(l.name)).map((l) => l.name);
  const inputs = layers.filter((l) => l.kind === 'Input').map((l) => l.name);
  const body = { name: opts.name ?? model.name, format: opts.format, layers, inputs, outputs, config };
  return { ...body, sourceFiles: [...opts.sourceFiles], warnings: [...(model.warnings ?? [])], hash: hashGraph(body) };
}

function hashGraph(g: { layers: readonly Layer[]; inputs: readonly string[]; outputs: readonly string[]; config: GraphConfig }): string {
  const h = new StableHasher();
  h.json({ inputs: g.inputs, outputs: g.outputs, config: { ...g.config, defaultPrecision: formatPrecision(g.config.defaultPrecision) } });
  for (const l of g.layers) {
    const { params, hgq, facts: _facts, ...rest } = l;
    h.json(rest);
    for (const key of Object.keys(params).sort()) {
      h.json([key, params[key].shape]);
      h.bytes(params[key].data);
    }
    if (hgq) h.json(hgq);
  }
  return h.digest();
}
