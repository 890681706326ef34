/**
 * Speed of `estimateDesign`: µs per design point (and points/s) for KERAS_3layer over a strategy × reuse factor ×
 * io type mix (once with the knob objects reused, as a search does for unchanged layers, once with fresh copies), and for Conv2D io_stream models including FIFO sizing (the bundled ONNX conv model and a
 * 32×32 skip-connection CNN built from specs). Goal: ≤ 10 µs per KERAS_3layer point. Print only.
 * Run: `npx tsx benchmarks/estimate.ts`.
 */
import { join } from 'node:path';
import { defaultCalibration } from '../src/estimators/calibration/load.js';
import { estimateDesign } from '../src/estimators/estimate-design.js';
import { validReuseFactors } from '../src/estimators/legality/reuse-factor.js';
import { buildGraph } from '../src/ir/build-graph.js';
import { designPointOf, withLayerKnobs, type DesignPoint } from '../src/ir/design-point.js';
import type { Graph } from '../src/ir/graph.js';
import type { Strategy } from '../src/ir/layer.js';
import type { LayerSpec } from '../src/ir/layer-spec.js';
import { loadGraph } from '../src/ir/load/load-graph.js';
import { sizeOf, tensor } from '../src/ir/tensor.js';

const cal = defaultCalibration();
const models = join(import.meta.dirname, '..', 'examples', 'models');

/** Points varying strategy, reuse factor (valid ones) and io type over the weighted layers. */
function points(g: Graph, count: number, ioTypes: readonly DesignPoint['ioType'][]): DesignPoint[] {
  const base = designPointOf(g);
  const weighted = g.layers.filter((l) => l.facts.weights > 0);
  const out: DesignPoint[] = [];
  for (let i = 0; i < count; i++) {
    const changes: Record<string, { strategy: Strategy; reuseFactor: number }> = {};
    weighted.forEach((l, j) => {
      const rfs = validReuseFactors(l.facts.nIn, l.facts.nOut);
      const strategy: Strategy = (i + j) % 3 === 0 ? 'resource' : 'latency';
      changes[l.name] = { strategy, reuseFactor: rfs[(i * 7 + j * 3) % Math.min(rfs.length, 8)] };
    });
    out.push({ ...withLayerKnobs(base, changes), ioType: ioTypes[i % ioTypes.length] });
  }
  return out;
}

/** A copy of a point with fresh knob objects, as a search strategy creates them (no object-identity memo hits). */
function fresh(p: DesignPoint): DesignPoint {
  const layers: Record<string, DesignPoint['layers'][string]> = {};
  for (const k in p.layers) layers[k] = { ...p.layers[k] };
  return { ...p, layers };
}

/** How a benchmark feeds points: as built, as fresh copies, or cold (a new calibration object: nothing memoised). */
type Mode = 'reuse' | 'fresh' | 'cold';

/** A walk where each point changes one layer of the previous one (what mutation-based searches do). */
function walk(g: Graph, count: number): DesignPoint[] {
  const pool = points(g, 64, ['io_parallel']);
  const weighted = g.layers.filter((l) => l.facts.weights > 0).map((l) => l.name);
  const out: DesignPoint[] = [designPointOf(g)];
  for (let i = 1; i < count; i++) {
    const name = weighted[i % weighted.length];
    out.push(withLayerKnobs(out[i - 1], { [name]: pool[(i * 13) % pool.length].layers[name] }));
  }
  return out;
}

function bench(label: string, g: Graph, pts: readonly DesignPoint[], seconds: number, mode: Mode = 'reuse'): void {
  for (const p of pts.slice(0, 50)) estimateDesign(g, p, cal); // warm-up (JIT, memoised weight statistics)
  let n = 0;
  let sink = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    for (let i = 0; i < 50; i++) {
      const p = pts[(n + i) % pts.length];
      sink += estimateDesign(g, mode === 'fresh' ? fresh(p) : p, mode === 'cold' ? { ...cal } : cal).total.lut.mean;
    }
    n += 50;
  }
  const us = ((performance.now() - t0) * 1000) / n;
  console.log(`${label.padEnd(60)} ${String(g.layers.length).padStart(6)} ${us.toFixed(2).padStart(10)} ${Math.round(1e6 / us).toLocaleString('en-US').padStart(12)}${sink > 0 ? '' : ' (no-op?)'}`);
}

const spec = (name: string, kind: LayerSpec['kind'], inputs: string[], extra: Partial<LayerSpec> = {}): LayerSpec => ({ name, kind, sourceClass: kind, inputs, ...extra });
const weights = (shape: number[], salt: number) => tensor(shape, Float32Array.from({ length: sizeOf(shape) }, (_, i) => Math.sin(i * 12.9898 + salt) * 0.5));

/** A 32×32 skip-connection CNN (conv, relu, conv, add, pooling, conv, global pooling, dense). */
function skipCnn32(): Graph {
  const c = 16;
  return buildGraph({ name: 'skip_cnn32', specs: [
    spec('in', 'Input', [], { attrs: { shape: [32, 32, 3] } }),
    spec('c1', 'Conv2D', ['in'], { attrs: { kernel: [3, 3], filters: c, padding: 'same' }, params: { weight: weights([3, 3, 3, c], 1), bias: weights([c], 2) } }),
    spec('r1', 'Activation', ['c1'], { activation: { fn: 'relu' } }),
    spec('c2', 'Conv2D', ['r1'], { attrs: { kernel: [3, 3], filters: c, padding: 'same' }, params: { weight: weights([3, 3, c, c], 3), bias: weights([c], 4) } }),
    spec('add', 'Add', ['r1', 'c2']),
    spec('pool', 'MaxPooling2D', ['add'], { attrs: { pool: [2, 2], strides: [2, 2], padding: 'valid' } }),
    spec('c3', 'Conv2D', ['pool'], { attrs: { kernel: [3, 3], filters: c, padding: 'valid' }, params: { weight: weights([3, 3, c, c], 5), bias: weights([c], 6) } }),
    spec('r3', 'Activation', ['c3'], { activation: { fn: 'relu' } }),
    spec('gap', 'GlobalAveragePooling2D', ['r3']),
    spec('fc', 'Dense', ['gap'], { attrs: { units: 10 }, params: { weight: weights([c, 10], 7), bias: weights([10], 8) } }),
    spec('sm', 'Softmax', ['fc'], { activation: { fn: 'softmax' } }),
  ] }, { format: 'keras-json', file: 'skip_cnn32.json', sourceFiles: [] });
}

console.log(`${'model / points'.padEnd(60)} ${'layers'.padStart(6)} ${'µs/point'.padStart(10)} ${'points/s'.padStart(12)}`);
const mlp = await loadGraph(join(models, 'keras', 'KERAS_3layer.json'));
bench('KERAS_3layer io_parallel: walk, one layer changes per point', mlp, walk(mlp, 1009), 2);
bench('KERAS_3layer io_parallel: every layer changes per point', mlp, points(mlp, 997, ['io_parallel']), 2);
bench('KERAS_3layer io_parallel: same, fresh knob objects', mlp, points(mlp, 997, ['io_parallel']), 2, 'fresh');
bench('KERAS_3layer io_parallel+io_stream, with FIFO sizing', mlp, points(mlp, 997, ['io_parallel', 'io_stream']), 2);
bench('KERAS_3layer io_stream: cold (nothing memoised)', mlp, points(mlp, 97, ['io_stream']), 2, 'cold');
const conv = await loadGraph(join(models, 'onnx', 'conv2d_small_keras.onnx'));
bench('conv2d_small_keras.onnx io_stream + FIFOs: cold', conv, points(conv, 101, ['io_stream']), 2, 'cold');
const cnn = skipCnn32();
bench('skip_cnn32 (32×32×3, skip) io_stream + FIFOs: memoised', cnn, points(cnn, 31, ['io_stream']), 2);
bench('skip_cnn32 io_stream + FIFO sizing: cold', cnn, points(cnn, 31, ['io_stream']), 3, 'cold');
bench('skip_cnn32 io_parallel: cold', cnn, points(cnn, 31, ['io_parallel']), 2, 'cold');
