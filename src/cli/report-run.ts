/**
 * Writes a run's self-contained HTML report (`report.html`): facts, front plots for every objective pair, the
 * front table, and per-layer breakdowns of the front's extreme points (re-estimated from their genomes).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ejs from 'ejs';
import { estimateGenome, type EvaluationContext } from '../search/evaluate-point.js';
import type { EvaluationRecord, JournalHeader } from '../search/journal/records.js';
import { buildReportModel, type Breakdown } from '../search/report/report-model.js';
import { RUN_FILES, type RunSummary } from '../search/run-files.js';

/** The report template (the same relative place from `src/cli` and `dist/cli`). */
export const REPORT_TEMPLATE = fileURLToPath(new URL('../../templates/report/report.html.ejs', import.meta.url));

/** What a report is built from. */
export interface RunReportInput {
  readonly run: RunSummary;
  readonly ctx: EvaluationContext;
  readonly elapsedMs?: number;
}

/** Per-layer breakdown of one front point. */
export function breakdownOf(ctx: EvaluationContext, r: EvaluationRecord, title: string): Breakdown {
  const { point, estimate } = estimateGenome(ctx, r.genome);
  return {
    title,
    key: r.key,
    rows: estimate.layers.map((l) => ({
      layer: l.layer,
      kind: l.kind,
      strategy: point.layers[l.layer]?.strategy ?? '',
      reuseFactor: point.layers[l.layer]?.reuseFactor ?? 1,
      lut: l.resources.lut.mean,
      ff: l.resources.ff.mean,
      dsp: l.resources.dsp.mean,
      bram18: l.resources.bram18.mean,
      latency: l.latencyCycles.mean,
      ii: l.iiCycles,
    })),
  };
}

/** The front points that are best in each objective (one breakdown each, without repeats). */
export function extremes(header: JournalHeader, front: readonly EvaluationRecord[]): { title: string; record: EvaluationRecord }[] {
  const out: { title: string; record: EvaluationRecord }[] = [];
  header.objectives.forEach((name, i) => {
    const best = [...front].sort((a, b) => (a.objectives?.[i] ?? 0) - (b.objectives?.[i] ?? 0))[0];
    if (best && !out.some((o) => o.record.key === best.key)) out.push({ title: `Best ${name.replace(/:min$/, '')}`, record: best });
  });
  return out;
}

/** Renders and writes `report.html` into `dir`; returns its path. */
export async function writeRunReport(dir: string, input: RunReportInput): Promise<string> {
  const { header, front, sample } = input.run;
  const run = input.run;
  const facts: [string, string][] = [
    ['model', `${header.model.name} (${header.model.files.join(', ')})`],
    ['part, clock, IO', `${input.ctx.space.base.part}, ${input.ctx.space.base.clockPeriodNs} ns, ${header.space.knobs.find((k) => k.id === '*.ioType') ? 'searched' : input.ctx.space.base.ioType}`],
    ['design space', `${header.space.size} points over ${header.space.knobs.length} knobs`],
    ['strategy, seed', `${header.strategy}, ${header.seed}`],
    ['objectives', header.objectives.join(', ')],
    ['budgets', header.budgets.length ? header.budgets.join(', ') + (header.budgetAtUpper ? ' (upper end of the interval)' : '') : 'none'],
    ['evaluated', `${run.evaluated} points: ${run.legal} legal, ${run.evaluated - run.legal} rejected, ${run.withinBudget} within budget`],
    ['front', `${front.length} points`],
    ['calibration', `${header.calibration.id} (${header.calibration.hash})`],
    ...(header.accuracy ? ([['accuracy data', header.accuracy.data]] as [string, string][]) : []),
    ...(input.elapsedMs !== undefined ? ([['time', `${(input.elapsedMs / 1000).toFixed(1)} s`]] as [string, string][]) : []),
  ];
  const breakdowns = extremes(header, front).map((e) => breakdownOf(input.ctx, e.record, e.title));
  const model = buildReportModel({ header, sample, front, breakdowns, facts });
  const html = await ejs.renderFile(REPORT_TEMPLATE, model, { async: true });
  const file = join(dir, RUN_FILES.report);
  writeFileSync(file, html);
  return file;
}
