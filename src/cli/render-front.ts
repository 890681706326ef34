/** The text table of a Pareto front (used by `sweep` and `pareto`). */
import type { EvaluationRecord } from '../search/journal/records.js';
import { formatCount, renderTable } from './table.js';

const COLUMNS = ['lut', 'ff', 'dsp', 'bram', 'latency', 'latency-ns', 'ii', 'accuracy-drop'] as const;

function cell(r: EvaluationRecord, m: (typeof COLUMNS)[number]): string {
  const v = r.metrics?.[m];
  if (!v) return '';
  if (m === 'accuracy-drop') return `${(100 * v[0]).toFixed(2)} %`;
  if (m === 'latency-ns') return v[0].toFixed(1);
  return formatCount(v[0]);
}

/** Renders the front, one row per point, with the metric columns any point has. */
export function renderFront(front: readonly EvaluationRecord[], objectives: readonly string[], opts: { title?: string; limit?: number } = {}): string {
  const cols = COLUMNS.filter((c) => front.some((r) => r.metrics?.[c]));
  const limit = opts.limit ?? 50;
  const rows = front.slice(0, limit).map((r) => [r.key, ...cols.map((c) => cell(r, c))]);
  const head = `${opts.title ? `${opts.title}\n` : ''}Pareto front: ${front.length} point(s) minimising ${objectives.map((o) => o.replace(/:min$/, '')).join(', ')}\n`;
  const more = front.length > limit ? `… ${front.length - limit} more (use --json or --csv)\n` : '';
  return head + renderTable([{ header: 'point' }, ...cols.map((c) => ({ header: c, align: 'right' as const }))], rows) + more;
}
