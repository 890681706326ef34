/**
 * Crash-safety check: runs a sweep uninterrupted, then runs the same sweep again killing it with SIGKILL at
 * random moments and resuming it until it finishes, and compares the journals' records and fronts. Prints the
 * result of each trial; asserts nothing. Run: `npm run build && npx tsx benchmarks/resume-kill.ts [trials]`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJournal } from '../src/search/journal/stream-journal.js';
import { frontOf } from '../src/search/run-files.js';
import { createRng } from '../src/util/rng.js';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'bin', existsSync(join(root, 'dist', 'commands')) ? 'run.js' : 'dev.js');
const args = ['sweep', join(root, 'examples', 'models', 'keras', 'KERAS_3layer.json'), '--strategy', 'nsga2', '--max-evals', '30000', '--batch', '500', '--seed', '11', '--workers', '2', '--quiet'];
const trials = Number(process.argv[2] ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'hlsdse-resume-'));
const body = async (run: string) => {
  const j = await readJournal(join(run, 'journal.jsonl'));
  return { records: j.recordList.map((r) => JSON.stringify(r)).join('\n'), front: frontOf(j.recordList).map((r) => r.key).join(',') };
};

const ref = join(dir, 'reference');
const t0 = performance.now();
spawnSync(process.execPath, [cli, ...args, '--out', ref], { stdio: 'ignore' });
const refMs = performance.now() - t0;
const expected = await body(ref);
console.log(`uninterrupted: ${(refMs / 1000).toFixed(1)} s, front ${expected.front.split(',').length} points`);

const rng = createRng(2026);
for (let t = 0; t < trials; t++) {
  const run = join(dir, `trial${t}`);
  let kills = 0;
  for (let attempt = 0; attempt < 50; attempt++) {
    const resume = existsSync(join(run, 'journal.jsonl')) ? ['--resume'] : [];
    const child = spawn(process.execPath, [cli, ...args, '--out', run, ...resume], { stdio: 'ignore' });
    const killAfter = 300 + rng.int(Math.max(1, Math.floor(refMs)));
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfter);
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    clearTimeout(timer);
    if (code === 0) break;
    kills++;
  }
  const got = await body(run);
  console.log(`trial ${t}: killed ${kills}× with SIGKILL; records ${got.records === expected.records ? 'identical' : 'DIFFERENT'}, front ${got.front === expected.front ? 'identical' : 'DIFFERENT'}`);
}
rmSync(dir, { recursive: true, force: true });
