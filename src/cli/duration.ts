/** Durations as users write them on the command line: `8h`, `30m`, `90s`, `1h30m`, `500ms`. */
import { fail } from '../util/errors.js';

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses a duration into milliseconds; a malformed one is a one-line error naming the flag. */
export function parseDuration(text: string, flag = '--time'): number {
  const parts = [...text.trim().matchAll(/(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)/g)];
  const rebuilt = parts.map((p) => p[0]).join('');
  if (parts.length === 0 || rebuilt.replace(/\s/g, '') !== text.replace(/\s/g, '')) {
    fail('bad-flag', flag, `cannot read duration '${text}' (e.g. 8h, 30m, 90s, 1h30m)`);
  }
  return parts.reduce((ms, p) => ms + Number(p[1]) * UNITS[p[2]], 0);
}
