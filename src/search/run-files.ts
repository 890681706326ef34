/**
 * A sweep's folder: `journal.jsonl` (the truth), `sweep.json` (how to rebuild its evaluation context),
 * `front.json` and `report.html` (caches, rebuildable from the journal). Reading a run accepts the folder or
 * the journal file itself, and several of them (merged).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fail } from '../util/errors.js';
import { mergeJournals, parseJournal, type JournalContents } from './journal/read-journal.js';
import type { EvaluationRecord } from './journal/records.js';
import { ParetoArchive } from './pareto-archive.js';
import type { SweepInit } from './sweep-init.js';

/** File names inside a run folder. */
export const RUN_FILES = { journal: 'journal.jsonl', init: 'sweep.json', front: 'front.json', report: 'report.html' } as const;

/** What `sweep.json` holds: the init without the accuracy batch (kept small), plus the flags given. */
export interface RunDescription {
  readonly init: Omit<SweepInit, 'accuracy'>;
  readonly accuracy?: { readonly description: string; readonly samples: number };
}

/** A run read from disk. */
export interface LoadedRun {
  readonly dir: string;
  readonly journal: JournalContents;
  readonly description?: RunDescription;
}

/** The journal path of a run argument (a folder or a `.jsonl` file). */
export function journalPathOf(run: string): string {
  if (!existsSync(run)) fail('file-not-found', run, 'no such run folder or journal');
  return statSync(run).isDirectory() ? join(run, RUN_FILES.journal) : run;
}

/** Reads one or more runs (merged when several). */
export function readRuns(runs: readonly string[]): LoadedRun {
  const paths = runs.map(journalPathOf);
  for (const p of paths) if (!existsSync(p)) fail('file-not-found', p, 'no journal in this run folder');
  const journals = paths.map((p) => parseJournal(readFileSync(p, 'utf8'), p));
  const journal = journals.length === 1 ? journals[0] : mergeJournals(journals, paths);
  const dir = dirname(paths[0]);
  const descFile = join(dir, RUN_FILES.init);
  let description: RunDescription | undefined;
  if (existsSync(descFile)) {
    try {
      description = JSON.parse(readFileSync(descFile, 'utf8')) as RunDescription;
    } catch {
      fail('corrupt-file', descFile, 'not valid JSON');
    }
  }
  return { dir, journal, ...(description ? { description } : {}) };
}

/** The feasible Pareto front of a record list, in canonical order. */
export function frontOf(records: readonly EvaluationRecord[]): EvaluationRecord[] {
  const a = new ParetoArchive<EvaluationRecord>();
  for (const r of records) if (r.status === 'ok' && r.violation === 0 && r.objectives) a.add({ key: r.key, objectives: r.objectives, payload: r });
  return a.front().map((e) => e.payload);
}
