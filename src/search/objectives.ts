/** Objectives as users name them (`--objectives lut,dsp,latency-ns`), each minimised unless marked `:max`. */
import { fail } from '../util/errors.js';
import { METRICS, type MetricName, type PointMetrics } from './metrics.js';

/** One objective: a metric and its direction. */
export interface Objective {
  readonly metric: MetricName;
  readonly direction: 'min' | 'max';
}

const ALIASES: Readonly<Record<string, MetricName>> = {
  luts: 'lut',
  ffs: 'ff',
  dsps: 'dsp',
  bram18: 'bram',
  bram_18k: 'bram',
  'latency-cycles': 'latency',
  latency_ns: 'latency-ns',
  interval: 'ii',
  accuracy: 'accuracy-drop',
  'accuracy-loss': 'accuracy-drop',
};

/** Resolves a metric name or alias (case-insensitive); undefined when unknown. */
export function metricByName(name: string): MetricName | undefined {
  const n = name.trim().toLowerCase();
  if ((METRICS as readonly string[]).includes(n)) return n as MetricName;
  return ALIASES[n];
}

/** Parses `--objectives` (`lut,dsp,latency-ns:min`); an unknown name is a one-line error. */
export function parseObjectives(text: string, source = '--objectives'): Objective[] {
  const out: Objective[] = [];
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [name, dir] = part.split(':');
    const metric = metricByName(name);
    if (!metric) fail('bad-flag', source, `unknown objective '${name}' (expected ${METRICS.join(', ')})`);
    if (dir !== undefined && dir !== 'min' && dir !== 'max') fail('bad-flag', source, `objective '${part}': direction must be min or max`);
    if (out.some((o) => o.metric === metric)) fail('bad-flag', source, `objective '${metric}' is given twice`);
    out.push({ metric, direction: (dir as 'min' | 'max' | undefined) ?? 'min' });
  }
  if (out.length === 0) fail('bad-flag', source, 'no objective given');
  return out;
}

/** The minimised objective vector of a point (maximised metrics negated); NaN when a metric is missing. */
export function objectiveVector(objectives: readonly Objective[], m: PointMetrics): number[] {
  return objectives.map((o) => {
    const v = m[o.metric]?.mean ?? Number.NaN;
    return o.direction === 'max' ? -v : v;
  });
}
