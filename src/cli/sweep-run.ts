/**
 * Everything `hlsdse sweep` does between parsing flags and printing: build the space, objectives and budgets,
 * the accuracy batch when asked for, the journal header, the evaluator (worker threads or in-process), then run
 * the driver with progress and a clean stop on Ctrl-C or `--time`, and write `front.json` and `report.html`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { floatReference, type FloatEngine } from '../estimators/accuracy/float-reference.js';
import { calibrationHash } from '../estimators/calibration/hash.js';
import { lookupDevice } from '../estimators/devices.js';
import { loadGraph } from '../ir/load/load-graph.js';
import { readModelFile } from '../ir/load/read-file.js';
import { parseBudgets } from '../search/budgets.js';
import { closestToBudgets, describeNearMiss, type NearMiss } from '../search/closest.js';
import { streamJournal } from '../search/journal/stream-journal.js';
import { makePointEvaluator } from '../search/evaluate-point.js';
import { JOURNAL_SCHEMA, type JournalHeader } from '../search/journal/records.js';
import { parseObjectives } from '../search/objectives.js';
import { startSweepPool } from '../search/parallel/sweep-pool.js';
import { RUN_FILES, summarizeRuns, type RunDescription, type RunSummary } from '../search/run-files.js';
import { runSweep, type BatchEvaluator, type SweepResult } from '../search/run-sweep.js';
import { buildSpace, DEFAULT_SPACE } from '../search/space/build-space.js';
import { needsProfile, parseSpaceText, type SpaceConfig } from '../search/space/space-config.js';
import { profileGraph, type ProfileReport } from '../estimators/accuracy/profile.js';
import type { IntegerBitsTable } from '../search/space/build-space.js';
import { strategyById } from '../search/strategies/registry.js';
import { contextFromInit, type AccuracyInit, type SweepInit } from '../search/sweep-init.js';
import { fail } from '../util/errors.js';
import { Progress } from './progress.js';
import { writeRunReport } from './report-run.js';
import { samplesFromFlags } from './sample-flags.js';

/** The resolved options of one sweep. */
export interface SweepOptions {
  readonly model: string;
  readonly weights?: string;
  readonly spaceFile?: string;
  readonly ioTypes?: readonly ('io_parallel' | 'io_stream')[];
  readonly objectives: string;
  readonly budget?: string;
  readonly budgetAtUpper: boolean;
  readonly strategy: string;
  readonly maxEvals: number;
  readonly timeMs?: number;
  readonly batchSize: number;
  readonly seed: number;
  readonly out: string;
  readonly resume: boolean;
  readonly workers: number;
  readonly calibrationFile?: string;
  /** Float model the accuracy objective compares with: TensorFlow.js (float32) or the Float64 pass. */
  readonly reference: FloatEngine;
  readonly samples: { data?: string; 'label-column'?: string; samples: number; seed: number; range: string; distribution: string };
  readonly version: string;
  readonly tty: boolean;
  readonly quiet: boolean;
}

/** What the command prints at the end. */
export interface SweepSummary {
  readonly run: string;
  readonly result: Omit<SweepResult, 'archive'>;
  readonly spaceSize: string;
  readonly front: RunSummary['front'];
  readonly objectives: readonly string[];
}

async function spaceConfigOf(o: SweepOptions): Promise<SpaceConfig> {
  const base = o.spaceFile ? parseSpaceText(o.spaceFile, (await readModelFile(o.spaceFile)).toString('utf8')) : DEFAULT_SPACE;
  return o.ioTypes && o.ioTypes.length > 0 ? { ...base, ioType: o.ioTypes } : base;
}

/** Integer bits per layer and variable from a profile report. */
export function integerBitsOf(report: ProfileReport): IntegerBitsTable {
  return Object.fromEntries(report.layers.map((l) => [l.layer, Object.fromEntries(l.variables.map((v) => [v.variable, { integer: v.integerBits, signed: v.signed }]))]));
}

/** Runs a sweep as the flags say. */
export async function sweep(o: SweepOptions): Promise<SweepSummary> {
  const graph = await loadGraph(o.model, o.weights ? { weights: o.weights } : {});
  const spaceCfg = await spaceConfigOf(o);
  const objectives = parseObjectives(o.objectives);
  const strategy = strategyById(o.strategy);
  const wantsProfile = needsProfile(spaceCfg);
  const wantsAccuracy = objectives.some((x) => x.metric === 'accuracy-drop') || (o.budget ?? '').toLowerCase().includes('accuracy');
  // One batch of samples serves both the accuracy objective and `integer: profile` precision grids.
  const samples = wantsAccuracy || wantsProfile ? await samplesFromFlags(graph, o.samples) : undefined;
  const float = samples ? await floatReference(graph, samples.inputs, { engine: o.reference }) : undefined;
  const integerBits = wantsProfile && float ? integerBitsOf(profileGraph(graph, float.layerOutputs)) : undefined;
  const space = buildSpace(graph, spaceCfg, o.spaceFile ?? 'default space', integerBits);
  const device = lookupDevice(space.base.part);
  const budgets = o.budget ? parseBudgets(o.budget, device) : [];
  let accuracy: AccuracyInit | undefined;
  if (wantsAccuracy && samples && float) {
    accuracy = { inputs: samples.inputs, floatOutputs: float.outputs, synthetic: samples.synthetic, description: samples.description, ...(samples.labels ? { labels: samples.labels } : {}) };
  }
  const init: SweepInit = {
    model: o.model,
    ...(o.weights ? { weights: o.weights } : {}),
    space: spaceCfg,
    spaceFile: o.spaceFile ?? 'default space',
    ...(o.calibrationFile ? { calibrationFile: o.calibrationFile } : {}),
    ...(accuracy ? { accuracy } : {}),
    ...(integerBits ? { integerBits } : {}),
  };
  const ctx = await contextFromInit(init);
  const maxEvals = Math.min(o.maxEvals, Number(space.size));
  const header: JournalHeader = {
    type: 'header',
    schema: JOURNAL_SCHEMA,
    tool: 'hlsdse',
    version: o.version,
    model: { name: graph.name, hash: graph.hash, files: [...graph.sourceFiles] },
    space: { hash: space.hash, size: space.size.toString(), knobs: space.knobs.map((k) => ({ id: k.id, values: k.values })) },
    seed: o.seed,
    strategy: strategy.id,
    objectives: objectives.map((x) => `${x.metric}:${x.direction}`),
    budgets: budgets.map((b) => b.text),
    budgetAtUpper: o.budgetAtUpper,
    calibration: { id: ctx.calibration.id, hash: calibrationHash(ctx.calibration) },
    batchSize: o.batchSize,
    ...(accuracy ? { accuracy: { data: accuracy.description, samples: Object.values(accuracy.inputs)[0]?.count ?? 0 } } : {}),
  };
  mkdirSync(o.out, { recursive: true });
  const description: RunDescription = { init: { ...init, accuracy: undefined } as RunDescription['init'], ...(accuracy ? { accuracy: { description: accuracy.description, samples: header.accuracy?.samples ?? 0 } } : {}) };
  // On resume the run's own sweep.json stays: the journal header check decides whether the run matches.
  if (!o.resume) writeFileSync(join(o.out, RUN_FILES.init), `${JSON.stringify(description, null, 2)}\n`);
  let evaluate: BatchEvaluator;
  let close = async () => {};
  if (o.workers > 1) {
    const pool = await startSweepPool(init, o.workers);
    evaluate = (g) => pool.evaluate(g);
    close = () => pool.close();
  } else {
    const one = makePointEvaluator(ctx);
    evaluate = async (g) => g.map(one);
  }
  let stop = false;
  const onSigint = () => {
    if (stop) process.exit(130);
    stop = true;
    process.stderr.write('\nstopping after the batch in flight (Ctrl-C again to quit at once)\n');
  };
  process.on('SIGINT', onSigint);
  const started = Date.now();
  const progress = new Progress(o.tty);
  let result: SweepResult;
  try {
    result = await runSweep(
      { space, strategy, objectives, budgets, budgetAtUpper: o.budgetAtUpper, seed: o.seed, maxEvals, batchSize: o.batchSize, header, journalFile: join(o.out, RUN_FILES.journal), resume: o.resume },
      {
        evaluate,
        shouldStop: () => stop || (o.timeMs !== undefined && Date.now() - started >= o.timeMs),
        onBatch: (s) => {
          if (o.quiet) return;
          const front = s.archive.front();
          const best = front.length > 0 ? `${objectives[0].metric} ${Math.min(...front.map((f) => f.objectives[0])).toPrecision(4)}` : undefined;
          progress.update({ evaluated: s.evaluated, total: maxEvals, feasible: s.feasible, front: s.archive.size, ...(best ? { best } : {}) });
        },
        onResume: (b, n, dropped) => {
          if (!o.quiet) process.stderr.write(`resuming: ${n} points in ${b} batches already evaluated${dropped.length ? `; dropped ${dropped.join('; ')}` : ''}\n`);
        },
      },
    );
  } finally {
    process.off('SIGINT', onSigint);
    if (!o.quiet) progress.done();
    await close();
  }
  const run = await summarizeRuns([o.out]);
  const front = run.front;
  writeFileSync(join(o.out, RUN_FILES.front), `${JSON.stringify(front, null, 1)}\n`);
  await writeRunReport(o.out, { run, ctx, elapsedMs: Date.now() - started });
  const { archive: _a, ...rest } = result;
  if (result.evaluated === 0) fail('internal', o.out, 'the sweep evaluated no point');
  if (budgets.length > 0 && front.length === 0) {
    let near: NearMiss[] = [];
    await streamJournal(join(o.out, RUN_FILES.journal), {
      onBatch: (_b, recs) => {
        near = closestToBudgets([...near.map((m) => m.record), ...recs], budgets, o.budgetAtUpper, 3);
      },
    });
    for (const m of near.slice(1)) process.stderr.write(`closest: ${describeNearMiss(m)}\n`);
    fail('bad-flag', '--budget', `no evaluated point meets ${o.budget} (journal kept in ${o.out}); closest is ${near.length ? describeNearMiss(near[0]) : 'none: every point was illegal'}`);
  }
  return { run: o.out, result: rest, spaceSize: space.size.toString(), front, objectives: header.objectives };
}
