/**
 * Sizes every io_stream FIFO: builds the token processes from the layer signatures and estimates, simulates two
 * back-to-back frames with unbounded FIFOs, and takes each stream's peak occupancy (the depth at which nothing
 * stalls) capped by hls4ml's default depth (the tensor's pixel count, which always holds a whole frame). Depths a
 * design point fixes are kept and checked for deadlock and stalls.
 * @see /work/shared/docs/hls4ml.md §1.7, §3.1 (hls4ml's cosim-based FIFO optimizer this replaces)
 */
import type { PreparedGraph } from '../design-context.js';
import type { Parameters } from '../calibration/parameters.js';
import type { LayerSignature } from '../signature.js';
import type { FifoEstimate, LayerEstimate } from '../types.js';
import { fifoCost } from './cost.js';
import { needRuleOf, type StreamProcess } from './process.js';
import { maxOccupancy, simulate, streamEdges } from './simulate.js';

/** FIFO estimates and the warnings sizing raised. */
export interface FifoSizing {
  readonly fifos: readonly FifoEstimate[];
  readonly warnings: readonly string[];
}

/** The processes of the dataflow (non-wiring layers) and, per layer index, its process index (−1 for wiring). */
export function streamProcesses(prep: PreparedGraph, sigs: readonly LayerSignature[], estimates: readonly LayerEstimate[]): { processes: StreamProcess[]; processOf: Int32Array } {
  const processOf = new Int32Array(sigs.length).fill(-1);
  const source = (i: number): number => {
    let j = i;
    while (sigs[j].family === 'free') {
      const ins = prep.inputsOf[j];
      if (ins.length === 0) return -1;
      j = ins[0];
    }
    return processOf[j];
  };
  const processes: StreamProcess[] = [];
  sigs.forEach((sig, i) => {
    if (sig.family === 'free') return;
    const e = estimates[i];
    const inputs = prep.inputsOf[i].length > 0 ? prep.inputsOf[i].map(source) : [-1];
    const rule = needRuleOf(sig);
    const inTokens = Math.max(1, inputs[0] >= 0 ? processes[inputs[0]].outTokens : sig.inPixels);
    const ii = Math.max(1, e.iiCycles);
    const readCycles = rule === 'frame' ? 1 : Math.max(1, Math.floor(ii / Math.max(inTokens, sig.outPixels, 1)));
    const depth = Math.max(1, Math.round(e.latencyCycles.mean - readCycles * inTokens));
    const w = prep.layers[i].window;
    const padTop = w ? w.padTop : Math.max(0, Math.floor((sig.outHeight - sig.inHeight) / 2));
    const padLeft = w ? w.padLeft : Math.max(0, Math.floor((sig.outWidth - sig.inWidth) / 2));
    processOf[i] = processes.length;
    processes.push({ name: prep.layers[i].name, inputs, inTokens, outTokens: Math.max(1, sig.outPixels), readCycles, depth, rule, geometry: { ...sig, padTop, padLeft } });
  });
  return { processes, processOf };
}

const MEMO = new WeakMap<Parameters, WeakMap<PreparedGraph, Map<string, FifoSizing>>>();

/** What sizing depends on beyond the graph: each process's rates and stream widths, and the given depths. */
function sizingKey(sigs: readonly LayerSignature[], estimates: readonly LayerEstimate[], given: Readonly<Record<string, number>> | 'default' | undefined): string {
  let k = given === undefined ? '' : typeof given === 'string' ? given : JSON.stringify(given);
  for (let i = 0; i < sigs.length; i++) k += `;${estimates[i].iiCycles},${Math.round(estimates[i].latencyCycles.mean)},${sigs[i].resultWidth}`;
  return k;
}

/** {@link sizeFifos}, memoised per parameters × graph × rates (a search revisits the same rates often). */
export function sizeFifosMemo(
  prep: PreparedGraph,
  sigs: readonly LayerSignature[],
  estimates: readonly LayerEstimate[],
  p: Parameters,
  given: Readonly<Record<string, number>> | 'default' | undefined,
): FifoSizing {
  let byGraph = MEMO.get(p);
  if (!byGraph) {
    byGraph = new WeakMap();
    MEMO.set(p, byGraph);
  }
  let map = byGraph.get(prep);
  if (!map) {
    map = new Map();
    byGraph.set(prep, map);
  }
  const key = sizingKey(sigs, estimates, given);
  let s = map.get(key);
  if (!s) {
    s = sizeFifos(prep, sigs, estimates, p, given);
    if (map.size >= 1024) map.clear();
    map.set(key, s);
  }
  return s;
}

/**
 * Sizes the FIFOs of an io_stream design; `given` are depths the design point fixes, by stream name, or
 * `'default'` for hls4ml's default depths everywhere.
 */
export function sizeFifos(
  prep: PreparedGraph,
  sigs: readonly LayerSignature[],
  estimates: readonly LayerEstimate[],
  p: Parameters,
  given: Readonly<Record<string, number>> | 'default' | undefined,
): FifoSizing {
  const { processes, processOf } = streamProcesses(prep, sigs, estimates);
  const edges = streamEdges(processes);
  if (edges.length === 0) return { fifos: [], warnings: [] };
  const layerOf = new Int32Array(processes.length);
  processOf.forEach((q, i) => q >= 0 && (layerOf[q] = i));
  let interval = 1;
  for (const e of estimates) if (e.iiCycles > interval && Number.isFinite(e.iiCycles)) interval = e.iiCycles;
  const free = simulate(processes, 2, undefined, interval);
  const fanout = new Map<number, number>();
  const fifos: FifoEstimate[] = edges.map((e) => {
    const copy = fanout.get(e.producer) ?? 0;
    fanout.set(e.producer, copy + 1);
    const src = sigs[layerOf[e.producer]];
    const name = prep.layers[layerOf[e.producer]].name;
    const multi = edges.filter((x) => x.producer === e.producer).length > 1;
    const stream = multi ? `${name}_out_cpy${copy + 1}` : `${name}_out`;
    const widthBits = Math.max(1, src.channels) * src.resultWidth;
    const defaultDepth = Math.max(1, src.outPixels);
    const sizedDepth = Math.min(defaultDepth, Math.max(1, maxOccupancy(free, e)));
    const depth = given === 'default' ? defaultDepth : (given?.[stream] ?? given?.[name] ?? sizedDepth);
    const c = fifoCost(widthBits, depth, p);
    const d = fifoCost(widthBits, defaultDepth, p);
    return { stream, producer: name, consumer: processes[e.consumer].name, widthBits, depth, sizedDepth, defaultDepth, bram18: c.bram18, lut: c.lut, defaultBram18: d.bram18, defaultLut: d.lut };
  });
  const warnings: string[] = [];
  if (given && given !== 'default' && fifos.some((f) => f.depth < f.sizedDepth)) {
    const bounded = simulate(processes, 2, fifos.map((f) => f.depth), interval);
    if (bounded.deadlock) warnings.push(`the given FIFO depths deadlock the dataflow (e.g. ${fifos.filter((f) => f.depth < f.sizedDepth).map((f) => `${f.stream}: ${f.depth} < ${f.sizedDepth}`).slice(0, 3).join(', ')})`);
    else if (bounded.finish > free.finish) warnings.push(`the given FIFO depths stall the dataflow: ${bounded.finish} instead of ${free.finish} cycles for two frames`);
  }
  return { fifos, warnings };
}
