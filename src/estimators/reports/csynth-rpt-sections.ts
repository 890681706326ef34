/**
 * Splits a Vivado HLS / Vitis HLS `<top>_csynth.rpt` into the pieces we read: the header fields, the timing
 * table, the latency summary and per-instance latency tables, and the utilisation summary and per-instance
 * resource tables. No interpretation of cell values happens here.
 */
import { tableAfter, type TextTable } from './text-table.js';

/** The raw sections of a csynth text report. */
export interface CsynthRptSections {
  /** `Vivado HLS` or `Vitis HLS`, from the `== <tool> Report for '<top>'` banner. */
  readonly toolBanner: string;
  readonly topModel: string;
  /** `* Key: value` lines of the header (`Version`, `Target device`, `Product family`, …). */
  readonly header: Readonly<Record<string, string>>;
  readonly timing?: TextTable;
  readonly latencySummary?: TextTable;
  readonly latencyInstances?: TextTable;
  readonly utilSummary?: TextTable;
  readonly utilInstances?: TextTable;
}

const BANNER = /^==\s+(Vivado HLS|Vitis HLS)\s+Report for\s+'([^']+)'/;

/** Index of the first line matching `re` at or after `from`, or `lines.length`. */
function indexOf(lines: readonly string[], re: RegExp, from = 0): number {
  for (let i = from; i < lines.length; i++) if (re.test(lines[i])) return i;
  return lines.length;
}

/** Reads the `* Key:   value` lines that follow the banner, up to the first `== ` section. */
function headerFields(lines: readonly string[], from: number, to: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = from; i < to; i++) {
    const m = /^\*\s+([^:]+):\s*(.*)$/.exec(lines[i]);
    if (m) out[m[1].trim()] = m[2].trim();
  }
  return out;
}

/**
 * Splits the report text into sections; returns undefined when the text has no `== Vivado HLS Report for`
 * (or Vitis) banner, i.e. is not a csynth report at all.
 */
export function splitCsynthRpt(text: string): CsynthRptSections | undefined {
  const lines = text.split(/\r?\n/);
  const bannerAt = indexOf(lines, BANNER);
  if (bannerAt === lines.length) return undefined;
  const banner = BANNER.exec(lines[bannerAt]);
  if (!banner) return undefined;

  const perf = indexOf(lines, /^==\s+Performance Estimates/, bannerAt);
  const util = indexOf(lines, /^==\s+Utilization Estimates/, bannerAt);
  const iface = indexOf(lines, /^==\s+Interface/, bannerAt);
  const perfEnd = Math.min(util, iface);
  const latency = indexOf(lines, /^\+ Latency/, perf);
  const latencyDetail = indexOf(lines, /^\s*\+ Detail:/, latency);
  const utilDetail = indexOf(lines, /^\+ Detail:/, util);

  return {
    toolBanner: banner[1],
    topModel: banner[2],
    header: headerFields(lines, bannerAt + 1, Math.min(perf, util)),
    timing: perf < perfEnd ? tableAfter(lines, /^\s*\* Summary:/, indexOf(lines, /^\+ Timing/, perf), perfEnd) : undefined,
    latencySummary: latency < perfEnd ? tableAfter(lines, /^\s*\* Summary:/, latency, perfEnd) : undefined,
    latencyInstances: latencyDetail < perfEnd ? tableAfter(lines, /^\s*\* Instance:/, latencyDetail, perfEnd) : undefined,
    utilSummary: util < lines.length ? tableAfter(lines, /^\s*\* Summary:/, util, iface > util ? iface : lines.length) : undefined,
    utilInstances:
      utilDetail < lines.length ? tableAfter(lines, /^\s*\* Instance:/, utilDetail, iface > util ? iface : lines.length) : undefined,
  };
}
