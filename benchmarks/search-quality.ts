/**
 * Search quality against exhaustive ground truth. A synthetic but hls4ml-shaped space of 1,306,368 points
 * (KERAS_3layer's four dense layers: strategy × legal reuse factor ≤ 256 × weight width 8 or 16 each) with an
 * analytic LUT/DSP/latency model, budgets, and illegal holes (the latency strategy's unroll limit) is
 * evaluated exhaustively; then every strategy runs at 0.1 %, 1 % and 10 % of the points over several seeds,
 * and the table gives the mean hypervolume ratio (normalised objectives, reference 1.1 × nadir) and ADRS.
 * Run: `npx tsx benchmarks/search-quality.ts [seeds] [strategy ids…]`. Goal: ≥ 99 % of the exhaustive hypervolume at 1 %.
 */
import { validReuseFactors } from '../src/estimators/legality/reuse-factor.js';
import { dominates } from '../src/search/dominance.js';
import { hypervolume } from '../src/search/hypervolume.js';
import { adrs } from '../src/search/quality.js';
import { genomeKey, type DesignSpace, type Genome } from '../src/search/space/design-space.js';
import type { Knob } from '../src/search/space/knob.js';
import { numericIndexGenome } from '../src/search/strategies/genome-ops.js';
import { strategyRegistry } from '../src/search/strategies/registry.js';
import type { StrategyFactory, ToldRecord } from '../src/search/strategy.js';
import { createRng, forkSeed } from '../src/util/rng.js';

const LAYERS = [
  { name: 'fc1', nIn: 16, nOut: 64 },
  { name: 'fc2', nIn: 64, nOut: 32 },
  { name: 'fc3', nIn: 32, nOut: 32 },
  { name: 'out', nIn: 32, nOut: 5 },
];
const WIDTHS = [8, 16];
const MAX_RF = 256;
const BUDGET = { lut: 30_000, dsp: 300 };

function buildSpace(): DesignSpace {
  const knobs: Knob[] = LAYERS.flatMap((l): Knob[] => [
    { id: `${l.name}.strategy`, name: 'strategy', layers: [l.name], values: ['latency', 'resource'] },
    { id: `${l.name}.reuseFactor`, name: 'reuseFactor', layers: [l.name], values: validReuseFactors(l.nIn, l.nOut).filter((rf) => rf <= MAX_RF) },
    { id: `${l.name}.precision.weight`, name: 'precision.weight', layers: [l.name], values: WIDTHS.map((w) => `ap_fixed<${w},3>`) },
  ]);
  const layers = Object.fromEntries(LAYERS.map((l) => [l.name, { strategy: 'latency' as const, reuseFactor: 1, parallelizationFactor: 1, convImplementation: 'LineBuffer' as const, tableSize: 1024, precisions: {} }]));
  const size = knobs.reduce((s, k) => s * BigInt(k.values.length), 1n);
  return { graphHash: 'bench', knobs, base: { ioType: 'io_parallel', part: 'xcvu9p', clockPeriodNs: 5, bramFactor: 1e9, layers }, fifoPolicy: 'sized', size, hash: 'bench' };
}

/** LUT, DSP and latency of a genome (NaN when illegal) and its relative budget violation. */
function cost(space: DesignSpace, g: Genome): { obj: [number, number, number]; violation: number } {
  let lut = 0;
  let dsp = 0;
  let latency = 0;
  for (let i = 0; i < LAYERS.length; i++) {
    const { nIn, nOut } = LAYERS[i];
    const resource = g[3 * i] === 1;
    const rf = space.knobs[3 * i + 1].values[g[3 * i + 1]] as number;
    const w = WIDTHS[g[3 * i + 2]];
    const mults = Math.ceil((nIn * nOut) / rf);
    if (!resource && mults > 1024) return { obj: [NaN, NaN, NaN], violation: Number.POSITIVE_INFINITY };
    const inDsp = w > 10 ? mults : 0;
    dsp += inDsp;
    lut += (mults - inDsp) * w * w * 0.6 + nOut * w * 2.5 * Math.ceil(Math.log2(nIn / Math.min(nIn, rf) + 1));
    if (resource) lut += 250 + mults * w * 1.5 * Math.log2(rf + 1) + (nIn * nOut * w) / 64;
    else lut += nIn * nOut * w * 0.12 + (rf > 1 ? mults * w * 0.8 : 0);
    latency += (resource ? rf + Math.ceil(Math.log2(mults + 1)) + 4 : rf + Math.ceil(Math.log2(nIn)) + 1) + (w > 10 ? 1 : 0);
  }
  const violation = Math.max(0, lut / BUDGET.lut - 1) + Math.max(0, dsp / BUDGET.dsp - 1);
  return { obj: [Math.round(lut), dsp, latency], violation };
}

/** The non-dominated subset (distinct vectors) of 3-objective points, by a lexicographic sweep. */
function front3(points: readonly (readonly number[])[]): number[][] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  const out: number[][] = [];
  for (const p of sorted) {
    if (out.some((q) => dominates(q, p) || (q[0] === p[0] && q[1] === p[1] && q[2] === p[2]))) continue;
    out.push([...p]);
  }
  return out;
}

/** Exact 3-D hypervolume by sweeping the third objective over 2-D staircases (O(n²)). */
function hv3(points: readonly (readonly number[])[], ref: readonly number[]): number {
  const ps = front3(points.filter((p) => p.every((v, i) => v < ref[i]))).sort((a, b) => a[2] - b[2]);
  let stairs: number[][] = [];
  let volume = 0;
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    if (!stairs.some((q) => q[0] <= p[0] && q[1] <= p[1])) stairs = [...stairs.filter((q) => !(p[0] <= q[0] && p[1] <= q[1])), p].sort((a, b) => a[0] - b[0]);
    const zNext = i + 1 < ps.length ? ps[i + 1][2] : ref[2];
    let area = 0;
    for (let j = 0; j < stairs.length; j++) area += ((j + 1 < stairs.length ? stairs[j + 1][0] : ref[0]) - stairs[j][0]) * (ref[1] - stairs[j][1]);
    volume += area * (zNext - p[2]);
  }
  return volume;
}

const space = buildSpace();
const N = Number(space.size);
const t0 = performance.now();
const objs = new Float64Array(3 * N);
const viol = new Float64Array(N);
const feasible: number[][] = [];
for (let i = 0; i < N; i++) {
  const { obj, violation } = cost(space, numericIndexGenome(space, i));
  objs.set(obj, 3 * i);
  viol[i] = violation;
  if (violation === 0) feasible.push(obj);
}
const truth = front3(feasible);
const ideal = [0, 1, 2].map((k) => Math.min(...truth.map((p) => p[k])));
const nadir = [0, 1, 2].map((k) => Math.max(...truth.map((p) => p[k])));
const norm = (p: readonly number[]) => p.map((v, k) => (v - ideal[k]) / (nadir[k] - ideal[k] || 1));
const REF = [1.1, 1.1, 1.1];
const truthHv = hv3(truth.map(norm), REF);
const check = truth.slice(0, 60).map(norm);
if (Math.abs(hv3(check, REF) - hypervolume(check, REF)) > 1e-9) throw new Error('hv3 disagrees with the exact hypervolume');
console.log(`space ${N} points, ${feasible.length} feasible, exhaustive front ${truth.length} points, evaluated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

function run(factory: StrategyFactory, maxEvals: number, seed: number, batchSize: number): { found: number[][]; evals: number } {
  const s = factory.create({ space, objectives: 3, maxEvals, batchSize });
  const found: number[][] = [];
  let evals = 0;
  for (let b = 0; evals < maxEvals; b++) {
    const got = s.ask(Math.min(batchSize, maxEvals - evals), b, createRng(forkSeed(seed, `batch/${b}`)));
    if (got === 'done' || got.length === 0) break;
    const recs = got.map((genome): ToldRecord => {
      let i = 0;
      for (let k = 0; k < genome.length; k++) i = i * space.knobs[k].values.length + genome[k];
      const ok = Number.isFinite(viol[i]);
      const objectives = ok ? [objs[3 * i], objs[3 * i + 1], objs[3 * i + 2]] : [Infinity, Infinity, Infinity];
      if (viol[i] === 0) found.push(objectives);
      return { key: genomeKey(space, genome), genome, objectives, violation: viol[i], batch: b };
    });
    s.tell(recs);
    evals += recs.length;
  }
  return { found, evals };
}

const seeds = Number(process.argv[2] ?? 5);
const fractions = [0.001, 0.01, 0.1];
const batchSize = 64;
const head = ['strategy', ...fractions.flatMap((f) => [`HV@${f * 100}%`, `ADRS@${f * 100}%`])];
console.log(`\nmean of ${seeds} seeds, batch ${batchSize}; HV = hypervolume / exhaustive hypervolume; ADRS by front range (0 = exact)`);
console.log(head.map((h, i) => (i === 0 ? h.padEnd(14) : h.padStart(11))).join(' '));
const only = process.argv.slice(3);
for (const factory of strategyRegistry.filter((f) => only.length === 0 || only.includes(f.id))) {
  const cells: string[] = [];
  const t = performance.now();
  for (const f of fractions) {
    let hv = 0;
    let d = 0;
    let evals = 0;
    for (let s = 0; s < seeds; s++) {
      const r = run(factory, Math.round(f * N), s + 1, batchSize);
      const found = front3(r.found);
      hv += hv3(found.map(norm), REF) / truthHv / seeds;
      d += adrs(truth.map(norm), found.map(norm)) / seeds;
      evals += r.evals / seeds;
    }
    const short = evals < Math.round(f * N) - 0.5 ? '*' : ' ';
    cells.push(`${(hv * 100).toFixed(2)}%${short}`.padStart(11), d.toFixed(4).padStart(11));
  }
  console.log(`${factory.id.padEnd(14)} ${cells.join(' ')}   (${((performance.now() - t) / 1000).toFixed(1)} s)`);
}
console.log('* the strategy stopped (done) before using its whole budget on average');
