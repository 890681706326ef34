/**
 * Timing of element-wise layers: io_parallel ones are one unrolled pipeline stage (II 1), io_stream ones read one
 * pixel per cycle (`cyclesPerPixel`), so their latency and II are the pixel loop's trip count times its II plus a
 * pipeline depth (the calibration adds a fitted offset to this count rather than rescaling it).
 * @see /work/shared/docs/hls4ml.md §2.6 (activations: "io_stream: one packed word per PIPELINE iteration (II=1)"),
 *   §2.9; real rows: relu io_stream 1024 px → 1028 cycles, zeropad 34×34 → 1159 (shared/data/synth_layers.csv)
 */
import type { AnalyticCost } from '../types.js';
import type { DeviceFamily } from '../device-data.js';
import type { LayerSignature } from '../signature.js';

/**
 * Latency/II of an element-wise layer: `depth` cycles and II 1 in io_parallel (a fully unrolled `PIPELINE`; pooling
 * passes its `PIPELINE II=RF` as `iiParallel`), `pixels·cyclesPerPixel + depth` in io_stream (II = latency).
 */
export function elementwiseTiming(
  sig: LayerSignature,
  depth: number,
  pixels = Math.max(sig.inPixels, sig.outPixels),
  iiParallel = 1,
  cyclesPerPixel = 1,
): Pick<AnalyticCost, 'latency' | 'ii' | 'iiAfterLatency'> {
  if (sig.ioType === 'io_stream') {
    const latency = pixels * cyclesPerPixel + depth;
    return { latency, ii: latency, iiAfterLatency: 0 };
  }
  return { latency: depth, ii: Math.max(1, iiParallel) };
}

/**
 * Operation delays of a stream pixel loop on a 7-series −1 part (ns; our model of the HLS tool's delay library,
 * chosen so that the chained schedule below reproduces the real rows): a FIFO read and a FIFO write of a packed
 * word, a select (ReLU-like: sign test and multiplexer) and a compare-and-select (one level of a max tree).
 * Real rows (shared/data/synth_layers.csv, pominiq/DNNonSilicon, ChiRuiChen/AutoEncoder_hls4ml): ReLU 676 px → 678
 * at 25 ns and 679 at 10 ns on xc7z020, 678 at 10 ns on xcu50; 2×2 max pool 16 px → 20 at 10 ns (xc7z020), 18 at
 * 25 ns; 4×4 pool 676 px → 681 / 679 / 679 (xcu50, 10 ns) / 678 (xcu50, 25 ns). `multiply`: a 16-bit DSP48
 * multiply on a −1 part (Vitis HLS reports 3.81 ns for 8 × 8 bits on xc7z007s-2, 4.6 ns at −1 by {@link GRADE_DELAY});
 * `add`: one adder level of a kernel's tree (as `ADDER_LEVEL_NS` in cmvm.ts). With them the last product of a
 * Latency kernel fits the cycle of its multiply at 25 ns and needs one more at 10 ns (pominiq kernels).
 */
export const STREAM_OP_NS = Object.freeze({ read: 5, write: 5, select: 1.5, compareSelect: 4, multiply: 4.5, add: 2.3 });

/**
 * Logic delay of a device family relative to 7-series, both at the −1 speed grade: UltraScale+ fabric is roughly
 * 2× faster in the tool's delay model (our model; bounds from the rows above on −2 parts: the 4×4 pool needs two
 * stages at 10 ns on xcu50, the 2×2 pool one).
 */
const FAMILY_DELAY: Readonly<Record<DeviceFamily, number>> = { '7series': 1, ultrascale: 0.73, 'ultrascale+': 0.49, versal: 0.43 };

/**
 * Logic delay of a speed grade relative to −1 (the part's speed grade scales every operation the tool's delay
 * library times): the reciprocal of the DSP48's combinational-multiply FMAX (`FMAX_NOPIPELINEREG`: 338 / 410 /
 * 483 MHz for −1 / −2 / −3 at 0.85–0.90 V) in the UltraScale+ data sheets (DS923 Virtex UltraScale+, DS925 Zynq
 * UltraScale+ MPSoC, DSP48 Slice Switching Characteristics), applied to every family. A low-power `-2L` part at its
 * default 0.85 V is a −2. Real rows: the same 16×4 Dense at 5 ns (camillaMiao/Hls-and-bambu, Vivado HLS 2019.2) has
 * latency 5 and a registered multiplier core on xc7z020-1, latency 2 and combinational cores (34 FF per DSP) on
 * xc7vx690t-3.
 */
const GRADE_DELAY: readonly number[] = [1, 1, 338 / 410, 338 / 483];

/** The signature fields the timing budget reads. */
export type TimingSignature = Pick<LayerSignature, 'clockNs' | 'clockUncertainty' | 'partFamily' | 'speedGrade'>;

/**
 * Time the scheduler may chain into one cycle: the clock period less the clock uncertainty the run was made with
 * (`set_clock_uncertainty`; hls4ml's Vivado backend writes 12.5 %, its Vitis backend 27 % — see
 * `backendClockUncertainty` in signature.ts).
 */
export function scheduleBudgetNs(sig: Pick<TimingSignature, 'clockNs' | 'clockUncertainty'>): number {
  return sig.clockNs * (1 - sig.clockUncertainty);
}

/** Delay factor of a part relative to a 7-series −1 part: family × speed grade. */
export function partDelayScale(sig: Pick<TimingSignature, 'partFamily' | 'speedGrade'>): number {
  return (FAMILY_DELAY[sig.partFamily] ?? 1) * (GRADE_DELAY[sig.speedGrade] ?? 1);
}

/**
 * Pipeline stages of a loop body whose operations (7-series −1 delays, in order) are chained greedily into cycles of
 * {@link scheduleBudgetNs}, each delay scaled to the part ({@link partDelayScale}): an operation that does not fit in
 * the current cycle starts the next one, and one longer than a cycle still takes one (the tool then misses timing
 * rather than splitting it).
 */
export function chainedStages(sig: TimingSignature, opsNs: readonly number[]): number {
  const budget = scheduleBudgetNs(sig);
  const scale = partDelayScale(sig);
  let stages = 1;
  let used = 0;
  for (const op of opsNs) {
    const d = op * scale;
    if (used > 0 && used + d > budget) {
      stages++;
      used = d;
    } else used += d;
  }
  return stages;
}

/**
 * Latency/II of a pipelined pixel loop (io_stream): `(pixels − 1)·ii` cycles to issue every pixel, `stages` for the
 * last one to drain, and 2 for the function's entry and exit states (II = latency: the next call waits).
 */
export function pipelinedLoopTiming(pixels: number, ii: number, stages: number): Pick<AnalyticCost, 'latency' | 'ii' | 'iiAfterLatency'> {
  const latency = (Math.max(1, pixels) - 1) * ii + stages + 2;
  return { latency, ii: latency, iiAfterLatency: 0 };
}
