/**
 * Cycles of one call of a Latency-strategy matrix kernel whose constant products share the cores the ALLOCATION limit
 * allows (hls4ml `dense_latency` under PIPELINE II=RF), as io_stream layers call it once per word or pixel.
 */
import type { Parameters } from '../calibration/parameters.js';
import type { LayerSignature } from '../signature.js';
import { isFabricMultiply } from '../dsp-split.js';
import { constantWeights, sharedRounds, type Multipliers } from './cmvm.js';
import { constantDigits } from './constant-dsp-share.js';
import { chainedStages, STREAM_OP_NS } from './stream-timing.js';

/**
 * Constant products of a Latency kernel that the ALLOCATION limit shares, i.e. that stay multiplications. Vivado HLS
 * builds a constant with fewer signed digits than the DSP threshold (`constDspMinDigitsVivado`: two, like 3 = 4 − 1
 * or 10 = 8 + 2) as shift-and-add logic before scheduling, so it never waits for a core — the same rule that keeps
 * it out of the DSP count. Real rows (pominiq/DNNonSilicon, Vivado HLS 2020.1, known weights): the nested
 * `dense_latency` kernel of a stream conv (RF 16, 36 products on 3 cores, 3 of two digits) takes 10 cycles =
 * ⌈33/3⌉ − 1, not ⌈36/3⌉ − 1; the pruned 72-product kernel on 5 cores 12 = ⌈64/5⌉ − 1; the 32×10 `dense_wrapper`
 * at RF 16 on 20 cores 13 / 14 / 13 = ⌈267/20⌉ / ⌈286/20⌉ / ⌈274/20⌉ − 1 (47 / 28 / 39 two-digit constants of
 * 314). Vitis HLS (`candidates` already holds only those) and narrow operands (every product in fabric) keep
 * the multiplier's candidates. `p` absent: every candidate (the estimators that do not pass it).
 */
export function sharedMultiplications(sig: LayerSignature, m: Multipliers, p?: Parameters): number {
  if (!p || sig.tool === 'vitis_hls' || !constantWeights(sig.strategy)) return m.candidates;
  if (isFabricMultiply(sig.inputWidth, sig.weightWidth, p.dspFabricMaxWidth)) return m.candidates;
  return Math.min(m.candidates, Math.round(m.products * constantDigits(sig, p).wideShare));
}

/**
 * Cycles of a Latency kernel call whose products share `limit` cores (hls4ml `dense_latency` under PIPELINE II=RF,
 * called once per stream word or pixel): the shared multiplications issue in ⌈mults/limit⌉ rounds (at most RF),
 * the last of them in cycle rounds − 1, and that product then goes through its add into the output's partial sum
 * and the final add, chained under the clock ({@link chainedStages}: in the same cycle at 25 ns, one more at 10 ns).
 * Real rows (pominiq/DNNonSilicon, Vivado HLS 2020.1): nested kernels of 10 / 13 / 3 / 12 cycles at 25 ns and
 * 35 / 50 at 10 ns (RF 64: ⌈35/1⌉ − 1 + 1, ⌈249/5⌉ − 1 + 1); `dense_wrapper` RF 64 at 10 ns 60 = ⌈297/5⌉ − 1 + 1;
 * RF 1 at 25 ns 0.
 */
export function sharedKernelCycles(sig: LayerSignature, m: Multipliers, p?: Parameters): number {
  const rounds = sharedRounds(m, sig.reuseFactor, sharedMultiplications(sig, m, p));
  return rounds - 1 + chainedStages(sig, KERNEL_TAIL_OPS) - 1;
}

/** The last product of a Latency kernel: a 16-bit DSP multiply, its add into the partial sum, the final add. */
const KERNEL_TAIL_OPS: readonly number[] = [STREAM_OP_NS.multiply, STREAM_OP_NS.add, STREAM_OP_NS.add];
