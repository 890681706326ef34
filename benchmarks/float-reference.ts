/**
 * Time of the float references and the bit-accurate emulator on 1,000 samples of KERAS_3layer: TensorFlow.js
 * (float32; tfjs-node if installed, else the pure-JS CPU backend), the built-in Float64 forward pass, and the
 * emulator (when `src/estimators/emulator/emulate-graph.ts` exists), with ratios to the Float64 pass.
 * Run: `npx tsx benchmarks/float-reference.ts [samples]`.
 */
import { join } from 'node:path';
import { floatForward } from '../src/estimators/accuracy/float-forward.js';
import { buildTfModel, loadTf } from '../src/estimators/accuracy/float-reference.js';
import { syntheticInputs } from '../src/estimators/accuracy/synthetic-data.js';
import type { Batch, EmulationOptions, EmulationResult } from '../src/estimators/emulator/types.js';
import { designPointOf, type DesignPoint } from '../src/ir/design-point.js';
import type { Graph } from '../src/ir/graph.js';
import { loadGraph } from '../src/ir/load/load-graph.js';

type EmulateGraph = (g: Graph, p: DesignPoint, i: Batch | Record<string, Batch>, o?: EmulationOptions) => EmulationResult;

const samples = Number(process.argv[2] ?? 1000);
const repeats = 7;
const graph = await loadGraph(join(import.meta.dirname, '..', 'examples', 'models', 'keras', 'KERAS_3layer.json'));
const { inputs } = syntheticInputs(graph, { count: samples, seed: 1, distribution: 'uniform' });

/** Median wall time of `repeats` runs after three warm-ups (JIT), in ms. */
async function time(run: () => unknown): Promise<number> {
  for (let i = 0; i < 3; i++) await run();
  const t: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await run();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[Math.floor(repeats / 2)];
}

const t0 = performance.now();
const tf = await loadTf();
const tfLoad = performance.now() - t0;
const model = buildTfModel(tf, graph);
const rows: [string, number][] = [
  ['float64 forward', await time(() => floatForward(graph, inputs))],
  [`tfjs (${tf.getBackend()})`, await time(() => model.run(inputs))],
];
model.dispose();

let emulate: EmulateGraph | undefined;
try {
  emulate = ((await import(new URL('../src/estimators/emulator/emulate-graph.js', import.meta.url).href)) as { emulateGraph: EmulateGraph }).emulateGraph;
} catch {
  emulate = undefined;
}
if (emulate) {
  const point = designPointOf(graph);
  const run = emulate;
  rows.push(['emulator (model point)', await time(() => run(graph, point, inputs))]);
}

const base = rows[0][1];
console.log(`KERAS_3layer, ${samples} samples, median of ${repeats} (tfjs import ${tfLoad.toFixed(0)} ms)`);
console.log(`${'engine'.padEnd(26)} ${'ms'.padStart(9)} ${'µs/sample'.padStart(10)} ${'× float64'.padStart(10)}`);
for (const [name, ms] of rows) {
  console.log(`${name.padEnd(26)} ${ms.toFixed(2).padStart(9)} ${((1000 * ms) / samples).toFixed(2).padStart(10)} ${(ms / base).toFixed(2).padStart(10)}`);
}
if (!emulate) console.log('emulator: not in this build (src/estimators/emulator/emulate-graph.ts missing)');
