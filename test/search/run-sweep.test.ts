/** The sweep driver: journal, archive, stop conditions, and a resume after a cut at any byte. */
import fc from 'fast-check';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJournal } from '../../src/search/journal/stream-journal.js';
import { JOURNAL_SCHEMA, type JournalHeader } from '../../src/search/journal/records.js';
import { parseBudgets } from '../../src/search/budgets.js';
import { parseObjectives } from '../../src/search/objectives.js';
import { runSweep, type PointOutcome, type SweepSpec } from '../../src/search/run-sweep.js';
import type { DesignSpace, Genome } from '../../src/search/space/design-space.js';
import { strategyById } from '../../src/search/strategies/registry.js';
import { lookupDevice } from '../../src/estimators/devices.js';
import { scratchDir } from '../helpers/tmp.js';

const dir = scratchDir('sweep');
const knobs = [4, 5, 6, 3].map((n, i) => ({ id: `l${i}.reuseFactor`, name: 'reuseFactor' as const, layers: [`l${i}`], values: [...Array(n).keys()].map((v) => 2 ** v) }));
const space: DesignSpace = {
  graphHash: 'g',
  knobs,
  base: { ioType: 'io_parallel', part: 'xcvu13p', clockPeriodNs: 5, bramFactor: Infinity, layers: {} },
  fifoPolicy: 'sized',
  size: 360n,
  hash: 'space-hash',
};
/** A cost model with a real trade-off: more reuse → fewer LUTs, more latency; one illegal corner. */
async function evaluate(genomes: readonly Genome[]): Promise<PointOutcome[]> {
  return genomes.map((g) => {
    if (g[0] === 3 && g[1] === 4) return { status: 'rejected', reason: 'l0: illegal corner' };
    const rf = g.map((v) => 2 ** v);
    const lut = rf.reduce((s, r, i) => s + (1000 * (i + 1)) / r, 0);
    const latency = rf.reduce((s, r) => s + r + 2, 0);
    const iv = (v: number) => ({ mean: v, lo: v * 0.9, hi: v * 1.1 });
    return { status: 'ok', metrics: { lut: iv(lut), latency: iv(latency), dsp: iv(lut / 100) } };
  });
}
const header = (seed: number): JournalHeader => ({
  type: 'header',
  schema: JOURNAL_SCHEMA,
  tool: 'hlsdse',
  version: 'test',
  model: { name: 'm', hash: 'g', files: [] },
  space: { hash: space.hash, size: '360', knobs: knobs.map((k) => ({ id: k.id, values: k.values })) },
  seed,
  strategy: 'nsga2',
  objectives: ['lut', 'latency'],
  budgets: ['DSP=50'],
  budgetAtUpper: false,
  calibration: { id: 'test', hash: 'c' },
  batchSize: 16,
});
const spec = (file: string, resume: boolean, strategy = 'nsga2', maxEvals = 160): SweepSpec => ({
  space,
  strategy: strategyById(strategy),
  objectives: parseObjectives('lut,latency'),
  budgets: parseBudgets('DSP=50', lookupDevice('xcvu13p')),
  budgetAtUpper: false,
  seed: 3,
  maxEvals,
  batchSize: 16,
  header: { ...header(3), strategy },
  journalFile: file,
  resume,
});
const frontKeys = async (file: string) => {
  const j = await readJournal(file);
  return j.recordList.map((r) => `${r.key}:${r.status}:${r.violation}`);
};

describe('runSweep', () => {
  it('evaluates up to max-evals, journals every point and keeps a feasible front', async () => {
    const file = join(dir, 'a.jsonl');
    const r = await runSweep(spec(file, false), { evaluate });
    expect(r.evaluated).toBe(160);
    expect(r.stoppedBy).toBe('max-evals');
    const j = await readJournal(file);
    expect(j.recordList).toHaveLength(160);
    expect(r.archive.front().every((e) => e.payload.violation === 0)).toBe(true);
    expect(r.rejected).toBe(j.recordList.filter((x) => x.status === 'rejected').length);
  });

  it('refuses to overwrite a journal and to resume a different run', async () => {
    const file = join(dir, 'b.jsonl');
    await runSweep(spec(file, false, 'random', 32), { evaluate });
    await expect(runSweep(spec(file, false, 'random', 32), { evaluate })).rejects.toThrow('a journal already exists here; use --resume');
    await expect(runSweep({ ...spec(file, true, 'random', 64), seed: 4, header: { ...header(4), strategy: 'random' } }, { evaluate })).rejects.toThrow('cannot resume: the journal was written for a different seed');
  });

  it('stops cleanly when asked between batches', async () => {
    let batches = 0;
    const r = await runSweep(spec(join(dir, 'c.jsonl'), false), { evaluate, shouldStop: () => batches >= 3, onBatch: (s) => (batches = s.batches) });
    expect(r.stoppedBy).toBe('stopped');
    expect(r.evaluated).toBe(48);
  });

  it.each(['nsga2', 'random', 'annealing', 'exhaustive', 'auto'])('%s: a run cut at any byte and resumed equals the uninterrupted run', async (strategy) => {
    const whole = join(dir, `whole-${strategy}.jsonl`);
    await runSweep(spec(whole, false, strategy), { evaluate });
    const text = readFileSync(whole, 'utf8');
    const expected = await frontKeys(whole);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: text.indexOf('\n') + 1, max: text.length }), async (cut) => {
        const file = join(dir, `cut-${strategy}-${n++}.jsonl`);
        writeFileSync(file, text);
        truncateSync(file, cut);
        await runSweep(spec(file, true, strategy), { evaluate });
        expect(await frontKeys(file)).toEqual(expected);
      }),
      { seed: 9, numRuns: 8 },
    );
  });
});
