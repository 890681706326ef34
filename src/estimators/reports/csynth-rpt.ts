/**
 * Parses a Vivado HLS / Vitis HLS text report (`<top>_csynth.rpt`) into a {@link CsynthReport}, including the
 * per-instance resource table and the per-instance latency/II table of "Detail: Instance".
 * @see /work/shared/docs/hls4ml.md §6.1
 */
import { fail } from '../../util/errors.js';
import { configIdOf, countCell, cyclesCell, nanosecondsCell } from './cells.js';
import { splitCsynthRpt, type CsynthRptSections } from './csynth-rpt-sections.js';
import { REQUIRED_RESOURCES, resourceColumns, type ResourceKey } from './resource-columns.js';
import { bodyRows, headerRow, rowNamed, type TextTable } from './text-table.js';
import type { CsynthReport, InstanceRow, ResourceCounts } from './types.js';

/** Latency/II cells of a latency row: 7 cells (cycles, absolute, II, type) since 2019, 5 in 2018. */
interface LatencyCells {
  readonly latencyMin?: number;
  readonly latencyMax?: number;
  readonly intervalMin?: number;
  readonly intervalMax?: number;
  readonly pipelineType?: string;
}

/** Reads the latency columns of a row whose leading name columns were already removed. */
function latencyCells(cells: readonly string[]): LatencyCells {
  const interval = cells.length >= 7 ? 4 : 2;
  const type = cells[interval + 2]?.trim();
  return {
    latencyMin: cyclesCell(cells[0]),
    latencyMax: cyclesCell(cells[1]),
    intervalMin: cyclesCell(cells[interval]),
    intervalMax: cyclesCell(cells[interval + 1]),
    ...(type ? { pipelineType: type } : {}),
  };
}

/** Reads one resource row through the header's column map; undefined cells are a corrupt report. */
function resourceRow(file: string, what: string, row: readonly string[], cols: Partial<Record<ResourceKey, number>>): ResourceCounts {
  const get = (key: ResourceKey): number => {
    const at = cols[key];
    if (at === undefined) return 0;
    const v = countCell(row[at] ?? '');
    if (v === undefined) fail('corrupt-file', file, `${what}: cannot read ${key} from ${JSON.stringify(row[at] ?? '')}`);
    return v;
  };
  return { bram18: get('bram18'), dsp: get('dsp'), ff: get('ff'), lut: get('lut'), uram: get('uram') };
}

/** The utilisation summary's column map, checked to hold the required resources. */
function summaryColumns(file: string, table: TextTable): Partial<Record<ResourceKey, number>> {
  const cols = resourceColumns(headerRow(table));
  const missing = REQUIRED_RESOURCES.filter((k) => cols[k] === undefined);
  if (missing.length > 0) fail('corrupt-file', file, `utilization summary has no ${missing.join('/')} column`);
  return cols;
}

/** Joins the per-instance resource rows with the per-instance latency rows (by instance name). */
function instanceRows(file: string, sections: CsynthRptSections): InstanceRow[] {
  const res = sections.utilInstances;
  if (!res) return [];
  const cols = resourceColumns(headerRow(res));
  const latency = new Map<string, LatencyCells>();
  if (sections.latencyInstances) {
    for (const row of bodyRows(sections.latencyInstances)) latency.set(row[0], latencyCells(row.slice(2)));
  }
  return bodyRows(res)
    .filter((row) => row[0] !== 'Total' && row[0] !== '')
    .map((row) => {
      const [instance, module] = row;
      const configId = configIdOf(module) ?? configIdOf(instance);
      return {
        instance,
        module,
        ...resourceRow(file, `instance ${instance}`, row, cols),
        ...(latency.get(instance) ?? {}),
        ...(configId !== undefined ? { configId } : {}),
      };
    });
}

/** The `Clock | Target | Estimated | Uncertainty` row as numbers (ns). */
function timing(file: string, table: TextTable | undefined): { target: number; estimated: number; uncertainty?: number } {
  if (!table) fail('corrupt-file', file, 'no Timing summary table: not a complete csynth report');
  const header = headerRow(table).map((h) => h.toLowerCase());
  const row = bodyRows(table)[0] ?? [];
  const at = (name: string) => nanosecondsCell(row[header.indexOf(name)]);
  const target = at('target');
  const estimated = at('estimated');
  if (target === undefined || estimated === undefined) {
    fail('corrupt-file', file, `cannot read target/estimated clock from timing row ${JSON.stringify(row.join('|'))}`);
  }
  const uncertainty = at('uncertainty');
  return { target, estimated, ...(uncertainty !== undefined ? { uncertainty } : {}) };
}

/** Parses the text of a `<top>_csynth.rpt`; `file` is only used in error messages. */
export function parseCsynthRpt(text: string, file: string): CsynthReport {
  const sections = splitCsynthRpt(text);
  if (!sections) {
    fail('unsupported-format', file, "no \"== Vivado HLS Report for '<top>'\" banner: not a csynth text report");
  }
  const util = sections.utilSummary;
  if (!util) fail('corrupt-file', file, 'no Utilization Estimates summary table: not a complete csynth report');
  const cols = summaryColumns(file, util);
  const total = rowNamed(util, 'Total');
  const available = rowNamed(util, 'Available');
  if (!total) fail('corrupt-file', file, "utilization summary has no 'Total' row");
  if (!available) fail('corrupt-file', file, "utilization summary has no 'Available' row");

  const part = sections.header['Target device'];
  if (!part) fail('corrupt-file', file, "no '* Target device:' line in the report header");
  const clock = timing(file, sections.timing);
  const summaryRow = sections.latencySummary ? bodyRows(sections.latencySummary)[0] : undefined;
  const lat = summaryRow ? latencyCells(summaryRow) : {};

  return {
    tool: sections.toolBanner === 'Vitis HLS' ? 'vitis_hls' : 'vivado_hls',
    version: (sections.header['Version'] ?? '').split(/\s+/)[0] ?? '',
    part,
    topModel: sections.topModel,
    targetClockNs: clock.target,
    estimatedClockNs: clock.estimated,
    ...(clock.uncertainty !== undefined ? { clockUncertaintyNs: clock.uncertainty } : {}),
    latencyBest: lat.latencyMin,
    latencyWorst: lat.latencyMax,
    intervalMin: lat.intervalMin,
    intervalMax: lat.intervalMax,
    ...(lat.pipelineType ? { pipelineType: lat.pipelineType } : {}),
    resources: resourceRow(file, 'utilization Total row', total, cols),
    available: resourceRow(file, 'utilization Available row', available, cols),
    instances: instanceRows(file, sections),
  };
}
