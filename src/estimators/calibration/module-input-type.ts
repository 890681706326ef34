/**
 * The input element type a report's function name spells out. Vivado/Vitis HLS mangle a template instance such as
 * `dense_latency<ap_ufixed<8,1,AP_RND_CONV,AP_SAT,0>, ap_fixed<16,4,…>, config5>` into
 * `dense_latency_ap_ufixed_8_1_4_0_0_ap_fixed_16_4_5_3_0_config5_s`: the first type argument is the layer's input
 * (for io_stream, the element of `nnet::array<T, N>`: `…_array_ap_fixed_16_6_5_3_0_1u_…`). Tools often print a type
 * without its arguments (`…_ap_fixed_ap_fixed_config2_s`); then the input type is not in the name.
 * Quantisation and overflow modes are numbered as in `ap_fixed`'s enums (AP_RND = 0 … AP_TRN_ZERO = 6; AP_SAT = 0 …
 * AP_WRAP_SM = 4).
 */
import { fixed, type FixedType, type OverflowMode, type RoundingMode } from '../../fixed/precision.js';

const ROUNDING: readonly RoundingMode[] = ['RND', 'RND_ZERO', 'RND_MIN_INF', 'RND_INF', 'RND_CONV', 'TRN', 'TRN_ZERO'];
const OVERFLOW: readonly OverflowMode[] = ['SAT', 'SAT_ZERO', 'SAT_SYM', 'WRAP', 'WRAP_SM'];

/** The input type spelled in a mangled function name, or undefined when the name does not carry it. */
export function moduleInputType(module: string): FixedType | undefined {
  const m = /(?:^|_)(ap_u?fixed)(?:_(\d+)_(-?\d+)_(\d+)_(\d+)_(\d+))?(?=_|$)/.exec(module);
  if (!m || m[2] === undefined) return undefined;
  const [w, i, q, o, n] = [m[2], m[3], m[4], m[5], m[6]].map(Number);
  const rounding = ROUNDING[q];
  const overflow = OVERFLOW[o];
  if (w < 1 || w > 1024 || !rounding || !overflow) return undefined;
  return fixed(w, i, { signed: m[1] === 'ap_fixed', rounding, overflow, saturationBits: n });
}
