/** A JSON-ready description of a graph (everything but the weight values), as `hlsdse inspect --json` prints it. */
import { formatPrecision } from '../fixed/precision.js';
import { graphTotals, type Graph, type GraphTotals } from './graph.js';
import type { Layer, LayerConfig, LayerFacts, PrecisionSource, WindowGeometry } from './layer.js';
import type { Shape } from './tensor.js';

/** One layer as described to users. */
export interface LayerDescription {
  readonly name: string;
  readonly kind: string;
  readonly sourceClass: string;
  readonly inputs: readonly string[];
  readonly inputShapes: readonly Shape[];
  readonly outputShape: Shape;
  readonly activation?: string;
  readonly facts: LayerFacts;
  readonly precisions: Readonly<Record<string, { readonly type: string; readonly source: PrecisionSource }>>;
  readonly config: Omit<LayerConfig, 'extra'> & { readonly extra?: Readonly<Record<string, unknown>> };
  readonly window?: WindowGeometry;
  readonly params: Readonly<Record<string, Shape>>;
}

/** A whole graph as described to users. */
export interface GraphDescription {
  readonly name: string;
  readonly format: string;
  readonly sourceFiles: readonly string[];
  readonly hash: string;
  readonly config: Readonly<Record<string, unknown>>;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly layers: readonly LayerDescription[];
  readonly totals: GraphTotals;
  readonly warnings: readonly string[];
}

function describeLayer(l: Layer): LayerDescription {
  const { extra, ...config } = l.config;
  return {
    name: l.name,
    kind: l.kind,
    sourceClass: l.sourceClass,
    inputs: l.inputs,
    inputShapes: l.inputShapes,
    outputShape: l.outputShape,
    ...(l.activation ? { activation: l.activation.fn } : {}),
    facts: l.facts,
    precisions: Object.fromEntries(Object.entries(l.precisions).map(([k, v]) => [k, { type: formatPrecision(v.precision), source: v.source }])),
    config: Object.keys(extra).length > 0 ? { ...config, extra } : config,
    ...(l.window ? { window: l.window } : {}),
    params: Object.fromEntries(Object.entries(l.params).map(([k, t]) => [k, t.shape])),
  };
}

/** Describes a graph for printing or JSON output. */
export function describeGraph(g: Graph): GraphDescription {
  const { defaultPrecision, maximumPrecision, ...rest } = g.config;
  return {
    name: g.name,
    format: g.format,
    sourceFiles: g.sourceFiles,
    hash: g.hash,
    config: {
      ...rest,
      defaultPrecision: formatPrecision(defaultPrecision),
      ...(maximumPrecision ? { maximumPrecision: formatPrecision(maximumPrecision) } : {}),
    },
    inputs: g.inputs,
    outputs: g.outputs,
    layers: g.layers.map(describeLayer),
    totals: graphTotals(g),
    warnings: g.warnings,
  };
}
