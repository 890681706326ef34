/**
 * The logic an element-wise kernel builds per element when it casts its input into the result type
 * (`res[i] = data[i]` between two `ap_fixed` types), in the units of the HLS tool's own expression estimate.
 *
 * What the cast does (Xilinx `ap_fixed` semantics, UG1399 "Arbitrary Precision Fixed-Point Data Types"):
 * - dropped fraction bits with a rounding mode other than AP_TRN: a guard bit, a sticky OR of the bits below it
 *   (a compare with zero), two gates and an increment of the kept bits;
 * - dropped integer bits (or a signed value into an unsigned type, or a rounding carry) with an AP_SAT* mode: the
 *   dropped top bits compared with all-zeros and all-ones, a few gates and a multiplexer onto the limit value;
 * - AP_TRN / AP_WRAP: only wiring.
 * A ReLU-like kernel adds its own `x > 0` compare over the input and a multiplexer over the kept result bits.
 *
 * Operator costs are those the tools print in the Expression table of a function's csynth report. Vivado HLS 2020.1
 * (tanvirana/heterogeneous-hls4ml-testing, quantised_pruned_jet_tagging_model, relu<ap_fixed<18,7>,
 * ap_ufixed<6,0,AP_RND_CONV,AP_SAT>>: 86 LUT per element = compare 18 + select 6 + adder 15 + sticky compare 9 +
 * two 7-bit compares 11 + 11 + select 6 + four gates and a 1-bit select at 2; baseline model relu<ap_fixed<16,6>>
 * → same type: compare 13 + select 15; ml4quantum-release relu<ap_fixed<64,16>, ap_ufixed<14,4>>, 2019.1: compare
 * 29 + select 14) and Vitis HLS 2021.1 (ArgyKokk/hls4ml_MLP_estimator HAR, relu<ap_fixed<16,4>,
 * ap_ufixed<8,1,AP_RND_CONV,AP_SAT>>: 43 per element = compare 7 + select 8 + adder 8 + 2 + two gates at 1 + two
 * 3-bit compares at 2 + select 8 + two 1-bit selects at 2). Vitis prices small operators at about half of Vivado
 * HLS. Compare costs between those widths are interpolated (our fit to the points above).
 */
import type { LayerSignature } from '../signature.js';

/** Expression-table LUT costs of the operators a cast uses, for one HLS tool. */
interface OperatorCosts {
  /** An n-bit compare (with a constant). */
  readonly compare: (bits: number) => number;
  /** An n-bit adder (increment). */
  readonly add: (bits: number) => number;
  /** A 1-bit and/or/xor gate. */
  readonly gate: number;
  /** A 1-bit select. */
  readonly bitSelect: number;
}

const VIVADO_COSTS: OperatorCosts = {
  compare: (n) => Math.round(8 + n / 3),
  add: (n) => n + 9,
  gate: 2,
  bitSelect: 2,
};

const VITIS_COSTS: OperatorCosts = {
  compare: (n) => Math.max(1, Math.ceil((3 * n) / 7)),
  add: (n) => n,
  gate: 1,
  bitSelect: 2,
};

/** True when the cast into the result type rounds (drops fraction bits under a mode other than truncation). */
export function castRounds(sig: LayerSignature): boolean {
  return sig.resultRounding !== 'TRN' && sig.inputWidth - sig.inputInteger > sig.resultWidth - sig.resultInteger;
}

/** True when the cast into the result type saturates (an AP_SAT* mode and a value range the result cannot hold). */
export function castSaturates(sig: LayerSignature): boolean {
  if (!sig.resultOverflow.startsWith('SAT')) return false;
  return sig.inputInteger > sig.resultInteger || !sig.resultSigned || castRounds(sig);
}

/**
 * LUTs (in the tool's expression estimate) of one element of a ReLU-like kernel: the `x > 0` compare over the input,
 * the multiplexer onto the kept result bits, and the rounding and saturation logic of the cast (see the file header).
 */
export function reluCastLuts(sig: LayerSignature): number {
  const c = sig.tool === 'vitis_hls' ? VITIS_COSTS : VIVADO_COSTS;
  const out = Math.max(1, sig.resultWidth);
  // A signed result's sign bit is a constant 0 on the selected branch (real row: a 15-bit select for 16-bit data).
  let luts = c.compare(Math.max(1, sig.inputWidth)) + (sig.resultSigned ? Math.max(1, out - 1) : out);
  if (castRounds(sig)) {
    const dropped = sig.inputWidth - sig.inputInteger - (sig.resultWidth - sig.resultInteger);
    luts += c.add(out) + (dropped >= 2 ? c.compare(dropped - 1) : 0) + 2 * c.gate;
  }
  if (castSaturates(sig)) {
    const dropped = Math.max(1, sig.inputInteger - sig.resultInteger);
    luts += 2 * c.compare(dropped) + out + 2 * c.gate + c.bitSelect;
  }
  return luts;
}
