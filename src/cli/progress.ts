/**
 * Sweep progress on stderr: one line redrawn in place on a terminal, plain periodic lines otherwise (CI logs).
 * Shows points done, rate, front size, best value of the first objective, and ETA.
 */

/** What a progress update reports. */
export interface ProgressState {
  readonly evaluated: number;
  readonly total: number;
  readonly feasible: number;
  readonly front: number;
  readonly best?: string;
}

/** A progress printer; `clock` is injectable for tests. */
export class Progress {
  private readonly start: number;
  private lastPrint = 0;

  constructor(
    private readonly tty: boolean,
    private readonly clock: () => number = () => Date.now(),
    private readonly everyMs = 10_000,
  ) {
    this.start = clock();
  }

  /** Reports the state (throttled when not on a terminal). */
  update(s: ProgressState, force = false): void {
    const now = this.clock();
    if (!this.tty && !force && now - this.lastPrint < this.everyMs) return;
    this.lastPrint = now;
    const line = formatProgress(s, now - this.start);
    process.stderr.write(this.tty ? `\r\x1b[2K${line}` : `${line}\n`);
  }

  /** Ends the in-place line on a terminal. */
  done(): void {
    if (this.tty) process.stderr.write('\n');
  }
}

/** The progress line for a state after `elapsedMs`. */
export function formatProgress(s: ProgressState, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? (s.evaluated / elapsedMs) * 1000 : 0;
  const left = Number.isFinite(s.total) ? Math.max(0, s.total - s.evaluated) : Number.NaN;
  const eta = rate > 0 && Number.isFinite(left) ? `${Math.ceil(left / rate)} s` : '?';
  const pct = Number.isFinite(s.total) && s.total > 0 ? ` (${((100 * s.evaluated) / s.total).toFixed(1)} %)` : '';
  return `${s.evaluated}/${Number.isFinite(s.total) ? s.total : '∞'} points${pct}  ${rate.toFixed(0)} pts/s  feasible ${s.feasible}  front ${s.front}${s.best ? `  best ${s.best}` : ''}  ETA ${eta}`;
}
