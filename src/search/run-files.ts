/**
 * A sweep's folder: `journal.jsonl` (the truth), `sweep.json` (how to rebuild its evaluation context),
 * `front.json` and `report.html` (caches, rebuildable from the journal). Runs are read by streaming their
 * journals, so memory stays flat however many points a run evaluated: what is kept is the front, the counts,
 * and a bounded, deterministic sample of points for plots.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fail } from '../util/errors.js';
import { mergeMismatch } from './journal/header-check.js';
import type { EvaluationRecord, JournalHeader } from './journal/records.js';
import { streamJournal } from './journal/stream-journal.js';
import { ParetoArchive } from './pareto-archive.js';
import type { SweepInit } from './sweep-init.js';

/** File names inside a run folder. */
export const RUN_FILES = { journal: 'journal.jsonl', init: 'sweep.json', front: 'front.json', report: 'report.html' } as const;

/** What `sweep.json` holds: the init without the accuracy batch (kept small). */
export interface RunDescription {
  readonly init: Omit<SweepInit, 'accuracy'>;
  readonly accuracy?: { readonly description: string; readonly samples: number };
}

/** One or more runs read from disk. */
export interface RunSummary {
  readonly dir: string;
  readonly header: JournalHeader;
  readonly front: readonly EvaluationRecord[];
  readonly evaluated: number;
  readonly legal: number;
  readonly withinBudget: number;
  /** Legal points for plots: every k-th, k doubling to keep at most `sampleLimit`. */
  readonly sample: readonly EvaluationRecord[];
  readonly dropped: readonly string[];
  readonly description?: RunDescription;
}

/** The journal path of a run argument (a folder or a `.jsonl` file). */
export function journalPathOf(run: string): string {
  if (!existsSync(run)) fail('file-not-found', run, 'no such run folder or journal');
  const p = statSync(run).isDirectory() ? join(run, RUN_FILES.journal) : run;
  if (!existsSync(p)) fail('file-not-found', p, 'no journal in this run folder');
  return p;
}

function readDescription(dir: string): RunDescription | undefined {
  const file = join(dir, RUN_FILES.init);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RunDescription;
  } catch {
    fail('corrupt-file', file, 'not valid JSON');
  }
}

/** Streams one or more runs (journals of the same model, space, objectives and budgets merge). */
export async function summarizeRuns(runs: readonly string[], sampleLimit = 4000): Promise<RunSummary> {
  const paths = runs.map(journalPathOf);
  const archive = new ParetoArchive<EvaluationRecord>();
  let header: JournalHeader | undefined;
  let evaluated = 0;
  let legal = 0;
  let withinBudget = 0;
  let stride = 1;
  let sample: EvaluationRecord[] = [];
  const dropped: string[] = [];
  for (const p of paths) {
    const s = await streamJournal(p, {
      onHeader: (h) => {
        if (!header) header = h;
        const why = mergeMismatch(h, header);
        if (why) fail('bad-config', p, `cannot merge with ${paths[0]}: ${why}`);
      },
      onBatch: (_b, recs) => {
        for (const r of recs) {
          evaluated++;
          if (r.status !== 'ok' || !r.objectives) continue;
          if (legal % stride === 0) {
            sample.push(r);
            if (sample.length > sampleLimit) {
              sample = sample.filter((_, i) => i % 2 === 0);
              stride *= 2;
            }
          }
          legal++;
          if (r.violation === 0) {
            withinBudget++;
            archive.add({ key: r.key, objectives: r.objectives, payload: r });
          }
        }
      },
    });
    dropped.push(...s.dropped);
  }
  const dir = dirname(paths[0]);
  const description = readDescription(dir);
  return { dir, header: header as JournalHeader, front: archive.front().map((e) => e.payload), evaluated, legal, withinBudget, sample, dropped, ...(description ? { description } : {}) };
}

/** Finds one point's record by id in a run (streaming). */
export async function findRecord(run: string, key: string): Promise<{ record?: EvaluationRecord; header: JournalHeader; description?: RunDescription; dir: string }> {
  const p = journalPathOf(run);
  let found: EvaluationRecord | undefined;
  const s = await streamJournal(p, { onBatch: (_b, recs) => (found ??= recs.find((r) => r.key === key)) });
  const description = readDescription(dirname(p));
  return { ...(found ? { record: found } : {}), header: s.header, dir: dirname(p), ...(description ? { description } : {}) };
}

/** The feasible Pareto front of a record list, in canonical order. */
export function frontOf(records: readonly EvaluationRecord[]): EvaluationRecord[] {
  const a = new ParetoArchive<EvaluationRecord>();
  for (const r of records) if (r.status === 'ok' && r.violation === 0 && r.objectives) a.add({ key: r.key, objectives: r.objectives, payload: r });
  return a.front().map((e) => e.payload);
}
