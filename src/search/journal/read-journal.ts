/**
 * Reads a sweep journal: the header, the records of complete batches, and what had to be dropped — a torn
 * last line (a kill during a write) or the records of a batch whose closing marker never made it.
 */
import { fail } from '../../util/errors.js';
import { JOURNAL_SCHEMA, type BatchMarker, type EvaluationRecord, type JournalHeader } from './records.js';

/** A parsed journal. */
export interface JournalContents {
  readonly header: JournalHeader;
  /** Records of complete batches, in file order. */
  readonly records: readonly EvaluationRecord[];
  /** Number of complete batches. */
  readonly batches: number;
  /** Lines that were dropped and why (shown to the user on resume). */
  readonly dropped: readonly string[];
  /** Bytes from the start of the file through the last complete batch (resume truncates to this). */
  readonly validBytes: number;
}

/** Parses journal text; a damaged line other than a torn last one is a one-line error naming the line. */
export function parseJournal(text: string, file: string): JournalContents {
  const lines = text.split('\n');
  const dropped: string[] = [];
  const tail = lines.pop() ?? '';
  if (tail.trim() !== '') dropped.push('a torn last line (the run was killed while writing it)');
  if (lines.length === 0) fail('corrupt-file', file, 'the journal is empty (no header line)');
  let header: JournalHeader;
  try {
    header = JSON.parse(lines[0]) as JournalHeader;
  } catch {
    fail('corrupt-file', file, 'line 1: the header is not valid JSON');
  }
  if (header.type !== 'header') fail('corrupt-file', file, 'line 1: not an hlsdse journal header');
  if (header.schema !== JOURNAL_SCHEMA) fail('corrupt-file', file, `journal schema ${header.schema} is not supported (expected ${JOURNAL_SCHEMA})`);
  const records: EvaluationRecord[] = [];
  let pending: EvaluationRecord[] = [];
  let batches = 0;
  let offset = Buffer.byteLength(lines[0], 'utf8') + 1;
  let validBytes = offset;
  for (let i = 1; i < lines.length; i++) {
    offset += Buffer.byteLength(lines[i], 'utf8') + 1;
    if (lines[i].trim() === '') continue;
    let line: EvaluationRecord | BatchMarker;
    try {
      line = JSON.parse(lines[i]) as EvaluationRecord | BatchMarker;
    } catch {
      fail('corrupt-file', file, `line ${i + 1}: not valid JSON (only the last line may be torn)`);
    }
    if (line.type === 'point') pending.push(line);
    else if (line.type === 'batch') {
      if (line.count !== pending.length) fail('corrupt-file', file, `line ${i + 1}: batch ${line.batch} closes ${pending.length} records, expected ${line.count}`);
      records.push(...pending);
      pending = [];
      batches++;
      validBytes = offset;
    } else fail('corrupt-file', file, `line ${i + 1}: unknown line type ${JSON.stringify((line as { type?: unknown }).type)}`);
  }
  if (pending.length > 0) dropped.push(`${pending.length} record(s) of batch ${pending[0].batch}, which was cut off (it is evaluated again)`);
  return { header, records, batches, dropped, validBytes };
}

/** The header fields in which two journals differ (model, design space, seed, strategy, …). */
export function headerDifferences(found: JournalHeader, expected: JournalHeader): string[] {
  const checks: [string, unknown, unknown][] = [
    ['model', found.model.hash, expected.model.hash],
    ['design space', found.space.hash, expected.space.hash],
    ['seed', found.seed, expected.seed],
    ['strategy', found.strategy, expected.strategy],
    ['objectives', found.objectives.join(','), expected.objectives.join(',')],
    ['budgets', found.budgets.join(','), expected.budgets.join(',')],
    ['calibration', found.calibration.hash, expected.calibration.hash],
    ['batch size', found.batchSize, expected.batchSize],
  ];
  return checks.filter(([, a, b]) => a !== b).map(([name]) => name);
}

/** Why a journal cannot be resumed with the run described by `expected`; undefined when it can. */
export function headerMismatch(found: JournalHeader, expected: JournalHeader): string | undefined {
  const diff = headerDifferences(found, expected);
  return diff.length > 0 ? `the journal was written for a different ${diff.join(', ')}` : undefined;
}

/** Joins journals of the same run written on several machines: records deduplicated by point key, in order. */
export function mergeJournals(journals: readonly JournalContents[], files: readonly string[]): JournalContents {
  const [first] = journals;
  journals.forEach((j, i) => {
    // Runs with other seeds or strategies over the same model, space, objectives and budgets merge fine.
    const diff = headerDifferences(j.header, first.header).filter((d) => d !== 'seed' && d !== 'strategy' && d !== 'batch size');
    if (diff.length > 0) fail('bad-config', files[i], `cannot merge with ${files[0]}: written for a different ${diff.join(', ')}`);
  });
  const seen = new Set<string>();
  const records: EvaluationRecord[] = [];
  for (const j of journals) {
    for (const r of j.records) {
      if (seen.has(r.key)) continue;
      seen.add(r.key);
      records.push(r);
    }
  }
  return { header: first.header, records, batches: journals.reduce((s, j) => s + j.batches, 0), dropped: journals.flatMap((j) => j.dropped), validBytes: first.validBytes };
}
