/**
 * The input pack size of an io_stream layer from its mangled function name. hls4ml's io_stream layers take
 * `hls::stream<nnet::array<T, N>>`; the tools spell the first template argument as `…_array_<T>_<N>u_…`, e.g.
 * `dense_array_ap_fixed_8u_array_ap_fixed_16_6_5_3_0_10u_config9_s` reads `nnet::array<ap_fixed, 8>` words (the
 * output pack, 10, is the second). When the input element type is printed without its size (`dense_array_array_…`)
 * the pack is not in the name.
 */

/** The element count N of the first `nnet::array<T, N>` argument spelled in `module`, or undefined. */
export function moduleInputPack(module: string): number | undefined {
  const name = module.trim();
  const at = name.indexOf('_array_');
  if (at < 0) return undefined;
  const m = /^ap_u?fixed(?:_\d+_-?\d+_\d+_\d+_\d+)?_(\d+)u(?:_|$)/.exec(name.slice(at + 7));
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= 1 ? n : undefined;
}
