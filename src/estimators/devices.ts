/**
 * FPGA device lookup: turns a part string as users and tools write it (`xcvu13p-flga2577-2-e`,
 * `xc7z020clg400-1`, Vivado's `7z020clg400-1`, or the bare `xcu250`) into the part's resource totals and, where the
 * string names one, its speed grade.
 */
import { fail } from '../util/errors.js';
import { DEVICES, type Device } from './device-data.js';

export { DEVICES, type Device, type DeviceFamily, type DspType } from './device-data.js';

/** Lower-cased, trimmed, with the `xc` prefix Vivado's report header drops put back. */
export function normalisePart(part: string): string {
  const p = part.trim().toLowerCase();
  return p.startsWith('xc') ? p : `xc${p}`;
}

/** A device as a part string names it: the base device's totals plus the speed grade the string carries. */
export interface Part extends Device {
  /** Speed grade (1 slowest … 3 fastest) when the part string names one ({@link speedGradeOf}). */
  readonly speedGrade?: number;
}

/**
 * The speed grade a part string names: the last dash-separated field that starts with a digit 1–3 (`-1`, `-2L`,
 * `-2MP`), before the temperature/voltage suffixes (`-e`, `-i`); undefined when there is none (`xcu250`).
 * Xilinx ordering codes put the grade after the package (`xczu9eg-ffvb1156-2-e`: grade −2, extended temperature).
 */
export function speedGradeOf(part: string): number | undefined {
  const fields = normalisePart(part).split('-');
  for (let i = fields.length - 1; i >= 1; i--) {
    const m = /^([1-3])[a-z]*$/.exec(fields[i]);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** The longest known base name that starts `part` and is not followed by a digit (`xcu50` ≠ `xcu500`). */
export function findDevice(part: string): Part | undefined {
  const p = normalisePart(part);
  let best: Device | undefined;
  for (const d of DEVICES) {
    if (!p.startsWith(d.name) || /\d/.test(p.charAt(d.name.length))) continue;
    if (!best || d.name.length > best.name.length) best = d;
  }
  if (!best) return undefined;
  const speedGrade = speedGradeOf(p);
  return speedGrade === undefined ? best : { ...best, speedGrade };
}

/** Looks a part up; an unknown part is a `bad-config` error that lists the known base names. */
export function lookupDevice(part: string): Part {
  const d = findDevice(part);
  if (!d) {
    fail('bad-config', undefined, `unknown FPGA part '${part}': known parts are ${DEVICES.map((x) => x.name).join(', ')}`);
  }
  return d;
}
