/**
 * Sweep evaluation throughput on KERAS_3layer (default space: strategy × every legal reuse factor): points per
 * second in-process on one core, and through the worker pool on every core. Prints figures, asserts nothing.
 * Run: `npx tsx benchmarks/sweep-throughput.ts [points]`.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { makePointEvaluator } from '../src/search/evaluate-point.js';
import { startSweepPool } from '../src/search/parallel/sweep-pool.js';
import { indexGenome } from '../src/search/space/design-space.js';
import { DEFAULT_SPACE } from '../src/search/space/build-space.js';
import { contextFromInit, type SweepInit } from '../src/search/sweep-init.js';

const n = Number(process.argv[2] ?? 50_000);
const init: SweepInit = { model: join(import.meta.dirname, '..', 'examples', 'models', 'keras', 'KERAS_3layer.json'), space: DEFAULT_SPACE, spaceFile: 'default space' };
const ctx = await contextFromInit(init);
const genomes = Array.from({ length: Math.min(n, Number(ctx.space.size)) }, (_, i) => indexGenome(ctx.space, BigInt(i)));
const one = makePointEvaluator(ctx);
for (const g of genomes.slice(0, 2000)) one(g); // warm up
let t = performance.now();
for (const g of genomes) one(g);
let ms = performance.now() - t;
console.log(`space ${ctx.space.size} points; evaluated ${genomes.length}`);
console.log(`one core (in-process): ${((genomes.length / ms) * 1000).toFixed(0)} points/s, ${((ms * 1000) / genomes.length).toFixed(2)} µs/point`);
const cores = availableParallelism();
const pool = await startSweepPool(init, cores);
await pool.evaluate(genomes.slice(0, 2000));
t = performance.now();
for (let i = 0; i < genomes.length; i += 4096) await pool.evaluate(genomes.slice(i, i + 4096));
ms = performance.now() - t;
await pool.close();
console.log(`${cores} workers: ${((genomes.length / ms) * 1000).toFixed(0)} points/s`);
