/**
 * Emulator throughput: 1,000 seeded samples per run on the bundled examples — KERAS_3layer at ap_fixed<16,6>
 * (target ≤ 50 ms per run on one core), the Conv1D example, a per-layer mixed-precision point, an `auto` point and
 * the HGQ model. Prints the first (cold: JIT and table/plan building) run, then the median/p90 of 30 runs after 10
 * warm-up runs, the median CPU time of a run (less sensitive to a busy machine) and samples/s at the median. Run: `npx tsx benchmarks/emulate.ts`.
 */
import { join } from 'node:path';
import { emulateGraph } from '../src/estimators/emulator/emulate-graph.js';
import { AUTO, fixed, type Precision } from '../src/fixed/precision.js';
import { designPointOf, withLayerKnobs, type DesignPoint, type LayerKnobs } from '../src/ir/design-point.js';
import type { Graph } from '../src/ir/graph.js';
import { loadGraph } from '../src/ir/load/load-graph.js';
import { sizeOf } from '../src/ir/tensor.js';

const dir = join(import.meta.dirname, '..', 'examples', 'models');
const SAMPLES = 1000;
const REPEATS = 30;
const WARMUP = 10;

function inputs(g: Graph): { count: number; size: number; data: Float64Array } {
  const size = sizeOf(g.layers.find((l) => l.kind === 'Input')!.outputShape);
  let s = 12345;
  const data = new Float64Array(size * SAMPLES);
  for (let i = 0; i < data.length; i++) {
    s = (s * 16807) % 2147483647;
    data[i] = (s / 2147483647 - 0.5) * 4;
  }
  return { count: SAMPLES, size, data };
}

function withAll(g: Graph, keys: readonly string[], p: (layer: string, key: string) => Precision | undefined): DesignPoint {
  const changes: Record<string, Partial<LayerKnobs>> = {};
  for (const l of g.layers) {
    const precisions: Record<string, Precision> = {};
    for (const k of keys) {
      const v = l.precisions[k] ? p(l.name, k) : undefined;
      if (v) precisions[k] = v;
    }
    changes[l.name] = { precisions };
  }
  return withLayerKnobs(designPointOf(g), changes);
}

async function bench(label: string, file: string, point: (g: Graph) => DesignPoint): Promise<void> {
  const g = await loadGraph(join(dir, file));
  const p = point(g);
  const batch = inputs(g);
  const t0 = performance.now();
  emulateGraph(g, p, batch);
  const cold = performance.now() - t0;
  for (let i = 0; i < WARMUP; i++) emulateGraph(g, p, batch);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    emulateGraph(g, p, batch);
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const median = times[Math.floor(REPEATS / 2)];
  const p90 = times[Math.floor(REPEATS * 0.9)];
  const cpuMedian = cpu[Math.floor(REPEATS / 2)];
  const rate = (SAMPLES / median) * 1000;
  console.log(
    `${label.padEnd(40)} ${cold.toFixed(1).padStart(8)} ${median.toFixed(2).padStart(10)} ${p90.toFixed(2).padStart(8)} ${cpuMedian.toFixed(2).padStart(8)} ${Math.round(rate).toLocaleString('en-US').padStart(11)}`,
  );
}

console.log(
  `${'case (1,000 samples)'.padEnd(40)} ${'cold ms'.padStart(8)} ${'median ms'.padStart(10)} ${'p90 ms'.padStart(8)} ${'cpu ms'.padStart(8)} ${'samples/s'.padStart(11)}`,
);
const f16 = fixed(16, 6);
await bench('KERAS_3layer ap_fixed<16,6>', 'keras/KERAS_3layer.json', (g) => withAll(g, ['result', 'weight', 'bias', 'accum'], () => f16));
await bench('KERAS_conv1d_small ap_fixed<16,6>', 'keras/KERAS_conv1d_small.json', (g) => designPointOf(g));
await bench('KERAS_3layer per-layer mixed', 'keras/KERAS_3layer.json', (g) =>
  withAll(g, ['result', 'weight', 'bias', 'accum'], (layer, key) => {
    const i = g.layers.findIndex((l) => l.name === layer);
    if (key === 'weight') return fixed(4 + (i % 5), 1, { rounding: 'RND_CONV', overflow: 'SAT' });
    if (key === 'accum') return fixed(18 + i, 8, { overflow: i % 2 ? 'SAT' : 'WRAP' });
    if (key === 'result') return fixed(8 + (i % 4) * 2, 4, { rounding: 'RND', overflow: 'SAT' });
    return fixed(10, 3);
  }),
);
await bench('KERAS_3layer auto accum/result', 'keras/KERAS_3layer.json', (g) =>
  withAll(g, ['accum', 'result'], (layer) => (g.layers.find((l) => l.name === layer)!.kind === 'Dense' ? AUTO : undefined)),
);
await bench('KERAS_3layer_batch_norm ap_fixed<16,6>', 'keras/KERAS_3layer_batch_norm.json', (g) => designPointOf(g));
await bench('hgq_jet_classifier (own point)', 'keras/hgq_jet_classifier.h5', (g) => designPointOf(g));
