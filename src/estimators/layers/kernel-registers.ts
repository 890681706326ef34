/**
 * Registers of a matrix kernel as io_stream layers build it: whether the kernel call has any cycle boundary to hold
 * values across, and the pipelined multiplier cores of the Resource strategy's ReuseLoop. The FF models of Dense and
 * convolutions read the kernel's register features through {@link registerView}, so that a kernel call without a
 * cycle boundary contributes none.
 */
import type { Parameters } from '../calibration/parameters.js';
import type { LayerSignature } from '../signature.js';
import type { Multipliers } from './cmvm.js';
import { sharedKernelCycles } from './kernel-timing.js';
import { chainedStages, STREAM_OP_NS } from './stream-timing.js';

/**
 * Kernel features whose bits are registers only if the kernel call spans a cycle boundary: the adder tree, the
 * products, the accumulators, the outputs and input copies the kernel registers, and its multiplier cores.
 */
export const KERNEL_REGISTER_FEATURES = [
  'fabricMulBits',
  'addBits',
  'addBitsPerRf',
  'addBitsFast',
  'outBits',
  'inBits',
  'accBits',
  'dspMultipliers',
  'mulCoreBits',
] as const;

/** Name of the FF-model view of a kernel feature ({@link registerView}): `addBits` → `regAddBits`. */
export function registerFeatureName(feature: string): string {
  return `reg${feature.charAt(0).toUpperCase()}${feature.slice(1)}`;
}

/** The kernel feature a register-view name stands for (`regAddBits` → `addBits`); undefined for other names. */
export function plainFeatureName(name: string): string | undefined {
  return /^reg[A-Z]/.test(name) ? `${name.charAt(3).toLowerCase()}${name.slice(4)}` : undefined;
}

/** The name an FF model reads a feature by: its register view for a kernel register feature, else the feature. */
export function ffFeatureName(feature: string): string {
  return (KERNEL_REGISTER_FEATURES as readonly string[]).includes(feature) ? registerFeatureName(feature) : feature;
}

/**
 * The FF-model view of kernel features `f`: each of `features` under its {@link registerFeatureName}, equal to the
 * feature where the kernel is `registered`, 0 where it is not. The LUT model keeps reading the plain features (the
 * logic is there either way).
 */
export function registerView(f: Readonly<Record<string, number>>, registered: boolean, features: readonly string[] = KERNEL_REGISTER_FEATURES): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of KERNEL_REGISTER_FEATURES) out[registerFeatureName(k)] = registered && features.includes(k) ? (f[k] ?? 0) : 0;
  return out;
}

/**
 * Register features of a Latency kernel that a stream layer calls once per word (`dense_latency` under PIPELINE
 * II=RF): its products and partial sums only. Its input array is the caller's (DataPrepare's, `streamBits`), and its
 * results leave in the cycle the last sum is formed, straight into ResWrite's output word. Real rows (pominiq, Vivado
 * HLS 2020.1): the nested 32×10, 128×3 and 4×128 kernels hold 0.8–1.2 FF per product × accumulator bit and nothing
 * that follows their port widths (4×128, 2048 output bits: 6164 FF for 7840 product bits).
 */
export const STREAM_LATENCY_KERNEL_REGISTERS: readonly string[] = ['fabricMulBits', 'addBits', 'addBitsPerRf', 'addBitsFast', 'dspMultipliers', 'mulCoreBits'];

/**
 * Whether the kernel a stream layer calls once per word or pixel holds anything in registers. A Latency kernel
 * (`dense_latency` under PIPELINE II=RF) whose call takes 0 cycles ({@link sharedKernelCycles}: unshared
 * multipliers and the whole tree chained in one clock) is combinational logic between the stream read and write:
 * real rows (pominiq/DNNonSilicon, Vivado HLS 2020.1, RF 1 at 25 ns on xcu50): the nested 32×10 `dense_latency`
 * kernel reports 0 FF with 277 DSP; its Dense layer 524 FF, the DataPrepare input array (512 bits) and a counter; the
 * 3×3 stream convolutions 443 and 1143 FF, their line buffers, windows and counters alone. The other strategies'
 * kernels loop (Resource: ReuseLoop) and always register.
 */
export function kernelRegistered(sig: LayerSignature, m: Multipliers, p: Parameters): boolean {
  if (sig.ioType !== 'io_stream' || sig.strategy !== 'latency') return true;
  return sharedKernelCycles(sig, m, p) > 0;
}

/**
 * One iteration of the Resource kernel's ReuseLoop (hls4ml `dense_resource`, PIPELINE II=1): the weight word read
 * from its ROM and the input selected by the running index (a memory read), the multiply, and the add into the
 * output's accumulator, chained under the clock ({@link chainedStages}).
 */
const REUSE_LOOP_OPS: readonly number[] = [STREAM_OP_NS.read, STREAM_OP_NS.multiply, STREAM_OP_NS.add];

/**
 * Pipeline registers of the Resource kernel's multiplier cores: where the ReuseLoop iteration does not fit one
 * cycle ({@link REUSE_LOOP_OPS}), Vivado HLS builds each DSP multiplier as a pipelined core and counts its operand
 * and product registers as fabric FF — about 2 × (input + weight bits) per core and cycle boundary. Real rows
 * (Vivado HLS 2020.1, 16-bit, pominiq/DNNonSilicon): on xc7z020 at 10 ns (two stages) the Resource Dense and conv
 * kernels take 45–86 FF per multiplier (32×10 at RF 4 / 8 / 64: 6087 / 3848 / 2252 FF for 80 / 40 / 5 DSP); on
 * xcu50 at 10 ns (one stage) about 7 (144×12 at RF 3: 5001 FF for 576 DSP). 0 for Vitis HLS (the DSP48 keeps them,
 * see `mulCoreBits` in cmvm-features.ts), for fabric multipliers and for the other strategies.
 */
export function resourceMulCoreBits(sig: LayerSignature, dspMultipliers: number): number {
  if (sig.strategy !== 'resource' || sig.tool !== 'vivado_hls' || dspMultipliers === 0) return 0;
  const stages = chainedStages(sig, REUSE_LOOP_OPS);
  return dspMultipliers * (stages - 1) * 2 * (sig.inputWidth + sig.weightWidth);
}
