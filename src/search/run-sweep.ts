/**
 * The sweep driver: asks the strategy for a batch, has it evaluated, records it in the journal, tells the
 * strategy, updates the Pareto archive — until the budget of evaluations or time runs out, the strategy is
 * done, or the user stops it. It holds no search logic, and resumes a killed run from its journal.
 */
import { existsSync, truncateSync } from 'node:fs';
import { fail } from '../util/errors.js';
import { createRng, forkSeed } from '../util/rng.js';
import { checkBudgets, totalViolation, type Budget } from './budgets.js';
import { JournalWriter } from './journal/journal-writer.js';
import { headerMismatch } from './journal/header-check.js';
import { streamJournal } from './journal/stream-journal.js';
import type { EvaluationRecord, JournalHeader, StoredMetrics } from './journal/records.js';
import type { PointMetrics } from './metrics.js';
import { objectiveVector, type Objective } from './objectives.js';
import { ParetoArchive } from './pareto-archive.js';
import { genomeKey, type DesignSpace, type Genome } from './space/design-space.js';
import type { StrategyFactory, ToldRecord } from './strategy.js';

/** How one point fared: legal and estimated, or rejected with a reason. */
export type PointOutcome =
  | { readonly status: 'ok'; readonly metrics: PointMetrics }
  | { readonly status: 'rejected' | 'error'; readonly reason: string };

/** Evaluates a batch of genomes (in order); may run in worker threads. */
export type BatchEvaluator = (genomes: readonly Genome[]) => Promise<readonly PointOutcome[]>;

/** Everything that defines a sweep. */
export interface SweepSpec {
  readonly space: DesignSpace;
  readonly strategy: StrategyFactory;
  readonly objectives: readonly Objective[];
  readonly budgets: readonly Budget[];
  readonly budgetAtUpper: boolean;
  readonly seed: number;
  readonly maxEvals: number;
  readonly batchSize: number;
  readonly header: JournalHeader;
  readonly journalFile: string;
  readonly resume: boolean;
}

/** Side effects and clocks the driver is given (so the loop itself stays testable). */
export interface SweepHooks {
  readonly evaluate: BatchEvaluator;
  /** Checked between batches: true stops the sweep cleanly (Ctrl-C, `--time`). */
  readonly shouldStop?: () => boolean;
  /** Called after every batch with the running state. */
  readonly onBatch?: (state: SweepState) => void;
  /** Called once when resuming, with what the journal reader had to drop. */
  readonly onResume?: (batches: number, records: number, dropped: readonly string[]) => void;
}

/** The running state the driver reports. */
export interface SweepState {
  readonly batches: number;
  readonly evaluated: number;
  readonly feasible: number;
  readonly rejected: number;
  readonly archive: ParetoArchive<EvaluationRecord>;
}

/** How a sweep ended. */
export interface SweepResult extends SweepState {
  readonly stoppedBy: 'max-evals' | 'strategy-done' | 'stopped';
}

function store(m: PointMetrics): StoredMetrics {
  const out: Record<string, readonly [number, number, number]> = {};
  for (const [k, v] of Object.entries(m)) if (v) out[k] = [v.mean, v.lo, v.hi];
  return out;
}

/** Turns stored metrics back into intervals. */
export function loadMetrics(m: StoredMetrics | undefined): PointMetrics {
  const out: Record<string, { mean: number; lo: number; hi: number }> = {};
  for (const [k, v] of Object.entries(m ?? {})) if (v) out[k] = { mean: v[0], lo: v[1], hi: v[2] };
  return out;
}

/** The record's view for the strategy. */
export function toldOf(r: EvaluationRecord, objectives: number): ToldRecord {
  return {
    key: r.key,
    genome: r.genome,
    objectives: r.objectives ?? new Array<number>(objectives).fill(Number.POSITIVE_INFINITY),
    violation: r.status === 'ok' ? r.violation : Number.POSITIVE_INFINITY,
    batch: r.batch,
  };
}

/** Runs (or resumes) a sweep to completion. */
export async function runSweep(spec: SweepSpec, hooks: SweepHooks): Promise<SweepResult> {
  const strategy = spec.strategy.create({ space: spec.space, objectives: spec.objectives.length, maxEvals: spec.maxEvals, batchSize: spec.batchSize });
  const archive = new ParetoArchive<EvaluationRecord>();
  let batches = 0;
  let evaluated = 0;
  let feasible = 0;
  let rejected = 0;
  const account = (records: readonly EvaluationRecord[]) => {
    for (const r of records) {
      evaluated++;
      if (r.status !== 'ok') rejected++;
      else if (r.violation === 0) {
        feasible++;
        archive.add({ key: r.key, objectives: r.objectives ?? [], payload: r });
      }
    }
  };
  let writer: JournalWriter;
  if (spec.resume) {
    if (!existsSync(spec.journalFile)) fail('file-not-found', spec.journalFile, 'no journal to resume');
    // Streamed batch by batch: an overnight journal does not fit in memory as one string.
    const j = await streamJournal(spec.journalFile, {
      onHeader: (h) => {
        const why = headerMismatch(h, spec.header);
        if (why) fail('bad-config', spec.journalFile, `cannot resume: ${why}`);
      },
      onBatch: (_b, recs) => {
        strategy.tell(recs.map((r) => toldOf(r, spec.objectives.length)));
        account(recs);
      },
    });
    truncateSync(spec.journalFile, j.validBytes);
    batches = j.batches;
    hooks.onResume?.(j.batches, j.records, j.dropped);
    writer = JournalWriter.append(spec.journalFile);
  } else {
    if (existsSync(spec.journalFile)) fail('bad-flag', spec.journalFile, 'a journal already exists here; use --resume to continue it or choose another --out');
    writer = JournalWriter.create(spec.journalFile, spec.header);
  }
  let stoppedBy: SweepResult['stoppedBy'] = 'max-evals';
  try {
    while (evaluated < spec.maxEvals) {
      if (hooks.shouldStop?.()) {
        stoppedBy = 'stopped';
        break;
      }
      const n = Math.min(spec.batchSize, spec.maxEvals - evaluated);
      const genomes = strategy.ask(n, batches, createRng(forkSeed(spec.seed, `batch/${batches}`)));
      if (genomes === 'done' || genomes.length === 0) {
        stoppedBy = 'strategy-done';
        break;
      }
      const outcomes = await hooks.evaluate(genomes);
      const records = genomes.map((g, i): EvaluationRecord => {
        const o = outcomes[i];
        const base = { type: 'point' as const, seq: evaluated + i, batch: batches, key: genomeKey(spec.space, g), genome: [...g], origin: spec.strategy.id };
        if (o.status !== 'ok') return { ...base, status: o.status, reason: o.reason, violation: Number.MAX_VALUE };
        const violation = totalViolation(checkBudgets(spec.budgets, o.metrics, spec.budgetAtUpper));
        return { ...base, status: 'ok', metrics: store(o.metrics), objectives: objectiveVector(spec.objectives, o.metrics), violation: Number.isFinite(violation) ? violation : Number.MAX_VALUE };
      });
      writer.writeBatch(batches, records);
      strategy.tell(records.map((r) => toldOf(r, spec.objectives.length)));
      account(records);
      batches++;
      hooks.onBatch?.({ batches, evaluated, feasible, rejected, archive });
    }
  } finally {
    writer.close();
  }
  return { batches, evaluated, feasible, rejected, archive, stoppedBy };
}
