/**
 * Reads a journal of any size batch by batch without holding it in memory (an overnight sweep's journal can
 * be gigabytes): the header first, then each complete batch's records in order. A torn last line or a batch
 * cut off before its marker is reported in `dropped`, and a batch is handed on only once its
 * closing marker has been read.
 */
import { createReadStream, openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fail } from '../../util/errors.js';
import { JOURNAL_SCHEMA, type BatchMarker, type EvaluationRecord, type JournalHeader } from './records.js';

/** What streaming a journal found besides the batches. */
export interface StreamSummary {
  readonly header: JournalHeader;
  readonly batches: number;
  readonly records: number;
  readonly dropped: readonly string[];
  /** Bytes through the last complete batch (resume truncates to this). */
  readonly validBytes: number;
}

function endsWithNewline(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return true;
    const b = Buffer.alloc(1);
    readSync(fd, b, 0, 1, size - 1);
    return b[0] === 0x0a;
  } finally {
    closeSync(fd);
  }
}

/**
 * Streams `file`: `onHeader` once, then `onBatch` for every complete batch, in order. Damage before the last
 * line is a one-line error naming the line.
 */
export async function streamJournal(
  file: string,
  handlers: { onHeader?: (h: JournalHeader) => void; onBatch: (batch: number, records: readonly EvaluationRecord[]) => void },
): Promise<StreamSummary> {
  const tornTail = !endsWithNewline(file);
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let header: JournalHeader | undefined;
  let lineNo = 0;
  let offset = 0;
  let validBytes = 0;
  let batches = 0;
  let records = 0;
  let pending: EvaluationRecord[] = [];
  const dropped: string[] = [];
  let last: string | undefined;
  const handle = (text: string, no: number) => {
    if (no === 1) {
      try {
        header = JSON.parse(text) as JournalHeader;
      } catch {
        fail('corrupt-file', file, 'line 1: the header is not valid JSON');
      }
      if (header.type !== 'header') fail('corrupt-file', file, 'line 1: not an hlsdse journal header');
      if (header.schema !== JOURNAL_SCHEMA) fail('corrupt-file', file, `journal schema ${header.schema} is not supported (expected ${JOURNAL_SCHEMA})`);
      handlers.onHeader?.(header);
      validBytes = offset;
      return;
    }
    if (text.trim() === '') return;
    let line: EvaluationRecord | BatchMarker;
    try {
      line = JSON.parse(text) as EvaluationRecord | BatchMarker;
    } catch {
      fail('corrupt-file', file, `line ${no}: not valid JSON (only the last line may be torn)`);
    }
    if (line.type === 'point') pending.push(line);
    else if (line.type === 'batch') {
      if (line.count !== pending.length) fail('corrupt-file', file, `line ${no}: batch ${line.batch} closes ${pending.length} records, expected ${line.count}`);
      handlers.onBatch(line.batch, pending);
      records += pending.length;
      pending = [];
      batches++;
      validBytes = offset;
    } else fail('corrupt-file', file, `line ${no}: unknown line type`);
  };
  for await (const text of lines) {
    // Lines are handled one behind, so the final one can be treated as torn when the file lacks a newline.
    if (last !== undefined) {
      offset += Buffer.byteLength(last, 'utf8') + 1;
      handle(last, lineNo);
    }
    last = text;
    lineNo++;
  }
  if (last !== undefined) {
    if (tornTail) dropped.push('a torn last line (the run was killed while writing it)');
    else {
      offset += Buffer.byteLength(last, 'utf8') + 1;
      handle(last, lineNo);
    }
  }
  if (!header) fail('corrupt-file', file, 'the journal is empty (no header line)');
  if (pending.length > 0) dropped.push(`${pending.length} record(s) of batch ${pending[0].batch}, which was cut off (it is evaluated again)`);
  return { header, batches, records, dropped, validBytes };
}

/** A whole journal read into memory (for small runs, tests and benchmarks). */
export interface JournalContents extends StreamSummary {
  readonly recordList: readonly EvaluationRecord[];
}

/** Reads a whole journal into memory through {@link streamJournal}. */
export async function readJournal(file: string): Promise<JournalContents> {
  const recordList: EvaluationRecord[] = [];
  const s = await streamJournal(file, { onBatch: (_b, recs) => recordList.push(...recs) });
  return { ...s, recordList };
}
