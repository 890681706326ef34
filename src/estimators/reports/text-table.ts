/**
 * Tokeniser for the ASCII tables Vivado and Vivado/Vitis HLS print: `+---+` border lines separate groups of
 * `|cell|cell|` rows. A table is returned as its groups of rows, the first group being the header.
 */

/** One `|`-table: `groups[0]` holds the header rows, later groups the body rows between borders. */
export interface TextTable {
  readonly groups: readonly (readonly (readonly string[])[])[];
  /** Index of the table's first line in the source lines. */
  readonly startLine: number;
  /** Index of the first line after the table. */
  readonly endLine: number;
}

/** True for a border line such as `+-----+----+` (leading blanks and tabs allowed). */
export function isBorderLine(line: string): boolean {
  return /^\s*\+[-+]+\+\s*$/.test(line);
}

/** True for a table row such as `|a |b |` (leading blanks and tabs allowed). */
export function isRowLine(line: string): boolean {
  return /^\s*\|.*\|\s*$/.test(line);
}

/** Splits a table row into its cells, trimmed: `|ap_clk  | 5.00 ns |` → `['ap_clk', '5.00 ns']`. */
export function splitRow(line: string): string[] {
  const inner = line.trim().slice(1, -1);
  return inner.split('|').map((c) => c.trim());
}

/** Reads the table whose first border is at `lines[start]`; undefined when no table starts there. */
export function readTableAt(lines: readonly string[], start: number): TextTable | undefined {
  if (!isBorderLine(lines[start] ?? '')) return undefined;
  const groups: string[][][] = [];
  let current: string[][] = [];
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (isBorderLine(line)) {
      if (current.length > 0) groups.push(current);
      current = [];
    } else if (isRowLine(line)) current.push(splitRow(line));
    else break;
  }
  if (current.length > 0) groups.push(current);
  return groups.length > 0 ? { groups, startLine: start, endLine: i } : undefined;
}

/**
 * Finds the first table after the line matching `marker` within `[from, to)`; undefined when the marker is
 * missing or is followed by `N/A` (or by another marker) instead of a table.
 */
export function tableAfter(lines: readonly string[], marker: RegExp, from = 0, to = lines.length): TextTable | undefined {
  let i = from;
  while (i < to && !marker.test(lines[i])) i++;
  for (i++; i < to; i++) {
    const t = lines[i].trim();
    if (t === '') continue;
    if (isBorderLine(lines[i])) return readTableAt(lines, i);
    return undefined;
  }
  return undefined;
}

/** The body rows of a table (every group after the header), in order. */
export function bodyRows(table: TextTable): (readonly string[])[] {
  return table.groups.slice(1).flat();
}

/** The last header row (the one holding the column names), or an empty row when the table has none. */
export function headerRow(table: TextTable): readonly string[] {
  return table.groups[0]?.at(-1) ?? [];
}

/** The body row whose first cell equals `name` exactly (e.g. `Total`, `Available`). */
export function rowNamed(table: TextTable, name: string): readonly string[] | undefined {
  return bodyRows(table).find((r) => r[0] === name);
}
