/**
 * The metrics a sweep records per design point, each an interval, and how they come out of an estimate.
 * Names are what users write in `--objectives` and `--budget`.
 */
import type { DesignEstimate, Interval } from '../estimators/types.js';

/** Metric names (lower case, as in flags). */
export const METRICS = ['lut', 'ff', 'dsp', 'bram', 'uram', 'latency', 'latency-ns', 'ii', 'accuracy-drop'] as const;
/** One metric name. */
export type MetricName = (typeof METRICS)[number];

/** Metric values of one point; `accuracy-drop` only when an accuracy objective was evaluated. */
export type PointMetrics = Readonly<Partial<Record<MetricName, Interval>>>;

/** Units users may write for a metric in a budget. */
export const METRIC_UNITS: Readonly<Record<MetricName, string>> = {
  lut: 'LUTs',
  ff: 'flip-flops',
  dsp: 'DSP slices',
  bram: 'BRAM_18K',
  uram: 'URAM',
  latency: 'cycles',
  'latency-ns': 'ns',
  ii: 'cycles',
  'accuracy-drop': 'fraction of samples whose top class changes',
};

const exact = (v: number): Interval => ({ mean: v, lo: v, hi: v });

/** The metrics of an estimate (accuracy added separately when evaluated). */
export function metricsOf(e: DesignEstimate, accuracyDrop?: number): PointMetrics {
  return {
    lut: e.total.lut,
    ff: e.total.ff,
    dsp: e.total.dsp,
    bram: e.total.bram18,
    uram: e.total.uram,
    latency: e.latencyCycles,
    'latency-ns': e.latencyNs,
    ii: exact(e.iiCycles),
    ...(accuracyDrop !== undefined ? { 'accuracy-drop': exact(accuracyDrop) } : {}),
  };
}
