/**
 * The one error type that crosses module boundaries: it carries the file (or flag) at fault and a one-line
 * message, so the CLI can print `error: <file>: <what is wrong>` and exit non-zero.
 */

/** Exit code for bad user input (a file, a flag, a config). */
export const EXIT_BAD_INPUT = 2;
/** Exit code for a run that failed for another reason. */
export const EXIT_FAILED = 1;

/** Machine-readable category of an {@link HlsdseError}. */
export type ErrorCode =
  | 'file-not-found'
  | 'corrupt-file'
  | 'unsupported-format'
  | 'unsupported-layer'
  | 'model-mismatch'
  | 'bad-precision'
  | 'bad-config'
  | 'bad-flag'
  | 'internal';

/** A user-facing error: `file` names what was being read, `message` is one line saying what is wrong. */
export class HlsdseError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly file: string | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message.replace(/\s*\n\s*/g, ' '), options);
    this.name = 'HlsdseError';
  }

  /** The line printed on stderr: `error: <file>: <message>`. */
  get line(): string {
    return this.file ? `error: ${this.file}: ${this.message}` : `error: ${this.message}`;
  }

  /** Exit code for this error: 1 for internal failures, 2 for everything the user can fix. */
  get exitCode(): number {
    return this.code === 'internal' ? EXIT_FAILED : EXIT_BAD_INPUT;
  }
}

/** Shorthand for throwing an {@link HlsdseError} about a file. */
export function fail(code: ErrorCode, file: string | undefined, message: string, cause?: unknown): never {
  throw new HlsdseError(code, file, message, cause === undefined ? undefined : { cause });
}

/** Wraps any thrown value into an {@link HlsdseError} attributed to `file` (kept as is if it already is one). */
export function asHlsdseError(err: unknown, file: string | undefined, code: ErrorCode = 'corrupt-file'): HlsdseError {
  if (err instanceof HlsdseError) return err;
  const msg = err instanceof Error ? err.message : String(err);
  return new HlsdseError(code, file, msg, { cause: err });
}
