/**
 * Runs the CLI as a user would, capturing output: the development CLI (`bin/dev.js`, TypeScript sources through
 * tsx) by default, the compiled one (`bin/run.js`) when `npm test` has just built `dist/` and says so through
 * `HLSDSE_TEST_CLI=dist`.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './shared.js';

/** What a CLI run printed and how it ended. */
export interface CliResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

/** Runs `hlsdse <args>` from the repository root. */
export function runCli(args: readonly string[], options: { cwd?: string } = {}): CliResult {
  const entry = process.env.HLSDSE_TEST_CLI === 'dist' ? 'run.js' : 'dev.js';
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', entry), ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_NO_WARNINGS: '1', FORCE_COLOR: '0' },
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}
