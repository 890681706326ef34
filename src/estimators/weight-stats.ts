/**
 * Zero and power-of-two weights after quantisation to the weight type: what a Latency-strategy kernel with
 * constant weights lets the HLS tool drop (zeros) or turn into shifts (±2^k).
 * @see /work/shared/docs/hls4ml.md §2.1 (constant weights, zero products removed) and §2.12
 */
import type { FixedType } from '../fixed/precision.js';
import type { Layer } from '../ir/layer.js';
import { KERNEL_PARAMS } from '../ir/layer-facts.js';

/** Counts over a layer's kernel entries for one weight type. */
export interface WeightStats {
  readonly weights: number;
  readonly zeros: number;
  readonly pow2: number;
  /**
   * Non-trivial weights (neither zero nor ±2^k) by the number of non-zero digits of their integer code in canonical
   * signed-digit form (entry d, d ≥ 2): what decides whether the tool builds a constant product in a DSP or as
   * d − 1 adders of shifted inputs.
   */
  readonly digitCounts: readonly number[];
  /**
   * The distinct constant products among them by digits: a weight whose code already appears on the same input (the
   * same row of the kernel) is the same product, which the tool builds once (common-subexpression elimination).
   * Real rows: ArgyKokk Vitis HLS Latency Dense layers, 11 of 11 at RF 1 exact (jet tagger 16×64: 296 weights with
   * ≥ 3 digits, 247 distinct per input, 247 DSP).
   */
  readonly distinctDigitCounts: readonly number[];
}

/** The integer code of `v` in type `t` (rounding mode and overflow applied as `ap_fixed` does, approximately). */
export function quantizedCode(v: number, t: FixedType): number {
  const scaled = v * 2 ** (t.width - t.integer);
  let q = t.rounding === 'TRN' ? Math.floor(scaled) : t.rounding === 'TRN_ZERO' ? Math.trunc(scaled) : Math.round(scaled);
  const lo = t.signed ? -(2 ** (t.width - 1)) : 0;
  const hi = t.signed ? 2 ** (t.width - 1) - 1 : 2 ** t.width - 1;
  if (q < lo || q > hi) {
    if (t.overflow === 'WRAP') {
      const span = 2 ** t.width;
      q = ((((q - lo) % span) + span) % span) + lo;
    } else q = q < lo ? lo : hi;
  }
  return q;
}

/** True when |q| is a power of two (1, 2, 4, …). */
function isPow2Code(q: number): boolean {
  const a = q < 0 ? -q : q;
  return a > 0 && Number.isInteger(Math.log2(a));
}

/**
 * Non-zero digits of |q| in canonical signed-digit (non-adjacent) form: 1 for ±2^k, 2 for 3 = 4 − 1 or 5 = 4 + 1,
 * 3 for 11 = 16 − 4 − 1, …: the shifted terms a constant multiplication adds up.
 */
export function csdDigits(q: number): number {
  let a = q < 0 ? -q : q;
  let n = 0;
  while (a > 0) {
    if (a % 2 === 1) {
      // Digit +1 when a ≡ 1 (mod 4), −1 when a ≡ 3 (mod 4): the choice that leaves the next digit zero.
      a -= a % 4 === 1 ? 1 : -1;
      n++;
    }
    a /= 2;
  }
  return n;
}

/** Running counts while tallying one or more tensors. */
interface Tally {
  weights: number;
  zeros: number;
  pow2: number;
  readonly digitCounts: number[];
  readonly distinctDigitCounts: number[];
}

/** Adds one to entry `d` of a histogram, growing it as needed. */
function bump(h: number[], d: number): void {
  while (h.length <= d) h.push(0);
  h[d]++;
}

/**
 * Adds `data` quantised to `t` to the counts; entry i counts as zero when `pruned` says so (HGQ weights with 0 bits).
 * `rowLength` entries in a row multiply the same input (the kernel's last dimension: n_out of a Dense kernel, the
 * filters of a conv, 1 for per-element scales). The one loop behind every {@link WeightStats}.
 */
function tally(into: Tally, data: ArrayLike<number>, t: FixedType, rowLength: number, pruned?: (i: number) => boolean): void {
  const row = Math.max(1, Math.floor(rowLength));
  const seen = new Set<number>();
  for (let i = 0; i < data.length; i++) {
    if (i % row === 0) seen.clear();
    into.weights++;
    const q = pruned?.(i) ? 0 : quantizedCode(data[i], t);
    if (q === 0) into.zeros++;
    else if (isPow2Code(q)) into.pow2++;
    else {
      const d = csdDigits(q);
      bump(into.digitCounts, d);
      if (!seen.has(q)) {
        seen.add(q);
        bump(into.distinctDigitCounts, d);
      }
    }
  }
}

const emptyTally = (): Tally => ({ weights: 0, zeros: 0, pow2: 0, digitCounts: [], distinctDigitCounts: [] });

/** A kernel's values and how many consecutive entries share one input (see {@link WeightStats.distinctDigitCounts}). */
export interface KernelValues {
  readonly data: ArrayLike<number>;
  readonly rowLength: number;
}

/** Zero / power-of-two / signed-digit counts of kernel values (e.g. read from hls4ml weight files) quantised to `t`. */
export function weightStatsOfValues(kernels: readonly KernelValues[], t: FixedType): WeightStats {
  const s = emptyTally();
  for (const k of kernels) tally(s, k.data, t, k.rowLength);
  return s;
}

/** The parameters a layer multiplies its input by: the kernels, or a BatchNormalization's per-channel `scale`. */
function multiplierParams(layer: Layer): readonly string[] {
  return layer.kind === 'BatchNormalization' ? ['scale'] : KERNEL_PARAMS;
}

/**
 * Zero / power-of-two counts of the layer's kernels (a BatchNormalization's scales) quantised to `t`; HGQ per-weight bit counts, when the layer
 * has them, add the weights HGQ pruned (0 bits) to the zeros.
 */
export function weightStatsOf(layer: Layer, t: FixedType): WeightStats {
  const s = emptyTally();
  const bits = layer.hgq?.weightBits;
  for (const name of multiplierParams(layer)) {
    const tensor = layer.params[name];
    if (!tensor) continue;
    const useBits = name === 'weight' && bits !== undefined && bits.length === tensor.data.length;
    // Kernels in Keras layout: the last dimension runs over the outputs one input feeds; scales are per element.
    const rowLength = name === 'scale' ? 1 : tensor.shape[tensor.shape.length - 1] ?? 1;
    tally(s, tensor.data, t, rowLength, useBits ? (i) => bits[i] === 0 : undefined);
  }
  return s;
}
