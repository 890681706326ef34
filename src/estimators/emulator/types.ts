/**
 * The contract of the bit-accurate emulator: a batch of samples in, the firmware's outputs (and every
 * layer's, on request) out, with per-layer overflow counts. Shared by the emulator, the float reference,
 * the accuracy objective and the `emulate`/`profile` commands.
 */

/** A batch of samples for one tensor: `count` rows of `size` values each, row-major. */
export interface Batch {
  readonly count: number;
  /** Values per sample (product of the tensor shape, batch excluded). */
  readonly size: number;
  readonly data: Float64Array;
}

/** How often a layer's values did not fit their type during a run. */
export interface OverflowCount {
  readonly layer: string;
  /** Which variable overflowed: `result`, `accum`, `weight`, `bias`, `table`, … */
  readonly variable: string;
  /** Values that saturated or wrapped. */
  readonly count: number;
  /** Values cast into that variable in total (to turn the count into a rate). */
  readonly total: number;
}

/** The result of emulating a batch. */
export interface EmulationResult {
  /** Outputs by graph output name. */
  readonly outputs: Readonly<Record<string, Batch>>;
  /** Every layer's output, only when asked for (`keepLayerOutputs`). */
  readonly layerOutputs?: Readonly<Record<string, Batch>>;
  readonly overflows: readonly OverflowCount[];
}

/** Options of an emulation run. */
export interface EmulationOptions {
  /** Keep each layer's output batch (costs memory; used by profiling and tests). */
  readonly keepLayerOutputs?: boolean;
}
