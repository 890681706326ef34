/**
 * Load time per bundled example model: cold (first load in this process) and warm (median of repeated
 * loads). Target: KERAS_3layer well under 50 ms warm. Run: `npx tsx benchmarks/load.ts`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadGraph } from '../src/ir/load/load-graph.js';
import { loaderRegistry } from '../src/ir/load/registry.js';

const dir = join(import.meta.dirname, '..', 'examples', 'models');
const exts = loaderRegistry.flatMap((l) => l.extensions);
const files = ['keras', 'onnx']
  .flatMap((sub) => readdirSync(join(dir, sub)).map((f) => join(sub, f)))
  .filter((f) => exts.some((e) => f.endsWith(e)) && !f.endsWith('_weights.h5'));
const repeats = 30;

console.log(`${'model'.padEnd(42)} ${'layers'.padStart(6)} ${'cold ms'.padStart(8)} ${'warm ms (median)'.padStart(17)} ${'p90 ms'.padStart(7)}`);
for (const f of files) {
  const t0 = performance.now();
  const g = await loadGraph(join(dir, f));
  const cold = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    await loadGraph(join(dir, f));
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(repeats / 2)];
  const p90 = times[Math.floor(repeats * 0.9)];
  console.log(`${f.padEnd(42)} ${String(g.layers.length).padStart(6)} ${cold.toFixed(1).padStart(8)} ${median.toFixed(2).padStart(17)} ${p90.toFixed(2).padStart(7)}`);
}
