/** Plain-text tables for terminal output: right-aligned numbers, left-aligned text, one header rule. */

/** A table column: header and alignment. */
export interface Column {
  readonly header: string;
  readonly align?: 'left' | 'right';
}

/** Renders rows under headers with two spaces between columns. */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (columns[i].align === 'right' ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const lines = [fmt(columns.map((c) => c.header)), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)];
  return `${lines.join('\n')}\n`;
}

/** Formats an integer with thousands separators (`4,389`). */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
