/**
 * Appends to a sweep journal: each batch (its records and closing marker) in one write on an O_APPEND file
 * descriptor, then fsync, so a kill at any moment loses at most the batch in flight.
 */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import type { EvaluationRecord, JournalHeader } from './records.js';

/** An open journal. */
export class JournalWriter {
  private fd: number | undefined;

  private constructor(readonly file: string, fd: number) {
    this.fd = fd;
  }

  /** Creates a new journal (fails if the file exists) and writes its header. */
  static create(file: string, header: JournalHeader): JournalWriter {
    const w = new JournalWriter(file, openSync(file, 'wx'));
    w.writeDurably(`${JSON.stringify(header)}\n`);
    return w;
  }

  /** Opens an existing journal for appending (after it was read and checked). */
  static append(file: string): JournalWriter {
    return new JournalWriter(file, openSync(file, 'a'));
  }

  /** Appends one batch of records and its closing marker durably. */
  writeBatch(batch: number, records: readonly EvaluationRecord[]): void {
    const lines = records.map((r) => JSON.stringify(r));
    lines.push(JSON.stringify({ type: 'batch', batch, count: records.length }));
    this.writeDurably(`${lines.join('\n')}\n`);
  }

  /** Appends text that is not a batch (e.g. the newline that seals a torn tail). */
  writeRaw(text: string): void {
    this.writeDurably(text);
  }

  /** Closes the file. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private writeDurably(text: string): void {
    if (this.fd === undefined) throw new Error(`journal ${this.file} is closed`);
    const buf = Buffer.from(text, 'utf8');
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off);
    fsyncSync(this.fd);
  }
}
