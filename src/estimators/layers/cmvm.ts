/**
 * Multiplier arithmetic of a constant-matrix–vector multiplication (Dense, the dense kernel of a convolution,
 * RNN gate kernels): hls4ml's ALLOCATION limit, how many products are real, which of them the tool maps to DSPs,
 * and the weight ROM of the Resource strategy.
 * @see /work/shared/docs/hls4ml.md §1.5 (multiplier_limit, block_factor), §2.1 (Latency vs Resource),
 *   §2.12 (DSP vs LUT), §2.13–2.14 (ROM BRAM)
 */
import type { Strategy } from '../../ir/layer.js';
import { romBram18 } from '../bram.js';
import type { Parameters } from '../calibration/parameters.js';
import { dspPerMultiply, isFabricMultiply } from '../dsp-split.js';
import type { LayerSignature } from '../signature.js';
import { constantDigits, type ConstantDigits } from './constant-dsp-share.js';
import { chainedStages, type TimingSignature } from './stream-timing.js';

/** The multipliers of one matrix kernel. */
export interface Multipliers {
  /** `multiplier_limit` (Latency: `ceil(N/RF) − floor(zeros/RF)`) or `block_factor` (Resource: `ceil(N/RF)`). */
  readonly limit: number;
  /** Products the kernel computes (Latency: non-zero, non-±2^k constants; Resource: `block_factor` generic ones). */
  readonly products: number;
  /** Products that want a multiplier core (the rest become shift-and-add logic); the ALLOCATION limit shares these. */
  readonly candidates: number;
  readonly dspMultipliers: number;
  /** Multiplier cores built in fabric (forced fabric, or generic products too narrow for a DSP). */
  readonly fabricMultipliers: number;
  /** Constant products the tool turns into shift-and-add logic instead of multiplier cores (not limited by RF). */
  readonly shiftAddProducts: number;
  /** Adders those shift-and-add constants need in all: Σ (signed digits − 1). */
  readonly shiftAddAdders: number;
  /** DSP slices: DSP-mapped multipliers × slices per product. */
  readonly dsp: number;
}

/** True for the strategies whose weights are compile-time constants in the kernel (zero/±2^k products vanish). */
export function constantWeights(s: Strategy): boolean {
  return s === 'latency' || s === 'resource_unrolled' || s === 'distributed_arithmetic';
}

/**
 * Multipliers of an `n`-product kernel (`n` = n_in·n_out, or K·C for depthwise) at reuse factor `rf`, with `zeros`
 * and `pow2` of the weights known (0 when unknown).
 */
export function multipliers(sig: LayerSignature, n: number, zeros: number, pow2: number, rf: number, p: Parameters): Multipliers {
  const wx = sig.inputWidth;
  const ww = sig.weightWidth;
  if (sig.strategy === 'distributed_arithmetic') {
    const d = constantDigits(sig, p);
    const adders = Math.max(0, n - zeros - pow2) * d.distinctShare * d.allAdders;
    return { limit: 0, products: n - zeros, candidates: 0, dspMultipliers: 0, fabricMultipliers: 0, shiftAddProducts: n - zeros, shiftAddAdders: adders, dsp: 0 };
  }
  const fabric = sig.mulImpl === 'fabric';
  if (constantWeights(sig.strategy)) {
    // Constant products become multiplier cores — at most `limit` of them, shared under PIPELINE II=RF — or
    // shift-and-add logic. Vitis HLS decomposes constants with few signed digits before scheduling, so only the wide
    // ones are multiplications the ALLOCATION limit shares; Vivado HLS keeps every non-trivial constant a
    // multiplication (the limit serialises them all: pominiq io_stream conv latencies) and builds the narrow ones
    // in fabric — all of them when an operand is narrow (hls4ml's "no DSP below 9 bits"; tanvirana 6-bit weights:
    // 0 DSP; Vitis HLS puts 8×8 constant products in DSPs: ArgyKokk). A core that holds one constant and no DSP is
    // optimised into shift-and-add logic; a core shared by several constants (or forced to fabric) is a generic
    // multiplier (ArgyKokk LUT_reuse rows: ≈ w_x·w_w LUTs per forced-fabric product).
    // Unknown weights (report rows): the zeros and ±2^k expected of trained weights at this precision.
    const vitis = sig.tool === 'vitis_hls';
    const digits = constantDigits(sig, p);
    const z = constantZeros(sig, n, zeros, p, digits);
    const limit = Math.max(1, Math.ceil(n / rf) - Math.floor(z / rf));
    const products = Math.max(0, n - z - (sig.weightsKnown ? pow2 : Math.round(n * digits.pow2Share)));
    // A constant repeated on one input is one product (the tool's common-subexpression elimination).
    const distinct = Math.round(products * digits.distinctShare);
    const narrowOperand = !vitis && isFabricMultiply(wx, ww, p.dspFabricMaxWidth);
    const wide = narrowOperand ? 0 : Math.round(products * digits.wideShare);
    const candidates = vitis ? wide : distinct;
    const cores = Math.min(candidates, limit);
    const dspMultipliers = fabric ? 0 : Math.min(wide, cores);
    const ownCore = !vitis && !fabric && cores === candidates;
    const shiftAddProducts = distinct - candidates + (ownCore ? cores - dspMultipliers : 0);
    return {
      limit,
      products,
      candidates,
      dspMultipliers,
      fabricMultipliers: ownCore ? 0 : cores - dspMultipliers,
      shiftAddProducts,
      shiftAddAdders: shiftAddProducts * (narrowOperand ? digits.allAdders : digits.narrowAdders),
      dsp: dspMultipliers * dspPerMultiply(wx, ww, sig.dspType),
    };
  }
  const limit = Math.ceil(n / rf);
  const dspMultipliers = fabric || isFabricMultiply(wx, ww, p.dspFabricMaxWidth) ? 0 : limit;
  return { limit, products: limit, candidates: limit, dspMultipliers, fabricMultipliers: limit - dspMultipliers, shiftAddProducts: 0, shiftAddAdders: 0, dsp: dspMultipliers * dspPerMultiply(wx, ww, sig.dspType) };
}

/**
 * Zero weights of an `n`-entry constant kernel: the counted ones when the weights are known, else the share expected
 * of trained weights at this precision ({@link constantDigits}).
 */
export function constantZeros(sig: LayerSignature, n: number, zeros: number, p: Parameters, digits?: ConstantDigits): number {
  return sig.weightsKnown ? zeros : Math.round(n * (digits ?? constantDigits(sig, p)).zeroShare);
}

/** The multipliers of two kernels built side by side (a separable conv's depthwise and pointwise, an RNN's two matrices). */
export function sumMultipliers(a: Multipliers, b: Multipliers): Multipliers {
  return {
    limit: a.limit + b.limit,
    products: a.products + b.products,
    candidates: a.candidates + b.candidates,
    dspMultipliers: a.dspMultipliers + b.dspMultipliers,
    fabricMultipliers: a.fabricMultipliers + b.fabricMultipliers,
    shiftAddProducts: a.shiftAddProducts + b.shiftAddProducts,
    shiftAddAdders: a.shiftAddAdders + b.shiftAddAdders,
    dsp: a.dsp + b.dsp,
  };
}

/** `copies` identical kernels side by side (a convolution's ParallelizationFactor in io_parallel). */
export function scaleMultipliers(m: Multipliers, copies: number): Multipliers {
  if (copies === 1) return m;
  return {
    limit: m.limit * copies,
    products: m.products * copies,
    candidates: m.candidates * copies,
    dspMultipliers: m.dspMultipliers * copies,
    fabricMultipliers: m.fabricMultipliers * copies,
    shiftAddProducts: m.shiftAddProducts * copies,
    shiftAddAdders: m.shiftAddAdders * copies,
    dsp: m.dsp * copies,
  };
}

/** Bits of the weights of an `n`-entry kernel. */
export function weightBits(sig: LayerSignature, n: number): number {
  return n * sig.weightWidth;
}

/**
 * BRAM_18K of the Resource strategy's weight ROM (`block_factor·w` bits wide, RF deep) — 0 for RF = 1, constant
 * weights, external (BramFactor) weights, or ROMs below `romBramMinBits` (kept in LUTs by the tool).
 */
export function weightRomBram18(sig: LayerSignature, n: number, rf: number, p: Parameters): number {
  if (constantWeights(sig.strategy) && sig.strategy !== 'resource_unrolled') return 0;
  if (rf <= 1 || sig.externalWeights) return 0;
  const bits = weightBits(sig, n);
  if (bits < p.romBramMinBits) return 0;
  return romBram18(Math.ceil(n / rf) * sig.weightWidth, rf, p.romRemainderLutBits);
}

/** Weight bits a Resource kernel keeps in LUTs/registers instead of BRAM (0 when they are in BRAM or constants). */
export function weightLutBits(sig: LayerSignature, n: number, rf: number, p: Parameters): number {
  if (constantWeights(sig.strategy) || sig.externalWeights) return 0;
  const bits = weightBits(sig, n);
  return rf <= 1 || bits < p.romBramMinBits ? bits : 0;
}

/** `ceil(log2 n)` for n ≥ 1 (adder-tree depth), 0 for n ≤ 1. */
export function log2Ceil(n: number): number {
  return n <= 1 ? 0 : Math.ceil(Math.log2(n));
}

/**
 * Cycles the Latency kernel needs per call when the ALLOCATION limit shares multiplier cores:
 * `min(RF, ceil(candidates/limit) + 1)` (shift-and-add constants are not shared).
 */
export function serialCycles(m: Multipliers, rf: number): number {
  if (rf <= 1) return 1;
  const per = Math.ceil(Math.max(m.candidates, 1) / Math.max(m.limit, 1)) + 1;
  return per < rf ? per : rf;
}

/**
 * Rounds of the Latency kernel's shared multipliers per call: `ceil(multiplications/limit)` (at most RF, at least 1;
 * the shift-and-add constants are not shared), the multiplications being the multiplier's candidates unless the
 * caller knows fewer wait for a core. One round when RF = 1 or when every multiplication has its own core.
 */
export function sharedRounds(m: Multipliers, rf: number, multiplications = m.candidates): number {
  if (rf <= 1) return 1;
  const r = Math.ceil(Math.max(multiplications, 1) / Math.max(m.limit, 1));
  return r < rf ? r : rf;
}

/**
 * The DSP48 multiply as the scheduler sees it, in two chained parts (7-series −1, ns; our model): the multiplier
 * array and the post-adder/output path. Bounds from the rows: on xc7z007s-2 (ArgyKokk, Vitis HLS 2021.1, 12.5 %
 * uncertainty) it fits a 5 ns cycle (4.375 ns budget) but not a 3.33 ns one (2.91 ns), and on xc7z020-1 (tanvirana,
 * Vivado HLS 2020.1) it adds no cycles at 5 ns — between 3.55 and 4.375 ns on a −1 part. Vitis HLS's own library
 * reports a combinational `Mul_DSP` of 3.81 ns for an 8 × 8-bit constant product on xc7z007s-2 (ArgyKokk schedule
 * reports), 4.6 ns at −1 by the speed-grade scaling: above the Vivado bound, so the two tools' libraries differ.
 */
const DSP_MULTIPLY_NS: readonly number[] = [2.4, 1.2];

/**
 * Registers a DSP multiply adds to a fully unrolled kernel: 0 when it fits in one cycle of the schedule budget, else
 * the DSP48's two internal pipeline registers (multiplier and output: MREG, PREG) — the tool does not split the
 * multiply at an arbitrary point but uses the slice's own registers. Real rows (ArgyKokk Vitis HLS 2021.1,
 * xc7z007s-2, same layer with `config_op mul -impl dsp` vs fabric): equal latency at 5 ns; at 3.33 ns the DSP layers
 * are two cycles above their adder tree where the fabric ones sit on it (jet 16×64 / 32×32 / 32×5 / 64×32 at RF 1 and
 * RF 100, ARRYTHMIA 274×8 at RF 100, CARDIO 21×3 and 3×3), one cycle in the other two (ARRYTHMIA 274×8, 8×16 at RF 1).
 */
export function dspRegisterStages(sig: TimingSignature, m: Multipliers): number {
  return m.dspMultipliers > 0 && chainedStages(sig, DSP_MULTIPLY_NS) > 1 ? 2 : 0;
}

/**
 * Delay of one level of a kernel's adder tree on 7-series −1 (ns; our model): the rows allow 2.67–2.73 — one level
 * per cycle at 3.33 and 5 ns on xc7z007s-2 with 12.5 % uncertainty (ArgyKokk Vitis HLS 2021.1: two levels of
 * 2.2 ns exceed the 4.375 ns budget), one level per cycle at 5 ns on xc7z020-1 (Vivado HLS, 16-bit), the whole
 * 8-level tree of a 128-input layer in one cycle at 25 ns (pominiq xc7z020-1, latency 1: 8 levels within 21.9 ns).
 * The tool's library has 1.3–1.6 ns for a 12–16-bit adder and 3.2 ns for a ternary one (ArgyKokk schedule reports);
 * the rest is the routing of a wide tree.
 */
const ADDER_LEVEL_NS = 2.7;

/** Chains of adder-level delays by length, shared so that the hot path does not allocate. */
const LEVEL_CHAINS: number[][] = [];

/**
 * Pipeline stages of an adder tree over `terms` operands (`ceil(log2 terms)` levels — the HLS tool rebalances hls4ml's
 * accumulation chain into a tree) when its levels are chained into cycles ({@link chainedStages}); 0 for one operand.
 */
export function adderTreeStages(sig: TimingSignature, terms: number): number {
  const levels = log2Ceil(terms);
  if (levels === 0) return 0;
  let chain = LEVEL_CHAINS[levels];
  if (chain === undefined) {
    chain = new Array<number>(levels).fill(ADDER_LEVEL_NS);
    LEVEL_CHAINS[levels] = chain;
  }
  return chainedStages(sig, chain);
}

/** How much faster than 5 ns the clock is, `max(0, 5/clock − 1)`: extra pipeline registers and cycles at fast clocks. */
export function clockPressure(clockNs: number): number {
  const f = 5 / Math.max(clockNs, 0.1) - 1;
  return f > 0 ? f : 0;
}
