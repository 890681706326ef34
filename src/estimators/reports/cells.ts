/**
 * Reading single values out of report cells: counts (`-` means none), latencies (`?` / `undef` mean unknown),
 * times with units (`5.00 ns`, `0.256 ms`) and the hls4ml layer index in a module name (`…_config2_s`).
 */

/** Parses a resource-count cell: digits give the count, `-` and an empty cell give 0, anything else undefined. */
export function countCell(cell: string): number | undefined {
  const t = cell.trim();
  if (t === '-' || t === '') return 0;
  if (!/^\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

/** Parses a cycle-count cell; `?`, `undef`, `-`, `NA` and anything not a whole number give undefined. */
export function cyclesCell(cell: string | undefined): number | undefined {
  if (cell === undefined) return undefined;
  const t = cell.trim();
  return /^\d+$/.test(t) ? Number(t) : undefined;
}

const TIME_UNITS_NS: Readonly<Record<string, number>> = { ps: 1e-3, ns: 1, us: 1e3, ms: 1e6, sec: 1e9, s: 1e9 };

/** Parses a time cell such as `5.00 ns`, `4.049 ns` or a bare `5.00` (taken as ns); undefined if not a time. */
export function nanosecondsCell(cell: string | undefined): number | undefined {
  if (cell === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(cell);
  if (!m) return undefined;
  const scale = m[2] === '' ? 1 : TIME_UNITS_NS[m[2].toLowerCase()];
  return scale === undefined ? undefined : Number(m[1]) * scale;
}

/** The N of the last `config<N>` in an instance or module name (`dense_…_config2_s` → 2), if any. */
export function configIdOf(name: string): number | undefined {
  const all = [...name.matchAll(/config(\d+)(?=_|$)/g)];
  const last = all.at(-1);
  return last ? Number(last[1]) : undefined;
}
