/**
 * A token-level simulation of an io_stream dataflow: every process reads its input pixels in order (no faster
 * than its read rate, not before they arrive), writes each output pixel `depth` cycles after the input pixel it
 * needs, and starts its next frame after finishing the previous one. With FIFO depths given, a write also waits
 * for a free slot (the read of the token `depth` places earlier); the schedule is iterated to a fixed point, and a
 * schedule that keeps growing is a deadlock.
 */
import { needIndices, type StreamProcess } from './process.js';

/** A stream between two processes: `producer`'s output read by `consumer`. */
export interface StreamEdge {
  readonly producer: number;
  readonly consumer: number;
}

/** Read and write times of every process, frames concatenated. */
export interface Schedule {
  readonly reads: readonly Float64Array[];
  readonly writes: readonly Float64Array[];
  /** Time of the last write of the last frame. */
  readonly finish: number;
  /** True when bounded FIFOs made the schedule diverge (a deadlock). */
  readonly deadlock: boolean;
}

/** The internal streams of a process list (edges from the top-level input are not FIFOs of the design). */
export function streamEdges(processes: readonly StreamProcess[]): StreamEdge[] {
  const out: StreamEdge[] = [];
  processes.forEach((p, q) => {
    for (const producer of p.inputs) if (producer >= 0) out.push({ producer, consumer: q });
  });
  return out;
}

function inTokensOf(processes: readonly StreamProcess[], q: number): number {
  const p = processes[q];
  let n = 0;
  for (const i of p.inputs) n = Math.max(n, i >= 0 ? processes[i].outTokens : p.inTokens);
  return Math.max(1, n);
}

/** One pass over all processes in order; `depths` (per edge) and `prev` enable back-pressure. */
function pass(processes: readonly StreamProcess[], frames: number, edges: readonly StreamEdge[], depths: ArrayLike<number> | undefined, prev: Schedule | undefined, needs: readonly Int32Array[], frameInterval: number): Schedule {
  const reads: Float64Array[] = [];
  const writes: Float64Array[] = [];
  let finish = 0;
  for (let q = 0; q < processes.length; q++) {
    const p = processes[q];
    const nIn = inTokensOf(processes, q);
    const need = needs[q];
    const r = new Float64Array(frames * nIn);
    const w = new Float64Array(frames * p.outTokens);
    const limits: { reads: Float64Array; depth: number }[] = [];
    if (depths && prev) edges.forEach((e, k) => e.producer === q && limits.push({ reads: prev.reads[e.consumer], depth: depths[k] }));
    let lastR = Number.NEGATIVE_INFINITY;
    let lastW = -1;
    for (let f = 0; f < frames; f++) {
      const start = lastW + 1;
      let j = 0;
      for (let i = 0; i < nIn; i++) {
        let t = start > lastR + p.readCycles ? start : lastR + p.readCycles;
        if (lastW - p.depth + 1 > t) t = lastW - p.depth + 1;
        for (const src of p.inputs) {
          const a = src >= 0 ? writes[src][f * processes[src].outTokens + Math.min(i, processes[src].outTokens - 1)] + 1 : f * frameInterval;
          if (a > t) t = a;
        }
        r[f * nIn + i] = t;
        lastR = t;
        while (j < p.outTokens && need[j] <= i) {
          let tw = r[f * nIn + need[j]] + p.depth;
          if (lastW + 1 > tw) tw = lastW + 1;
          const k = f * p.outTokens + j;
          for (const lim of limits) if (k - lim.depth >= 0 && lim.reads[k - lim.depth] + 1 > tw) tw = lim.reads[k - lim.depth] + 1;
          w[k] = tw;
          lastW = tw;
          j++;
        }
      }
    }
    if (lastW > finish) finish = lastW;
    reads.push(r);
    writes.push(w);
  }
  return { reads, writes, finish, deadlock: false };
}

/**
 * Simulates `frames` frames, the top-level input delivering frame f from cycle `f·frameInterval` (the network's
 * II, so a fast producer does not run ahead of the whole pipeline); unbounded FIFOs when `depths` is undefined.
 */
export function simulate(processes: readonly StreamProcess[], frames: number, depths?: ArrayLike<number>, frameInterval = 0): Schedule {
  const edges = streamEdges(processes);
  const needs = processes.map((p, q) => needIndices(p, inTokensOf(processes, q)));
  let s = pass(processes, frames, edges, undefined, undefined, needs, frameInterval);
  if (!depths) return s;
  const bound = (s.finish + 1) * 20 + 1000;
  for (let it = 0; it < 4 * processes.length + 50; it++) {
    const next = pass(processes, frames, edges, depths, s, needs, frameInterval);
    let same = true;
    for (let q = 0; q < processes.length && same; q++) {
      const a = next.writes[q];
      const b = s.writes[q];
      for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) { same = false; break; }
    }
    s = next;
    if (same) return s;
    if (s.finish > bound) break;
  }
  return { ...s, deadlock: true };
}

/** Most tokens an edge holds at once in a schedule (the written token included). */
export function maxOccupancy(s: Schedule, e: StreamEdge): number {
  const w = s.writes[e.producer];
  const r = s.reads[e.consumer];
  const n = Math.min(w.length, r.length);
  let done = 0;
  let best = 0;
  for (let k = 0; k < n; k++) {
    while (done < n && r[done] < w[k]) done++;
    const occ = k + 1 - done;
    if (occ > best) best = occ;
  }
  return best;
}
