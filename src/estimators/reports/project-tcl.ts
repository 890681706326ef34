/**
 * Reads the project settings hls4ml writes into Tcl: `project.tcl` (`set part "…"`, `set clock_period 5`,
 * hls4ml ≥ 0.8) or, in older projects, `build_prj.tcl` itself (`set_part {…}`, `create_clock -period 5`,
 * `set_top <name>`).
 * @see /work/shared/docs/hls4ml.md §5 and §5.3
 */

/** Settings found in a project's Tcl files; a setting the file does not make is undefined. */
export interface TclProjectSettings {
  readonly projectName?: string;
  readonly backend?: string;
  readonly part?: string;
  readonly clockPeriodNs?: number;
  /** As written: `12.5%` or `0.62` (ns). */
  readonly clockUncertainty?: string;
}

/** Strips `"…"` or `{…}` quoting from a Tcl word. */
function unquote(word: string): string {
  const t = word.trim();
  if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith('{') && t.endsWith('}'))) return t.slice(1, -1).trim();
  return t;
}

/** The value of `set <name> <value>` (last one wins), unquoted. */
function setVar(lines: readonly string[], name: string): string | undefined {
  let v: string | undefined;
  for (const l of lines) {
    const m = new RegExp(`^set\\s+${name}\\s+(.+?)\\s*$`).exec(l);
    if (m) v = unquote(m[1]);
  }
  return v;
}

/** The first capture of `re` over the lines, unquoted. */
function firstMatch(lines: readonly string[], re: RegExp): string | undefined {
  for (const l of lines) {
    const m = re.exec(l);
    if (m) return unquote(m[1]);
  }
  return undefined;
}

/** A literal number (Tcl variables such as `$clock_period` are not resolved and give undefined). */
function literalNumber(v: string | undefined): number | undefined {
  if (v === undefined || !/^\d+(\.\d+)?$/.test(v)) return undefined;
  return Number(v);
}

/** Parses `project.tcl` or `build_prj.tcl` text; pure, never fails (missing settings are undefined). */
export function parseProjectTcl(text: string): TclProjectSettings {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  const projectName = setVar(lines, 'project_name') ?? firstMatch(lines, /^set_top\s+(\S+)/);
  const part = literalPart(setVar(lines, 'part')) ?? literalPart(firstMatch(lines, /^set_part\s+(\{[^}]*\}|"[^"]*"|\S+)/));
  const clock = literalNumber(setVar(lines, 'clock_period')) ?? literalNumber(firstMatch(lines, /^create_clock\s+.*-period\s+(\S+)/));
  const backend = setVar(lines, 'backend');
  const uncertainty = setVar(lines, 'clock_uncertainty') ?? firstMatch(lines, /^set_clock_uncertainty\s+(\S+)/);
  return {
    ...(projectName && !projectName.startsWith('$') ? { projectName } : {}),
    ...(backend ? { backend } : {}),
    ...(part ? { part } : {}),
    ...(clock !== undefined ? { clockPeriodNs: clock } : {}),
    ...(uncertainty && !uncertainty.startsWith('$') ? { clockUncertainty: uncertainty } : {}),
  };
}

/** A part string unless it is a Tcl variable reference. */
function literalPart(v: string | undefined): string | undefined {
  return v && !v.startsWith('$') ? v : undefined;
}
