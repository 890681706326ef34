/**
 * FPGA device lookup: turns a part string as users and tools write it (`xcvu13p-flga2577-2-e`,
 * `xc7z020clg400-1`, Vivado's `7z020clg400-1`, or the bare `xcu250`) into the part's resource totals.
 */
import { fail } from '../util/errors.js';
import { DEVICES, type Device } from './device-data.js';

export { DEVICES, type Device, type DeviceFamily, type DspType } from './device-data.js';

/** Lower-cased, trimmed, with the `xc` prefix Vivado's report header drops put back. */
export function normalisePart(part: string): string {
  const p = part.trim().toLowerCase();
  return p.startsWith('xc') ? p : `xc${p}`;
}

/** The longest known base name that starts `part` and is not followed by a digit (`xcu50` ≠ `xcu500`). */
export function findDevice(part: string): Device | undefined {
  const p = normalisePart(part);
  let best: Device | undefined;
  for (const d of DEVICES) {
    if (!p.startsWith(d.name) || /\d/.test(p.charAt(d.name.length))) continue;
    if (!best || d.name.length > best.name.length) best = d;
  }
  return best;
}

/** Looks a part up; an unknown part is a `bad-config` error that lists the known base names. */
export function lookupDevice(part: string): Device {
  const d = findDevice(part);
  if (!d) {
    fail('bad-config', undefined, `unknown FPGA part '${part}': known parts are ${DEVICES.map((x) => x.name).join(', ')}`);
  }
  return d;
}
