import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JournalWriter } from '../../../src/search/journal/journal-writer.js';
import { headerMismatch, mergeJournals, parseJournal } from '../../../src/search/journal/read-journal.js';
import { JOURNAL_SCHEMA, type EvaluationRecord, type JournalHeader } from '../../../src/search/journal/records.js';
import { scratchDir } from '../../helpers/tmp.js';

const dir = scratchDir('journal');
const header: JournalHeader = {
  type: 'header',
  schema: JOURNAL_SCHEMA,
  tool: 'hlsdse',
  version: '0.1.0',
  model: { name: 'm', hash: 'h1', files: ['m.json'] },
  space: { hash: 's1', size: '100', knobs: [{ id: 'fc1.reuseFactor', values: [1, 2] }] },
  seed: 7,
  strategy: 'random',
  objectives: ['lut', 'latency'],
  budgets: ['LUT=1000'],
  budgetAtUpper: false,
  calibration: { id: 'default', hash: 'c1' },
  batchSize: 3,
};
const rec = (seq: number, batch: number): EvaluationRecord => ({
  type: 'point',
  seq,
  batch,
  key: `k${seq}`,
  genome: [seq % 2],
  status: 'ok',
  metrics: { lut: [seq * 10, seq * 9, seq * 11] },
  objectives: [seq * 10, 5],
  violation: 0,
  origin: 'random',
});

function writeJournal(file: string, batches: number): string {
  const w = JournalWriter.create(file, header);
  for (let b = 0; b < batches; b++) w.writeBatch(b, [rec(3 * b, b), rec(3 * b + 1, b), rec(3 * b + 2, b)]);
  w.close();
  return readFileSync(file, 'utf8');
}

describe('sweep journal', () => {
  it('round-trips header and records batch by batch', () => {
    const file = join(dir, 'a.jsonl');
    const text = writeJournal(file, 4);
    const j = parseJournal(text, file);
    expect(j.header).toEqual(header);
    expect(j.records.map((r) => r.seq)).toEqual([...Array(12).keys()]);
    expect(j.batches).toBe(4);
    expect(j.dropped).toEqual([]);
    expect(j.validBytes).toBe(Buffer.byteLength(text));
  });

  it('survives a cut at any byte: keeps whole batches only and says what it dropped', () => {
    const file = join(dir, 'b.jsonl');
    const text = writeJournal(file, 3);
    const headerBytes = text.indexOf('\n') + 1;
    fc.assert(
      fc.property(fc.integer({ min: headerBytes, max: text.length }), (cut) => {
        const j = parseJournal(text.slice(0, cut), file);
        expect(j.records.length % 3).toBe(0);
        expect(j.records.length).toBe(j.batches * 3);
        expect(text.slice(0, j.validBytes).endsWith('\n')).toBe(true);
        // what is kept is a prefix of the uninterrupted journal
        expect(text.startsWith(text.slice(0, j.validBytes))).toBe(true);
        if (cut < text.length) expect(j.batches).toBeLessThan(3);
      }),
      { seed: 5, numRuns: 200 },
    );
  });

  it('refuses damage in the middle, naming the line', () => {
    const file = join(dir, 'c.jsonl');
    const lines = writeJournal(file, 2).split('\n');
    lines[2] = '{"type":"point", oops';
    expect(() => parseJournal(lines.join('\n'), file)).toThrow('line 3: not valid JSON (only the last line may be torn)');
    expect(() => parseJournal('', file)).toThrow();
    expect(() => parseJournal('{"type":"nope"}\n', file)).toThrow('line 1: not an hlsdse journal header');
  });

  it('names what changed when a resume does not match', () => {
    expect(headerMismatch(header, header)).toBeUndefined();
    expect(headerMismatch(header, { ...header, seed: 8, space: { ...header.space, hash: 's2' } })).toBe('the journal was written for a different design space, seed');
  });

  it('merges journals of the same run from several machines, deduplicated', () => {
    const a = parseJournal(writeJournal(join(dir, 'm1.jsonl'), 2), 'm1');
    const b = parseJournal(writeJournal(join(dir, 'm2.jsonl'), 3), 'm2');
    const m = mergeJournals([a, { ...b, header: { ...b.header, seed: 9 } }], ['m1', 'm2']);
    expect(m.records.map((r) => r.key)).toEqual([...Array(9).keys()].map((i) => `k${i}`));
    expect(() => mergeJournals([a, { ...b, header: { ...b.header, objectives: ['dsp'] } }], ['m1', 'm2'])).toThrow('cannot merge with m1: written for a different objectives');
  });
});

describe('streamed journal', async () => {
  const { streamJournal } = await import('../../../src/search/journal/stream-journal.js');
  const { writeFileSync } = await import('node:fs');
  it('agrees with the in-memory reader at every cut', async () => {
    const file = join(dir, 's.jsonl');
    const text = writeJournal(file, 3);
    for (let cut = text.indexOf('\n') + 1; cut <= text.length; cut += 7) {
      const part = join(dir, `s-${cut}.jsonl`);
      writeFileSync(part, text.slice(0, cut));
      const mem = parseJournal(text.slice(0, cut), part);
      const seen: number[] = [];
      const s = await streamJournal(part, { onBatch: (_b, recs) => seen.push(...recs.map((r) => r.seq)) });
      expect(seen).toEqual(mem.records.map((r) => r.seq));
      expect(s.validBytes).toBe(mem.validBytes);
      expect(s.dropped).toEqual(mem.dropped);
      expect(s.header).toEqual(mem.header);
    }
  });
});
