/**
 * Everything the HTML sweep report shows, decided here (the ejs template only prints it): run facts, one
 * scatter plot per objective pair, the front as a table, and per-layer breakdowns of chosen front points.
 */
import type { EvaluationRecord, JournalHeader } from '../journal/records.js';
import { ParetoArchive } from '../pareto-archive.js';
import { renderScatter } from './svg-scatter.js';

/** A per-layer row of a breakdown. */
export interface BreakdownRow {
  readonly layer: string;
  readonly kind: string;
  readonly strategy: string;
  readonly reuseFactor: number;
  readonly lut: number;
  readonly ff: number;
  readonly dsp: number;
  readonly bram18: number;
  readonly latency: number;
  readonly ii: number;
}

/** A front point explained layer by layer. */
export interface Breakdown {
  readonly title: string;
  readonly key: string;
  readonly rows: readonly BreakdownRow[];
}

/** The report's content. */
export interface ReportModel {
  readonly title: string;
  readonly facts: readonly (readonly [string, string])[];
  readonly plots: readonly string[];
  readonly frontColumns: readonly string[];
  readonly frontRows: readonly (readonly string[])[];
  readonly breakdowns: readonly Breakdown[];
  readonly generatedBy: string;
}

/** Inputs of {@link buildReportModel}. */
export interface ReportInput {
  readonly header: JournalHeader;
  /** Legal points to plot in grey (already a bounded sample). */
  readonly sample: readonly EvaluationRecord[];
  readonly front: readonly EvaluationRecord[];
  readonly breakdowns: readonly Breakdown[];
  readonly facts: readonly (readonly [string, string])[];
}

const fmt = (v: number) => (Math.abs(v) >= 100 || Number.isInteger(v) ? String(Math.round(v)) : v.toPrecision(3));

/** Builds the report model from a run's front and a sample of its points. */
export function buildReportModel(input: ReportInput): ReportModel {
  const { header, front, sample } = input;
  const names = header.objectives;
  const label = (n: string) => n.replace(/:min$/, '').replace(/:max$/, ' (max)');
  const plots: string[] = [];
  const value = (r: EvaluationRecord, i: number) => {
    const v = r.objectives?.[i] ?? Number.NaN;
    return names[i].endsWith(':max') ? -v : v;
  };
  for (let a = 0; a < names.length; a++) {
    for (let b = a + 1; b < names.length; b++) {
      // The full front projected on two objectives is not a front; join only the pair's own non-dominated points.
      const pair = new ParetoArchive<EvaluationRecord>();
      for (const r of front) pair.add({ key: r.key, objectives: [r.objectives?.[a] ?? 0, r.objectives?.[b] ?? 0], payload: r });
      const own = new Set(pair.front().map((e) => e.key));
      plots.push(
        renderScatter({
          title: `${label(names[b])} vs ${label(names[a])}`,
          xLabel: label(names[a]),
          yLabel: label(names[b]),
          points: sample.map((r) => ({ x: value(r, a), y: value(r, b), label: r.key })),
          front: front.filter((r) => own.has(r.key)).map((r) => ({ x: value(r, a), y: value(r, b), label: r.key })),
          others: front.filter((r) => !own.has(r.key)).map((r) => ({ x: value(r, a), y: value(r, b), label: r.key })),
        }),
      );
    }
  }
  const metricCols = ['lut', 'ff', 'dsp', 'bram', 'latency', 'latency-ns', 'ii'];
  const frontRows = front.map((r) => [r.key, ...metricCols.map((m) => (r.metrics?.[m as keyof typeof r.metrics] ? fmt((r.metrics[m as keyof typeof r.metrics] as readonly number[])[0]) : '')), ...(r.metrics?.['accuracy-drop'] ? [fmt(r.metrics['accuracy-drop'][0])] : [])]);
  const frontColumns = ['point', ...metricCols, ...(front.some((r) => r.metrics?.['accuracy-drop']) ? ['accuracy-drop'] : [])];
  return {
    title: `hlsdse sweep of ${header.model.name}`,
    facts: input.facts,
    plots,
    frontColumns,
    frontRows,
    breakdowns: input.breakdowns,
    generatedBy: `${header.tool} ${header.version}`,
  };
}
