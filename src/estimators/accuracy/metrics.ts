/**
 * Accuracy of one design point: how the emulated firmware's outputs compare with the float model's (top-class
 * agreement, mean and max absolute error), accuracy against labels when there are any, per-layer errors when
 * the emulator kept layer outputs, and the emulator's overflow counts passed through.
 */
import type { Batch, EmulationResult, OverflowCount } from '../emulator/types.js';

/** Metrics of one graph output. */
export interface OutputMetrics {
  readonly output: string;
  readonly samples: number;
  /** Values per sample. */
  readonly size: number;
  /** Fraction of samples whose top class (first argmax) equals the float model's; absent for one-value outputs. */
  readonly topClassAgreement?: number;
  /** Fraction of samples the emulated firmware classifies as the labels say (labels apply to the first output). */
  readonly accuracy?: number;
  /** The same for the float model. */
  readonly floatAccuracy?: number;
  readonly meanAbsError: number;
  readonly maxAbsError: number;
}

/** Error of one layer's emulated output against the float one. */
export interface LayerError {
  readonly layer: string;
  readonly meanAbsError: number;
  readonly maxAbsError: number;
}

/** The accuracy figures of one design point on one batch. */
export interface AccuracyMetrics {
  readonly samples: number;
  /** True when the inputs were synthetic: agreement and errors are meaningful, accuracy is not. */
  readonly synthetic: boolean;
  readonly outputs: readonly OutputMetrics[];
  /** Per-layer errors, in graph order, when both sides kept layer outputs. */
  readonly layers?: readonly LayerError[];
  readonly overflows: readonly OverflowCount[];
  /** Overflowed values over all layers and variables. */
  readonly overflowTotal: number;
}

/** Options of {@link accuracyMetrics}. */
export interface MetricsOptions {
  /** Class indices, or rows (one-hot / scores) whose argmax is the class. */
  readonly labels?: Int32Array | Batch;
  readonly synthetic?: boolean;
  /** Float outputs of every layer, to report per-layer errors against the emulator's `layerOutputs`. */
  readonly floatLayers?: Readonly<Record<string, Batch>>;
  /** Layer order for the per-layer errors (default: the emulator's key order). */
  readonly layerOrder?: readonly string[];
}

/** Index of the first largest value of every row. */
export function argmaxRows(b: Batch): Int32Array {
  const out = new Int32Array(b.count);
  for (let r = 0; r < b.count; r++) {
    let best = 0;
    for (let i = 1; i < b.size; i++) if (b.data[r * b.size + i] > b.data[r * b.size + best]) best = i;
    out[r] = best;
  }
  return out;
}

/** Mean and max |a − b| over two batches of the same layout. */
export function absError(a: Batch, b: Batch): { mean: number; max: number } {
  if (a.count !== b.count || a.size !== b.size) throw new RangeError(`batches differ in layout: ${a.count}×${a.size} vs ${b.count}×${b.size}`);
  let sum = 0;
  let max = 0;
  for (let i = 0; i < a.data.length; i++) {
    const e = Math.abs(a.data[i] - b.data[i]);
    sum += e;
    if (e > max || Number.isNaN(e)) max = e;
  }
  return { mean: a.data.length ? sum / a.data.length : 0, max };
}

function labelClasses(labels: Int32Array | Batch, count: number): Int32Array {
  const cls = labels instanceof Int32Array ? labels : argmaxRows(labels);
  if (cls.length !== count) throw new RangeError(`${cls.length} labels for ${count} samples`);
  return cls;
}

function agreement(a: Int32Array, b: Int32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return a.length ? same / a.length : 0;
}

/** Compares an emulation run with the float reference's outputs (by graph output name). */
export function accuracyMetrics(float: Readonly<Record<string, Batch>>, emulated: EmulationResult, options: MetricsOptions = {}): AccuracyMetrics {
  const names = Object.keys(float);
  const outputs: OutputMetrics[] = names.map((name, k) => {
    const f = float[name];
    const e = emulated.outputs[name];
    if (!e) throw new RangeError(`the emulator returned no output '${name}'`);
    const err = absError(e, f);
    const m: { -readonly [K in keyof OutputMetrics]: OutputMetrics[K] } = {
      output: name,
      samples: f.count,
      size: f.size,
      meanAbsError: err.mean,
      maxAbsError: err.max,
    };
    if (f.size > 1) {
      const fc = argmaxRows(f);
      const ec = argmaxRows(e);
      m.topClassAgreement = agreement(fc, ec);
      const labels = options.labels;
      const usable = labels && k === 0 && (labels instanceof Int32Array || labels.size === f.size);
      if (usable) {
        const lc = labelClasses(labels, f.count);
        m.accuracy = agreement(ec, lc);
        m.floatAccuracy = agreement(fc, lc);
      }
    }
    return m;
  });
  let layers: LayerError[] | undefined;
  if (options.floatLayers && emulated.layerOutputs) {
    const emu = emulated.layerOutputs;
    const order = options.layerOrder ?? Object.keys(emu);
    layers = order
      .filter((n) => emu[n] && options.floatLayers?.[n] && emu[n].size === options.floatLayers[n].size)
      .map((n) => {
        const err = absError(emu[n], (options.floatLayers as Record<string, Batch>)[n]);
        return { layer: n, meanAbsError: err.mean, maxAbsError: err.max };
      });
  }
  const overflowTotal = emulated.overflows.reduce((a, o) => a + o.count, 0);
  return {
    samples: outputs[0]?.samples ?? 0,
    synthetic: options.synthetic ?? false,
    outputs,
    ...(layers ? { layers } : {}),
    overflows: emulated.overflows,
    overflowTotal,
  };
}
