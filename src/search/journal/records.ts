/**
 * What a sweep journal holds: one header line describing the run, then per batch one line per evaluated
 * point and a closing batch marker. Records are plain data and never edited; fronts, rankings and hypervolume
 * are functions of the record list.
 */
import type { MetricName } from '../metrics.js';

/** Version of the journal format; a reader refuses other versions. */
export const JOURNAL_SCHEMA = 1;

/** The first line of a journal: everything needed to tell whether a resume or merge is sound. */
export interface JournalHeader {
  readonly type: 'header';
  readonly schema: number;
  readonly tool: string;
  readonly version: string;
  readonly model: { readonly name: string; readonly hash: string; readonly files: readonly string[] };
  readonly space: { readonly hash: string; readonly size: string; readonly knobs: readonly { readonly id: string; readonly values: readonly (string | number)[] }[] };
  readonly seed: number;
  readonly strategy: string;
  readonly objectives: readonly string[];
  readonly budgets: readonly string[];
  readonly budgetAtUpper: boolean;
  readonly calibration: { readonly id: string; readonly hash: string };
  readonly batchSize: number;
  readonly accuracy?: { readonly data: string; readonly samples: number };
}

/** Metric values stored compactly as [mean, lo, hi]. */
export type StoredMetrics = Readonly<Partial<Record<MetricName, readonly [number, number, number]>>>;

/** One evaluated point. A failure is a record too (`status` says which), never a lost point. */
export interface EvaluationRecord {
  readonly type: 'point';
  readonly seq: number;
  readonly batch: number;
  readonly key: string;
  readonly genome: readonly number[];
  readonly status: 'ok' | 'rejected' | 'error';
  /** Why a point was rejected (illegal knobs) or failed. */
  readonly reason?: string;
  readonly metrics?: StoredMetrics;
  /** Minimised objective vector (absent unless `ok`). */
  readonly objectives?: readonly number[];
  /** Total relative budget excess; 0 = within every budget. */
  readonly violation: number;
  /** Which strategy proposed it and, for generational ones, the generation. */
  readonly origin: string;
}

/** The line that closes a batch: a batch without it was cut off and is evaluated again on resume. */
export interface BatchMarker {
  readonly type: 'batch';
  readonly batch: number;
  readonly count: number;
}

/** Any journal line. */
export type JournalLine = JournalHeader | EvaluationRecord | BatchMarker;
