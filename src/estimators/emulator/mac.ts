/**
 * The multiply-accumulate kernel shared by Dense and every convolution, as hls4ml's latency kernels compute it
 * (`nnet_dense_latency.h`, `nnet_conv*_latency.h`, `nnet_depthwise_product.h`): every product `x·w` at full precision
 * is cast to `accum_t` (it is stored in an `accum_t mult[]`), the accumulator starts at `(accum_t) bias`, each
 * `acc += mult` is cast back to `accum_t`, inputs in increasing order; the sum is finally cast to `res_t`.
 *
 * Two paths give the same bits. The double path runs when the accumulator fits 52 bits and every product is an exact
 * double (input width + weight significant bits ≤ 53); products on the accumulator grid then need only a range check,
 * others are quantised (inline floor for TRN). The BigInt path does the same casts on exact mantissas otherwise.
 * Zero weights are skipped: their product is 0 and adding 0 never changes or overflows an in-range accumulator.
 */
import { castDyadic } from '../../fixed/quantize.js';
import { fractionalBits, type FixedType } from '../../fixed/precision.js';
import { castOne, lastCastOverflowed } from './overflow.js';
import type { QuantisedTensor } from './quantised-params.js';
import { isWide, rangeOf } from './values.js';

/** A weight matrix in row form: for output j, the non-zero (input index, weight) pairs in increasing input order. */
export interface MacPlan {
  readonly nIn: number;
  readonly nOut: number;
  readonly rowStart: Int32Array;
  readonly idx: Int32Array;
  readonly w: Float64Array;
  /** Weight mantissas parallel to `w`, at F = `wFrac`. */
  readonly wM: readonly bigint[];
  readonly wFrac: number;
  readonly weight: QuantisedTensor;
  /** Bias cast to bias_t then to accum_t, per output. */
  readonly biasAcc: Float64Array;
  readonly biasAccM: readonly bigint[];
  /** Outputs whose bias overflows accum_t (happens on every inference). */
  readonly biasAccOverflows: number;
  readonly accum: FixedType;
  /** Products each output accumulates in hls4ml (zeros included), for the cast totals. */
  readonly productsPerOutput: number;
}

/**
 * Builds a plan from a weight lookup: `weightIndex(i, j)` gives the entry of `weight` for input i → output j, or −1
 * when that pair is not connected.
 */
export function macPlan(
  nIn: number,
  nOut: number,
  weight: QuantisedTensor,
  weightIndex: (i: number, j: number) => number,
  bias: QuantisedTensor,
  accum: FixedType,
  productsPerOutput: number,
): MacPlan {
  const rowStart = new Int32Array(nOut + 1);
  const idx: number[] = [];
  const src: number[] = [];
  for (let j = 0; j < nOut; j++) {
    rowStart[j] = idx.length;
    for (let i = 0; i < nIn; i++) {
      const k = weightIndex(i, j);
      if (k >= 0 && weight.data[k] !== 0) {
        idx.push(i);
        src.push(k);
      }
    }
  }
  rowStart[nOut] = idx.length;
  const wAll = weight.data;
  const w = Float64Array.from(src, (k) => wAll[k]);
  const allM = weight.mantissas();
  const wM = src.map((k) => allM[k]);
  const biasAcc = new Float64Array(nOut);
  const biasAccM: bigint[] = [];
  let biasAccOverflows = 0;
  const fb = fractionalBits(bias.type);
  const bM = bias.mantissas();
  for (let j = 0; j < nOut; j++) {
    const r = castDyadic(bM[j], fb, accum);
    if (r.overflow) biasAccOverflows++;
    biasAccM.push(r.mantissa);
    biasAcc[j] = Number(r.mantissa) * 2 ** -fractionalBits(accum);
  }
  return {
    nIn,
    nOut,
    rowStart,
    idx: Int32Array.from(idx),
    w,
    wM,
    wFrac: fractionalBits(weight.type),
    weight,
    biasAcc,
    biasAccM,
    biasAccOverflows,
    accum,
    productsPerOutput,
  };
}

/** How a plan runs on inputs of type x: the double path (and its settings) or the BigInt path. */
export interface MacMode {
  readonly fast: boolean;
  /** Products need quantising to the accumulator LSB (else they are already on its grid). */
  readonly roundProducts: boolean;
  /** Quantisation is TRN (inline floor). */
  readonly trn: boolean;
  readonly lo: number;
  readonly hi: number;
  readonly scale: number;
  readonly inv: number;
}

/** Chooses the path for inputs of type x. */
export function macMode(plan: MacPlan, x: FixedType): MacMode {
  const a = plan.accum;
  const fa = fractionalBits(a);
  const fast =
    !isWide(a) &&
    !isWide(x) &&
    plan.weight.exactDoubles &&
    x.width + plan.weight.maxOddBits <= 53 &&
    Math.abs(fa) <= 1000 &&
    Math.abs(fractionalBits(x) + Math.max(plan.weight.maxFrac, 0)) <= 1000;
  const { lo, hi } = fast ? rangeOf(a) : { lo: 0, hi: 0 };
  return {
    fast,
    roundProducts: fractionalBits(x) + plan.weight.maxFrac > fa,
    trn: a.rounding === 'TRN',
    lo,
    hi,
    scale: 2 ** fa,
    inv: 2 ** -fa,
  };
}

/**
 * Double path: accumulates every output of one input vector x[xOff … xOff+nIn) into acc[accOff … accOff+nOut)
 * (accum_t values, not yet cast to res_t). Returns the accumulator overflows.
 */
export function macFast(plan: MacPlan, m: MacMode, x: Float64Array, xOff: number, acc: Float64Array, accOff: number): number {
  const { rowStart, idx, w, biasAcc, nOut } = plan;
  const { lo, hi, scale, inv } = m;
  // Hot loops call nothing: a row that leaves the accumulator range (or needs a non-TRN rounding) is redone by
  // rowExact, which applies every cast. Keeping calls out of these loops keeps V8 from de-optimising them.
  const mode = !m.roundProducts ? 0 : m.trn ? 1 : 2;
  let ovf = 0;
  for (let j = 0; j < nOut; j++) {
    let s = biasAcc[j];
    const end = rowStart[j + 1];
    let ok = mode !== 2;
    if (mode === 0) {
      for (let k = rowStart[j]; k < end; k++) {
        const p = x[xOff + idx[k]] * w[k];
        s += p;
        if (p > hi || p < lo || s > hi || s < lo) {
          ok = false;
          break;
        }
      }
    } else if (mode === 1) {
      for (let k = rowStart[j]; k < end; k++) {
        const q = Math.floor(x[xOff + idx[k]] * w[k] * scale) * inv;
        s += q;
        if (q > hi || q < lo || s > hi || s < lo) {
          ok = false;
          break;
        }
      }
    }
    if (!ok) {
      s = rowExact(plan, m, x, xOff, j);
      ovf += rowOverflows;
    }
    acc[accOff + j] = s;
  }
  return ovf;
}

let rowOverflows = 0;

/** One output with every cast applied (sets rowOverflows). */
function rowExact(plan: MacPlan, m: MacMode, x: Float64Array, xOff: number, j: number): number {
  const { rowStart, idx, w, accum } = plan;
  let ovf = 0;
  let s = plan.biasAcc[j];
  for (let k = rowStart[j]; k < rowStart[j + 1]; k++) {
    let p = x[xOff + idx[k]] * w[k];
    if (m.roundProducts || p > m.hi || p < m.lo) {
      p = castOne(p, accum);
      if (lastCastOverflowed) ovf++;
    }
    s += p;
    if (s > m.hi || s < m.lo) {
      s = castOne(s, accum);
      ovf++;
    }
  }
  rowOverflows = ovf;
  return s;
}

/**
 * BigInt path: as {@link macFast} on mantissas (x at F = xFrac); writes accumulator mantissas (at accum F) to
 * acc[accOff …]. Returns the accumulator overflows.
 */
export function macSlow(plan: MacPlan, x: readonly bigint[], xOff: number, xFrac: number, acc: bigint[], accOff: number): number {
  const { rowStart, idx, wM, biasAccM, accum } = plan;
  const fa = fractionalBits(accum);
  const fp = xFrac + plan.wFrac;
  let ovf = 0;
  for (let j = 0; j < plan.nOut; j++) {
    let s = biasAccM[j];
    for (let k = rowStart[j]; k < rowStart[j + 1]; k++) {
      const p = castDyadic(x[xOff + idx[k]] * wM[k], fp, accum);
      if (p.overflow) ovf++;
      const r = castDyadic(s + p.mantissa, fa, accum);
      if (r.overflow) ovf++;
      s = r.mantissa;
    }
    acc[accOff + j] = s;
  }
  return ovf;
}

/** accum_t casts hls4ml performs per inference of one output vector: the bias cast plus two per product. */
export function castsPerVector(plan: MacPlan): number {
  return plan.nOut * (1 + 2 * plan.productsPerOutput);
}
