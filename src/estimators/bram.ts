/**
 * Block-RAM counts of memories and FIFOs from their width × depth, using the BRAM_18K aspect ratios
 * (16K×1, 8K×2, 4K×4, 2K×9, 1K×18, 512×36 in simple dual-port mode).
 * @see /work/shared/docs/hls4ml.md §2.13 (memories and FIFOs, our model) and §2.14 (hls4ml's `ceil(n·w/(RF·36))`)
 */

/** BRAM_18K configurations as [depth, width]. */
export const BRAM18_MODES: readonly (readonly [number, number])[] = [
  [512, 36],
  [1024, 18],
  [2048, 9],
  [4096, 4],
  [8192, 2],
  [16384, 1],
];

/** Fewest BRAM_18K holding a `width × depth` memory: the minimum over aspect ratios of `ceil(W/w)·ceil(D/d)`. */
export function bram18For(width: number, depth: number): number {
  if (width <= 0 || depth <= 0) return 0;
  let best = Number.POSITIVE_INFINITY;
  for (const [d, w] of BRAM18_MODES) {
    const n = Math.ceil(width / w) * Math.ceil(depth / d);
    if (n < best) best = n;
  }
  return best;
}

/** Whole columns of `w`-bit BRAMs for `width` bits, a leftover of at most `remainderLutBits` going to LUTs. */
function columns(width: number, w: number, remainderLutBits: number): number {
  const full = Math.floor(width / w);
  const rest = width - full * w;
  return full + (rest > 0 && (rest > remainderLutBits || full === 0) ? 1 : 0);
}

/**
 * BRAM_18K of a weight ROM `width × depth` as HLS maps it: whole columns of the narrowest mode deep enough, or —
 * when cheaper — the depth split into a power-of-two part and a rest (real rows: a 8192-bit × 1152 ROM takes
 * 456 BRAMs 1K×18 + 228 BRAMs 512×36 = 684); a leftover slice of at most `remainderLutBits` bits goes to LUTs
 * (real rows: a 256-bit ROM → 7 BRAM_18K, 512-bit → 15; the fitted parameter `romRemainderLutBits`).
 */
export function romBram18(width: number, depth: number, remainderLutBits: number): number {
  if (width <= 0 || depth <= 0) return 0;
  let single = Number.POSITIVE_INFINITY;
  for (const [d, w] of BRAM18_MODES) {
    if (d >= depth) {
      single = columns(width, w, remainderLutBits);
      break;
    }
  }
  const deepest = BRAM18_MODES[BRAM18_MODES.length - 1];
  if (!Number.isFinite(single)) single = columns(width, deepest[1], remainderLutBits) * Math.ceil(depth / deepest[0]);
  if (depth <= BRAM18_MODES[0][0]) return single;
  let head: readonly [number, number] = BRAM18_MODES[0];
  for (const m of BRAM18_MODES) if (m[0] <= depth) head = m;
  if (head[0] === depth) return single;
  const split = columns(width, head[1], remainderLutBits) + romBram18(width, depth - head[0], remainderLutBits);
  return split < single ? split : single;
}
