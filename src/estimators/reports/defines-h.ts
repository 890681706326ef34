/**
 * Parses hls4ml's `firmware/defines.h`: the `typedef <type> <name>;` lines that give every layer's C++ type
 * (`input_t`, `layer2_t`, `weight2_t`, `fc1_accum_t`, …).
 * @see /work/shared/docs/hls4ml.md §5
 */
import { fail } from '../../util/errors.js';

/** Parses the text of a `defines.h` into `{ name: type }`; `file` is only used in error messages. */
export function parseDefinesH(text: string, file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^\s*typedef\s+(.+?)\s+(\w+)\s*;\s*$/gm)) out[m[2]] = m[1].replace(/\s+/g, ' ');
  if (Object.keys(out).length === 0) fail('corrupt-file', file, 'no "typedef <type> <name>;" lines: not an hls4ml defines.h');
  return out;
}
