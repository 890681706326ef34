/**
 * Budgets as users say them: `--budget LUT=60000,DSP=70%,latency=200ns,II=1,accuracy-drop=1%`. Resource
 * shares are of the target part; latency takes cycles or a time unit; checks use the estimate's mean, or its
 * upper end when `atUpper` is set.
 */
import type { Device } from '../estimators/devices.js';
import { fail } from '../util/errors.js';
import type { MetricName, PointMetrics } from './metrics.js';
import { metricByName } from './objectives.js';

/** One limit: metric ≤ limit. */
export interface Budget {
  readonly metric: MetricName;
  readonly limit: number;
  /** The text the user wrote, for messages. */
  readonly text: string;
}

/** A budget's violation on one point: how far over, relative to the limit (0 = within). */
export interface BudgetCheck {
  readonly budget: Budget;
  readonly value: number;
  readonly excess: number;
}

const RESOURCE_SHARE: Partial<Record<MetricName, keyof Device>> = { lut: 'lut', ff: 'ff', dsp: 'dsp', bram: 'bram18', uram: 'uram' };
const TIME_UNITS: Readonly<Record<string, number>> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6 };

/** Parses a budget list against a device (for shares) and a clock (to turn times into cycles where needed). */
export function parseBudgets(text: string, device: Device, source = '--budget'): Budget[] {
  const out: Budget[] = [];
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([A-Za-z_-]+[A-Za-z0-9_-]*)\s*(<=|=)\s*([0-9]*\.?[0-9]+(?:e[+-]?\d+)?)\s*(%|[a-zµ]+)?$/i.exec(part);
    if (!m) fail('bad-flag', source, `cannot read budget '${part}' (expected KEY=VALUE, e.g. LUT=60000, DSP=70%, latency=200ns)`);
    let metric = metricByName(m[1]);
    if (!metric) fail('bad-flag', source, `unknown budget key '${m[1]}' (expected LUT, FF, DSP, BRAM, URAM, latency, II, accuracy-drop)`);
    let value = Number(m[3]);
    const unit = (m[4] ?? '').toLowerCase();
    if (unit === '%') {
      if (metric === 'accuracy-drop') value /= 100;
      else {
        const key = RESOURCE_SHARE[metric];
        if (!key) fail('bad-flag', source, `budget '${part}': a percentage only applies to resources and accuracy-drop`);
        value = (value / 100) * (device[key] as number);
      }
    } else if (unit !== '') {
      if (metric === 'latency' || metric === 'latency-ns') {
        if (unit === 'cycles' || unit === 'cycle') metric = 'latency';
        else if (TIME_UNITS[unit] !== undefined) {
          metric = 'latency-ns';
          value *= TIME_UNITS[unit];
        } else fail('bad-flag', source, `budget '${part}': unknown time unit '${unit}' (ns, us, ms or cycles)`);
      } else fail('bad-flag', source, `budget '${part}': '${unit}' is not a unit of ${metric}`);
    }
    if (!(value >= 0) || !Number.isFinite(value)) fail('bad-flag', source, `budget '${part}': the limit must be a non-negative number`);
    out.push({ metric, limit: value, text: part });
  }
  return out;
}

/** Checks a point against budgets; returns one entry per budget with its relative excess (0 when met). */
export function checkBudgets(budgets: readonly Budget[], m: PointMetrics, atUpper = false): BudgetCheck[] {
  return budgets.map((b) => {
    const iv = m[b.metric];
    const value = iv ? (atUpper ? iv.hi : iv.mean) : Number.NaN;
    const excess = Number.isNaN(value) ? Number.POSITIVE_INFINITY : Math.max(0, (value - b.limit) / Math.max(b.limit, 1));
    return { budget: b, value, excess };
  });
}

/** Total relative violation of a point (0 = feasible): the constraint value NSGA-II and the archive use. */
export function totalViolation(checks: readonly BudgetCheck[]): number {
  return checks.reduce((s, c) => s + c.excess, 0);
}
