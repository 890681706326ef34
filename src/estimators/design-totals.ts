/**
 * Network totals from per-layer figures: resources add up, independent per-layer errors combine in quadrature,
 * latency follows the longest path through the graph plus a top-level overhead, and II is the slowest layer.
 * @see /work/shared/docs/hls4ml.md §1.6 (PipelineStyle `auto`), §2.11 (dataflow vs pipeline)
 */
import type { DesignPoint } from '../ir/design-point.js';
import type { Graph } from '../ir/graph.js';
import { CONV_KINDS } from '../ir/layer-kinds.js';
import type { Interval } from './types.js';

/** Sums intervals: means add, deviations below and above the mean add in quadrature (independent errors). */
export function sumIntervals(items: readonly Interval[]): Interval {
  let mean = 0;
  let lo2 = 0;
  let hi2 = 0;
  for (const iv of items) {
    mean += iv.mean;
    const dl = iv.mean - iv.lo;
    const dh = iv.hi - iv.mean;
    lo2 += dl * dl;
    hi2 += dh * dh;
  }
  const lo = mean - Math.sqrt(lo2);
  return { mean, lo: lo > 0 ? lo : 0, hi: mean + Math.sqrt(hi2) };
}

/** Adds a constant to an interval. */
export function shiftInterval(iv: Interval, by: number): Interval {
  return { mean: iv.mean + by, lo: iv.lo + by, hi: iv.hi + by };
}

/** Scales an interval. */
export function scaleInterval(iv: Interval, by: number): Interval {
  return { mean: iv.mean * by, lo: iv.lo * by, hi: iv.hi * by };
}

/**
 * The top-level schedule hls4ml picks (`auto`: io_stream, a partitioned io_parallel conv or any Resource layer →
 * dataflow; otherwise one pipeline, with II = max RF for Resource_Unrolled), or the graph's explicit PipelineStyle.
 * @see hls4ml/backends/vivado/passes/pipeline_style.py
 */
export function pipelineStyleOf(graph: Graph, point: DesignPoint): 'pipeline' | 'dataflow' {
  const style = graph.config.pipelineStyle;
  if (style !== 'auto') return style;
  if (point.ioType === 'io_stream') return 'dataflow';
  for (const l of graph.layers) {
    const k = point.layers[l.name];
    if (!k) continue;
    if (CONV_KINDS.has(l.kind) && l.window && l.window.outHeight * l.window.outWidth !== k.parallelizationFactor) return 'dataflow';
    if (k.strategy === 'resource' && (l.facts.weights > 0)) return 'dataflow';
  }
  return 'pipeline';
}

/** Reused by `pathLatency` (single-threaded; grown on demand) so a design point allocates no typed arrays. */
let pathScratch = new Float64Array(96);

/**
 * Latency of the longest path from any input to any output: each layer starts when its last input is done;
 * `hopCycles` are added per non-free layer on the path (handshakes, FIFO hops).
 */
export function pathLatency(
  inputsOf: readonly (readonly number[])[],
  outputs: readonly number[],
  latency: readonly Interval[],
  counts: readonly boolean[],
  hopCycles: number,
): Interval {
  const n = latency.length;
  if (pathScratch.length < 3 * n) pathScratch = new Float64Array(6 * n);
  // One scratch buffer, three rows: path mean, and the squared lower / upper spreads (offsets 0, n, 2n).
  const buf = pathScratch;
  for (let i = 0; i < n; i++) {
    let best = -1;
    for (const j of inputsOf[i]) if (best < 0 || buf[j] > buf[best]) best = j;
    const iv = latency[i];
    const dl = iv.mean - iv.lo;
    const dh = iv.hi - iv.mean;
    buf[i] = (best >= 0 ? buf[best] : 0) + iv.mean + (counts[i] ? hopCycles : 0);
    buf[n + i] = (best >= 0 ? buf[n + best] : 0) + dl * dl;
    buf[2 * n + i] = (best >= 0 ? buf[2 * n + best] : 0) + dh * dh;
  }
  let end = -1;
  if (outputs.length === 0) end = n - 1;
  for (const o of outputs) if (end < 0 || buf[o] > buf[end]) end = o;
  if (end < 0) return { mean: 0, lo: 0, hi: 0 };
  const lo = buf[end] - Math.sqrt(buf[n + end]);
  return { mean: buf[end], lo: lo > 0 ? lo : 0, hi: buf[end] + Math.sqrt(buf[2 * n + end]) };
}
