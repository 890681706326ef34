/**
 * `estimateDesign`: the cost of one design point — per-layer estimates from the registry (memoised per layer knob
 * slice), legality violations with reasons, io_stream FIFO sizing, network totals (longest-path latency,
 * slowest-layer II, quadrature intervals), the share of the part, and the warnings a user needs. Pure.
 */
import { fixed, type FixedType } from '../fixed/precision.js';
import type { DesignPoint, LayerKnobs } from '../ir/design-point.js';
import { designPointOf } from '../ir/design-point.js';
import type { Graph } from '../ir/graph.js';
import { parametersOf } from './calibration/parameters.js';
import { prepareGraph } from './design-context.js';
import { pathLatency, pipelineStyleOf, scaleInterval, shiftInterval, sumIntervals } from './design-totals.js';
import { designWarnings } from './design-warnings.js';
import { lookupDevice, type Device } from './devices.js';
import { sizeFifosMemo } from './fifo/size-fifos.js';
import type { Violation } from './legality/layer-rules.js';
import { layerSlice, pointKey } from './layer-slice.js';
import { resolveAutoPrecisions } from './precision/infer-auto.js';
import { concrete, streamInputWords, type SignatureContext } from './signature-of.js';
import type { LayerSignature } from './signature.js';
import { RESOURCE_TARGETS, type Calibration, type DesignEstimate, type Interval, type LayerEstimate, type ResourceEstimate, type ResourceTarget } from './types.js';

const INF: Interval = Object.freeze({ mean: Number.POSITIVE_INFINITY, lo: Number.POSITIVE_INFINITY, hi: Number.POSITIVE_INFINITY });
const DEFAULT_FALLBACK = fixed(16, 6);

const HAS_AUTO = new WeakMap<LayerKnobs['precisions'], boolean>();
const DEVICES_BY_PART = new Map<string, Device>();

/** {@link lookupDevice}, memoised per part string (a search asks for the same few parts). */
function deviceOf(part: string): Device {
  let d = DEVICES_BY_PART.get(part);
  if (!d) {
    d = lookupDevice(part);
    DEVICES_BY_PART.set(part, d);
  }
  return d;
}

/** True when any knob precision of the point is `auto` (memoised per precision record). */
function anyAuto(point: DesignPoint): boolean {
  for (const name in point.layers) {
    const r = point.layers[name].precisions;
    let a = HAS_AUTO.get(r);
    if (a === undefined) {
      a = false;
      for (const k in r) if (r[k].kind === 'auto') a = true;
      HAS_AUTO.set(r, a);
    }
    if (a) return true;
  }
  return false;
}

/**
 * Estimates a design point of a graph with a calibration; `auto` precisions are first resolved as hls4ml's
 * `infer_precision_types` would. Throws only for an unknown part.
 */
export function estimateDesign(graph: Graph, given: DesignPoint, calibration: Calibration): DesignEstimate {
  const point = anyAuto(given) ? resolveAutoPrecisions(graph, given) : given;
  const prep = prepareGraph(graph);
  const device = deviceOf(point.part);
  const params = parametersOf(calibration);
  const dflt = graph.config.defaultPrecision;
  const fallback: FixedType = dflt.kind === 'fixed' ? dflt : DEFAULT_FALLBACK;
  const ctx: SignatureContext = {
    ioType: point.ioType, device, clockNs: point.clockPeriodNs, tool: prep.tool, fallback,
    bramFactor: point.bramFactor, mulImpl: 'auto', weightStats: prep.weightStats,
    ...(point.ioType === 'io_stream' ? { inputWords: streamInputWords(prep.layers, prep.inputsOf) } : {}),
  };
  const n = prep.layers.length;
  const results: FixedType[] = new Array<FixedType>(n);
  const sigs: LayerSignature[] = new Array<LayerSignature>(n);
  const layers: LayerEstimate[] = new Array<LayerEstimate>(n);
  const violations: Violation[] = [];
  const warnings: string[] = [];
  let own: DesignPoint | undefined;
  let estimated = true;
  const pk = pointKey(point);
  for (let i = 0; i < n; i++) {
    const layer = prep.layers[i];
    let knobs: LayerKnobs | undefined = point.layers[layer.name];
    if (!knobs) knobs = (own ??= designPointOf(graph)).layers[layer.name];
    const result = concrete(knobs.precisions['result'], fallback);
    results[i] = result;
    const ins = prep.inputsOf[i];
    const s = layerSlice(graph, prep, i, knobs, ins.length > 0 ? results[ins[0]] : result, point, pk, ctx, calibration);
    sigs[i] = s.signature;
    layers[i] = s.estimate;
    if (!s.estimated) estimated = false;
    for (const v of s.violations) violations.push(v);
    for (const w of s.estimate.warnings) warnings.push(`${layer.name}: ${w}`);
  }
  const sizing = point.ioType === 'io_stream' && estimated ? sizeFifosMemo(prep, sigs, layers, params, point.fifoDepths) : { fifos: [], warnings: [] };
  const total = {} as Record<ResourceTarget, Interval>;
  const items: Interval[] = new Array<Interval>(n);
  for (const t of RESOURCE_TARGETS) {
    for (let i = 0; i < n; i++) items[i] = layers[i].resources[t];
    let fifo = 0;
    if (t === 'lut' || t === 'bram18') for (const f of sizing.fifos) fifo += t === 'lut' ? f.lut : f.bram18;
    total[t] = estimated ? shiftInterval(sumIntervals(items), fifo) : INF;
  }
  const style = pipelineStyleOf(graph, point);
  let ii = 1;
  const latencies: Interval[] = new Array<Interval>(n);
  for (let i = 0; i < n; i++) {
    latencies[i] = layers[i].latencyCycles;
    if (prep.counts[i] && layers[i].iiCycles > ii) ii = layers[i].iiCycles;
  }
  const latency = estimated
    ? shiftInterval(pathLatency(prep.inputsOf, prep.outputs, latencies, prep.counts, style === 'dataflow' ? params.dataflowHopCycles : 0), style === 'pipeline' ? params.pipelineTopCycles : 0)
    : INF;
  const share = {} as Record<ResourceTarget, number>;
  for (const t of RESOURCE_TARGETS) share[t] = device[t] > 0 ? total[t].mean / device[t] : total[t].mean > 0 ? Number.POSITIVE_INFINITY : 0;
  for (const w of sizing.warnings) warnings.push(w);
  for (const w of designWarnings(sigs, total as ResourceEstimate, device)) warnings.push(w);
  return {
    layers,
    total,
    latencyCycles: latency,
    latencyNs: scaleInterval(latency, point.clockPeriodNs),
    iiCycles: ii,
    violations,
    warnings,
    calibrationId: calibration.id,
    device: device.name,
    share,
    clockPeriodNs: point.clockPeriodNs,
    pipelineStyle: style,
    fifos: sizing.fifos,
    feasible: estimated && violations.length === 0,
  };
}
