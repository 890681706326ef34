/**
 * Parameters of the analytic rules, with the value used when a calibration does not set one and where that value
 * comes from. `calibrate` refits the ones marked "fitted" from report rows.
 * @see /work/shared/docs/hls4ml.md §2.12–2.13
 */
import type { Calibration } from '../types.js';

/** One analytic parameter: default value and provenance. */
export interface ParameterDef {
  readonly value: number;
  readonly source: string;
}

/** Every parameter the estimators read. */
export const PARAMETER_DEFS = {
  dspFabricMaxWidth: {
    value: 8,
    source: 'hls4ml VivadoDSPEstimator: "Vivado doesn\'t use DSP when precision < 9" (hls4ml.md §2.12); refitted by calibrate',
  },
  constDspMinDigitsVitis: {
    value: 3,
    source: 'Vitis HLS: a constant weight with at least this many non-zero signed digits goes to a DSP, fewer to shift-and-add logic (Latency strategy, layers/constant-dsp-share.ts); fitted from ArgyKokk/hls4ml_MLP_estimator DSP_reuse* rows',
  },
  constDspMinDigitsVivado: {
    value: 3,
    source: 'Vivado HLS: the same threshold; fitted from pominiq/DNNonSilicon, tanvirana/heterogeneous-hls4ml-testing and camillaMiao/Hls-and-bambu rows',
  },
  trainedWeightScale: {
    value: 0.84,
    source: 'standard deviation of trained weights relative to Glorot\'s √(2/(n_in+n_out)), for report rows whose weights are unknown (layers/constant-dsp-share.ts); fitted with constDspMinDigitsVitis',
  },
  romBramMinBits: {
    value: 1024,
    source: 'weight ROMs below this many bits stay in LUTs despite ROM_nP_BRAM; fitted between the largest LUT ROM and the smallest BRAM ROM in the report rows',
  },
  romRemainderLutBits: {
    value: 4,
    source: 'leftover ROM slice (bits beyond whole 36-bit columns) placed in LUTs; real rows: 256-bit ROM → 7 BRAM_18K, 512-bit → 15',
  },
  fifoSrlMaxDepth: {
    value: 32,
    source: 'FIFOs up to this depth are SRL shift registers, deeper ones BRAM (hls4ml.md §2.13: "depth ≤ ~32–64"); not fitted (no per-FIFO rows)',
  },
  fifoMinBramBits: {
    value: 1024,
    source: 'FIFOs holding fewer bits than this stay in LUTRAM (our model, hls4ml.md §2.13); not fitted',
  },
  dataflowHopCycles: {
    value: 1,
    source: 'top-level latency overhead per process in a dataflow chain; hls4ml test report (dense 7 + relu 2 → top 10, hls4ml.md §2.11)',
  },
  pipelineTopCycles: {
    value: 1,
    source: 'top-level latency overhead of an io_parallel pipeline (input/output registers); hls4ml.md §2.11',
  },
  lutPerFifoControl: {
    value: 20,
    source: 'LUTs of a FIFO\'s pointers and flags (our model); not fitted',
  },
} as const satisfies Record<string, ParameterDef>;

/** A parameter name. */
export type ParameterName = keyof typeof PARAMETER_DEFS;

/** Parameter values by name. */
export type Parameters = Readonly<Record<ParameterName, number>>;

const DEFAULTS: Parameters = Object.fromEntries(
  Object.entries(PARAMETER_DEFS).map(([k, d]) => [k, d.value]),
) as Record<ParameterName, number>;

const MERGED = new WeakMap<Calibration, Parameters>();

/** The calibration's parameters over the defaults (memoised per calibration object). */
export function parametersOf(cal: Calibration): Parameters {
  let p = MERGED.get(cal);
  if (!p) {
    p = { ...DEFAULTS, ...(cal.parameters as Partial<Parameters>) };
    MERGED.set(cal, p);
  }
  return p;
}

/** The defaults alone. */
export function defaultParameters(): Parameters {
  return DEFAULTS;
}
