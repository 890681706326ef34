/**
 * When no point meets the budgets: the points closest to meeting them (least total relative excess) and, for
 * each, the budget that binds hardest — the answer to an impossible budget.
 */
import { checkBudgets, type Budget } from './budgets.js';
import type { EvaluationRecord } from './journal/records.js';
import { loadMetrics } from './run-sweep.js';

/** A near miss: the point, its total excess, and its worst budget with how far over it is. */
export interface NearMiss {
  readonly record: EvaluationRecord;
  readonly excess: number;
  readonly binding: { readonly budget: string; readonly value: number; readonly limit: number; readonly over: number };
}

/** The `n` legal points closest to the budgets. */
export function closestToBudgets(records: readonly EvaluationRecord[], budgets: readonly Budget[], atUpper: boolean, n = 3): NearMiss[] {
  const misses: NearMiss[] = [];
  for (const r of records) {
    if (r.status !== 'ok') continue;
    const checks = checkBudgets(budgets, loadMetrics(r.metrics), atUpper);
    const worst = checks.reduce((a, b) => (b.excess > a.excess ? b : a), checks[0]);
    if (!worst) continue;
    misses.push({
      record: r,
      excess: checks.reduce((s, c) => s + c.excess, 0),
      binding: { budget: worst.budget.text, value: worst.value, limit: worst.budget.limit, over: worst.excess },
    });
  }
  return misses.sort((a, b) => a.excess - b.excess || (a.record.key < b.record.key ? -1 : 1)).slice(0, n);
}

/** One line describing a near miss. */
export function describeNearMiss(m: NearMiss): string {
  return `point ${m.record.key}: ${m.binding.budget} binds (${m.binding.value.toPrecision(4)} vs ${m.binding.limit.toPrecision(4)}, ${(100 * m.binding.over).toFixed(1)} % over)`;
}
