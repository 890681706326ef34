/**
 * The base of every hlsdse command: shared flags, and the one error path — `error: <file>: <what is wrong>`
 * on stderr, exit 2 for bad input and 1 for failures, a stack trace only with `--debug`.
 */
import { Command, Flags } from '@oclif/core';
import { EXIT_BAD_INPUT, EXIT_FAILED, HlsdseError } from '../util/errors.js';

/** Base class of hlsdse commands. */
export abstract class BaseCommand extends Command {
  static override baseFlags = {
    debug: Flags.boolean({ description: 'Print stack traces of errors.', default: false, helpGroup: 'GLOBAL' }),
  };

  /** Writes a line to stdout (data and tables). */
  protected out(text: string): void {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** Writes a line to stderr (progress, warnings). */
  protected note(text: string): void {
    process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** Prints data as pretty JSON on stdout. */
  protected printJson(value: unknown): void {
    this.out(JSON.stringify(value, (_k, v: unknown) => (v === Number.POSITIVE_INFINITY ? 'inf' : v), 2));
  }

  protected override async catch(err: Error & { exitCode?: number; oclif?: { exit?: number } }): Promise<void> {
    const debug = process.argv.includes('--debug');
    // A failed parse is still a parse: stops oclif's "did not parse its arguments" warning in development.
    (this as unknown as { parsed: boolean }).parsed = true;
    if (err.oclif?.exit === 0) return;
    let line: string;
    let code: number;
    if (err instanceof HlsdseError) {
      line = err.line;
      code = err.exitCode;
    } else if (err.oclif?.exit !== undefined || err.name === 'CLIError' || /flag|argument/i.test(err.constructor?.name ?? '')) {
      // oclif's own parse errors (unknown flag, missing argument, bad option value): bad input.
      line = `error: ${err.message.split('\n').filter((l) => l.trim() && !/See more help/.test(l)).join(' ').trim()}`;
      code = EXIT_BAD_INPUT;
    } else {
      line = `error: ${err.message.replace(/\s*\n\s*/g, ' ')}`;
      code = EXIT_FAILED;
    }
    process.stderr.write(`${line}\n`);
    if (debug && err.stack) process.stderr.write(`${err.stack}\n`);
    process.exitCode = code;
  }
}
