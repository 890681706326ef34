/**
 * Parses Vivado's `report_utilization` text (hls4ml's `vivado_synth.rpt`) into a {@link VivadoSynthReport}.
 * Sections are found by title (7-series `Slice Logic` / `Memory` / `DSP`, UltraScale `CLB Logic` /
 * `BLOCKRAM` / `ARITHMETIC`), and the `Used` column is read by its header.
 * Block RAM: the "Block RAM Tile" row counts 36 Kb tiles (may end in .5), converted here to 18 Kb units (×2).
 * @see /work/shared/docs/hls4ml.md §6.2; Xilinx UG573 (a 36 Kb block RAM holds two 18 Kb RAMs)
 */
import { fail } from '../../util/errors.js';
import { bodyRows, headerRow, readTableAt, isBorderLine, type TextTable } from './text-table.js';
import type { VivadoSynthReport } from './types.js';

/** Numbered section titles of interest, by what they hold. */
const SECTIONS = {
  logic: /^(Slice Logic|CLB Logic)$/,
  memory: /^(Memory|BLOCKRAM)$/,
  dsp: /^(DSP|ARITHMETIC)$/,
} as const;

/** The first table of the numbered section whose title matches `title` (`2. Memory` → its table). */
function sectionTable(lines: readonly string[], title: RegExp): TextTable | undefined {
  for (let i = 0; i < lines.length; i++) {
    const m = /^\d+\.\s+(.+?)\s*$/.exec(lines[i]);
    if (!m || !title.test(m[1]) || !/^-+$/.test((lines[i + 1] ?? '').trim())) continue;
    for (let j = i + 2; j < lines.length && !/^\d+\.\d*\s+\S/.test(lines[j]); j++) {
      if (isBorderLine(lines[j])) return readTableAt(lines, j);
    }
  }
  return undefined;
}

/** The `Used` value of the row whose site type (trailing `*` dropped) matches one of `names`. */
function usedOf(file: string, table: TextTable | undefined, names: readonly string[]): number | undefined {
  if (!table) return undefined;
  const used = headerRow(table).findIndex((h) => h === 'Used');
  if (used < 0) fail('corrupt-file', file, `table '${headerRow(table).join('|')}' has no 'Used' column`);
  const row = bodyRows(table).find((r) => names.includes(r[0].replace(/\*$/, '').trim()));
  if (!row) return undefined;
  const n = Number(row[used]);
  if (!Number.isFinite(n)) fail('corrupt-file', file, `'${row[0]}': expected a number in 'Used', got ${JSON.stringify(row[used])}`);
  return n;
}

/** Parses the text of a Vivado utilisation report; `file` is only used in error messages. */
export function parseVivadoSynthRpt(text: string, file: string): VivadoSynthReport {
  const lines = text.split(/\r?\n/);
  if (!lines.some((l) => /Utilization Design Information|report_utilization/.test(l))) {
    fail('unsupported-format', file, 'no "Utilization Design Information" header: not a Vivado report_utilization file');
  }
  const logic = sectionTable(lines, SECTIONS.logic);
  const lut = usedOf(file, logic, ['Slice LUTs', 'CLB LUTs']);
  const ff = usedOf(file, logic, ['Slice Registers', 'CLB Registers']);
  if (lut === undefined || ff === undefined) {
    fail('corrupt-file', file, "no 'Slice LUTs'/'CLB LUTs' and registers rows: the Slice Logic section is missing or truncated");
  }
  const memory = sectionTable(lines, SECTIONS.memory);
  const tiles = usedOf(file, memory, ['Block RAM Tile']);
  if (tiles === undefined) fail('corrupt-file', file, "no 'Block RAM Tile' row: the Memory section is missing or truncated");
  const dsp = usedOf(file, sectionTable(lines, SECTIONS.dsp), ['DSPs']);
  if (dsp === undefined) fail('corrupt-file', file, "no 'DSPs' row: the DSP section is missing or truncated");
  const device = lines.map((l) => /^\|\s*Device\s*:\s*(\S+)/.exec(l)).find((m) => m)?.[1];
  return {
    lut,
    ff,
    bram18: tiles * 2,
    dsp,
    uram: usedOf(file, memory, ['URAM']) ?? 0,
    ...(device ? { device } : {}),
  };
}
