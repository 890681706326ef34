import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JournalWriter } from '../../../src/search/journal/journal-writer.js';
import { headerMismatch, mergeMismatch } from '../../../src/search/journal/header-check.js';
import { readJournal } from '../../../src/search/journal/stream-journal.js';
import { summarizeRuns } from '../../../src/search/run-files.js';
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
  it('round-trips header and records batch by batch', async () => {
    const file = join(dir, 'a.jsonl');
    const text = writeJournal(file, 4);
    const j = await readJournal(file);
    expect(j.header).toEqual(header);
    expect(j.recordList.map((r) => r.seq)).toEqual([...Array(12).keys()]);
    expect(j.batches).toBe(4);
    expect(j.dropped).toEqual([]);
    expect(j.validBytes).toBe(Buffer.byteLength(text));
  });

  it('survives a cut at any byte: keeps whole batches only and says what it dropped', async () => {
    const file = join(dir, 'b.jsonl');
    const text = writeJournal(file, 3);
    const headerBytes = text.indexOf('\n') + 1;
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: headerBytes, max: text.length }), async (cut) => {
        const part = join(dir, `b-${n++}.jsonl`);
        writeFileSync(part, text.slice(0, cut));
        const j = await readJournal(part);
        expect(j.recordList.length % 3).toBe(0);
        expect(j.recordList.length).toBe(j.batches * 3);
        expect(j.dropped.length > 0).toBe(cut > j.validBytes);
        expect(text.slice(0, j.validBytes).endsWith('\n')).toBe(true);
        // what is kept is a prefix of the uninterrupted journal
        expect(text.startsWith(text.slice(0, j.validBytes))).toBe(true);
        if (cut < text.length) expect(j.batches).toBeLessThan(3);
      }),
      { seed: 5, numRuns: 200 },
    );
  });

  it('refuses damage in the middle, naming the line', async () => {
    const file = join(dir, 'c.jsonl');
    const lines = writeJournal(file, 2).split('\n');
    lines[2] = '{"type":"point", oops';
    const at = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    await expect(readJournal(at('c1.jsonl', lines.join('\n')))).rejects.toThrow('line 3: not valid JSON (only the last line may be torn)');
    await expect(readJournal(at('c2.jsonl', ''))).rejects.toThrow();
    await expect(readJournal(at('c3.jsonl', '{"type":"nope"}\n'))).rejects.toThrow('line 1: not an hlsdse journal header');
  });

  it('names what changed when a resume does not match', () => {
    expect(headerMismatch(header, header)).toBeUndefined();
    expect(headerMismatch(header, { ...header, seed: 8, space: { ...header.space, hash: 's2' } })).toBe('the journal was written for a different design space, seed');
  });

  it('merges journals of the same run from several machines, deduplicated on the front', async () => {
    writeJournal(join(dir, 'm1.jsonl'), 2);
    const m2 = join(dir, 'm2.jsonl');
    writeFileSync(m2, writeJournal(join(dir, 'tmp.jsonl'), 3).replace('"seed":7', '"seed":9'));
    const m = await summarizeRuns([join(dir, 'm1.jsonl'), m2]);
    expect(m.evaluated).toBe(6 + 9);
    // every record shares objective[1] = 5 and objective[0] grows with seq: k0 alone is the front, once
    expect(m.front.map((r) => r.key)).toEqual(['k0']);
    expect(mergeMismatch({ ...header, seed: 9, strategy: 'nsga2', batchSize: 8 }, header)).toBeUndefined();
    const m3 = join(dir, 'm3.jsonl');
    writeFileSync(m3, readFileSync(m2, 'utf8').replace('"objectives":["lut","latency"]', '"objectives":["dsp"]'));
    await expect(summarizeRuns([join(dir, 'm1.jsonl'), m3])).rejects.toThrow(`cannot merge with ${join(dir, 'm1.jsonl')}: written for a different objectives`);
  });
});

describe('streamed journal', async () => {
  const { streamJournal } = await import('../../../src/search/journal/stream-journal.js');
  it('keeps exactly the closed batches at every cut', async () => {
    const file = join(dir, 's.jsonl');
    const text = writeJournal(file, 3);
    for (let cut = text.indexOf('\n') + 1; cut <= text.length; cut += 7) {
      const part = join(dir, `s-${cut}.jsonl`);
      writeFileSync(part, text.slice(0, cut));
      const seen: number[] = [];
      const s = await streamJournal(part, { onBatch: (_b, recs) => seen.push(...recs.map((r) => r.seq)) });
      // what is kept is exactly the batches whose closing marker lies within the cut
      const markers = [...text.slice(0, cut).matchAll(/"type":"batch"[^\n]*\n/g)].length;
      expect(seen).toEqual([...Array(3 * markers).keys()]);
      expect(text.slice(0, s.validBytes).endsWith('\n')).toBe(true);
      expect(s.header).toEqual(header);
    }
  });
});
