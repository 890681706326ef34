/**
 * One layer under one knob slice (its own knobs, input type, io type, part, clock, BramFactor): legality, signature
 * and estimate, memoised per graph × calibration × slice, since a design-space search revisits the same few slices
 * of every layer millions of times. Memoisation is invisible: the result is a pure function of the key.
 */
import type { FixedType } from '../fixed/precision.js';
import type { DesignPoint, LayerKnobs } from '../ir/design-point.js';
import type { Graph } from '../ir/graph.js';
import type { PreparedGraph } from './design-context.js';
import { neededAccumInteger } from './design-warnings.js';
import { checkLayerKnobs, type Violation } from './legality/layer-rules.js';
import { findEstimator } from './registry.js';
import { signatureOf, type SignatureContext } from './signature-of.js';
import type { LayerSignature } from './signature.js';
import type { Calibration, Interval, LayerEstimate } from './types.js';

/** Everything estimateDesign needs about one layer in one slice. */
export interface LayerSlice {
  readonly signature: LayerSignature;
  /** Undefined when no estimator covers the signature. */
  readonly estimate: LayerEstimate;
  readonly estimated: boolean;
  readonly violations: readonly Violation[];
}

const INF: Interval = Object.freeze({ mean: Number.POSITIVE_INFINITY, lo: Number.POSITIVE_INFINITY, hi: Number.POSITIVE_INFINITY });
const MAX_ENTRIES = 4096;

const TYPE_KEYS = new WeakMap<FixedType, string>();
const PRECISION_KEYS = new WeakMap<LayerKnobs['precisions'], string>();

/** A short key of a fixed type (memoised per type object: types are frozen and shared). */
function typeKey(t: FixedType): string {
  let k = TYPE_KEYS.get(t);
  if (k === undefined) {
    k = `${t.width},${t.integer},${t.signed ? 's' : 'u'}${t.rounding === 'TRN' ? '' : t.rounding}${t.overflow === 'WRAP' ? '' : t.overflow}`;
    TYPE_KEYS.set(t, k);
  }
  return k;
}

/** A key of a layer's precision record (memoised per record object). */
function precisionsKey(r: LayerKnobs['precisions']): string {
  let k = PRECISION_KEYS.get(r);
  if (k === undefined) {
    k = '';
    for (const name in r) {
      const v = r[name];
      k += `${name}=${v.kind === 'auto' ? 'auto' : typeKey(v)};`;
    }
    PRECISION_KEYS.set(r, k);
  }
  return k;
}

/** The point-wide part of a slice key (io type, part, clock, BramFactor). */
export function pointKey(point: DesignPoint): string {
  return `${point.ioType}|${point.part}|${point.clockPeriodNs}|${point.bramFactor}`;
}

const STRATEGY_INDEX: Readonly<Record<LayerKnobs['strategy'], number>> = { latency: 0, resource: 1, resource_unrolled: 2, distributed_arithmetic: 3 };

/** The numeric part of a slice key: strategy, conv implementation and ParallelizationFactor. */
function knobNumber(k: LayerKnobs): number {
  return (k.parallelizationFactor * 4 + STRATEGY_INDEX[k.strategy]) * 2 + (k.convImplementation === 'Encoded' ? 1 : 0);
}

function unknownLayer(name: string, kind: LayerEstimate['kind'], sig: LayerSignature): LayerEstimate {
  const r = { lut: INF, ff: INF, dsp: INF, bram18: INF, uram: INF };
  return { layer: name, kind, estimator: 'none', resources: r, latencyCycles: INF, iiCycles: Number.POSITIVE_INFINITY, features: {}, warnings: [`no estimator for (${sig.label}, ${sig.strategy}, ${sig.ioType})`] };
}

const WEIGHTED = new Set(['dense', 'conv1d', 'conv2d', 'pointwise', 'depthwise', 'separable', 'rnn']);

function compute(graph: Graph, prep: PreparedGraph, i: number, knobs: LayerKnobs, input: FixedType, point: DesignPoint, ctx: SignatureContext, cal: Calibration): LayerSlice {
  const layer = prep.layers[i];
  const violations = checkLayerKnobs(layer, knobs, point.ioType, graph.config.backend);
  const signature = signatureOf(layer, knobs, ctx, input);
  const est = findEstimator(signature);
  if (!est) {
    violations.push({ layer: layer.name, code: 'unsupported', message: `no estimator for (${layer.kind}, ${signature.strategy}, ${signature.ioType})` });
    return { signature, estimate: unknownLayer(layer.name, layer.kind, signature), estimated: false, violations };
  }
  const e = est.estimateSignature(signature, cal);
  const warnings = [...e.warnings];
  if (WEIGHTED.has(signature.family) && signature.strategy !== 'distributed_arithmetic') {
    const need = neededAccumInteger(signature);
    if (signature.accumInteger < need) {
      warnings.push(`accum_t has ${signature.accumInteger} integer bits but sums of ${signature.nIn} products can need ${need} (overflow possible; hls4ml issue #324)`);
    }
  }
  return { signature, estimate: { layer: layer.name, kind: layer.kind, ...e, warnings }, estimated: true, violations };
}

/**
 * Per-layer memo: slices by `point key | input type | precisions | table size`, then reuse factor, then
 * {@link knobNumber}; plus the last slice looked up (a search changes few layers from one point to the next).
 */
interface LayerMemo {
  readonly slices: Map<string, Map<number, Map<number, LayerSlice>>>;
  size: number;
  lastKnobs?: LayerKnobs;
  lastInput?: FixedType;
  lastPk?: string;
  lastSlice?: LayerSlice;
}

const MEMO = new WeakMap<PreparedGraph, WeakMap<Calibration, LayerMemo[]>>();

function memoOf(prep: PreparedGraph, cal: Calibration): LayerMemo[] {
  let byCal = MEMO.get(prep);
  if (!byCal) {
    byCal = new WeakMap();
    MEMO.set(prep, byCal);
  }
  let memos = byCal.get(cal);
  if (!memos) {
    memos = prep.layers.map(() => ({ slices: new Map(), size: 0 }));
    byCal.set(cal, memos);
  }
  return memos;
}

/** The slice of layer `i` (memoised per prepared graph and calibration; `pk` is {@link pointKey} of the point). */
export function layerSlice(graph: Graph, prep: PreparedGraph, i: number, knobs: LayerKnobs, input: FixedType, point: DesignPoint, pk: string, ctx: SignatureContext, cal: Calibration): LayerSlice {
  const m = memoOf(prep, cal)[i];
  if (m.lastKnobs === knobs && m.lastInput === input && m.lastPk === pk && m.lastSlice) return m.lastSlice;
  const key = `${pk}|${typeKey(input)}|${knobs.tableSize}|${precisionsKey(knobs.precisions)}`;
  let byRf = m.slices.get(key);
  if (!byRf) {
    if (m.size >= MAX_ENTRIES) {
      m.slices.clear();
      m.size = 0;
    }
    byRf = new Map();
    m.slices.set(key, byRf);
  }
  let byKnob = byRf.get(knobs.reuseFactor);
  if (!byKnob) {
    byKnob = new Map();
    byRf.set(knobs.reuseFactor, byKnob);
  }
  const kn = knobNumber(knobs);
  let s = byKnob.get(kn);
  if (!s) {
    s = compute(graph, prep, i, knobs, input, point, ctx, cal);
    byKnob.set(kn, s);
    m.size++;
  }
  m.lastKnobs = knobs;
  m.lastInput = input;
  m.lastPk = pk;
  m.lastSlice = s;
  return s;
}
