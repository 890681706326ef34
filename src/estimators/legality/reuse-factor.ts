/**
 * hls4ml's reuse-factor arithmetic: which reuse factors a layer accepts and which one hls4ml snaps an invalid
 * value to.
 * @see hls4ml/backends/fpga/fpga_backend.py `_validate_reuse_factor`, `get_closest_reuse_factor`;
 *   /work/shared/docs/hls4ml.md §1.5 (closed form verified exhaustively for n_in<60, n_out<40)
 */

/** The divisors of n in increasing order. */
export function divisors(n: number): number[] {
  const small: number[] = [];
  const large: number[] = [];
  for (let d = 1; d * d <= n; d++) {
    if (n % d === 0) {
      small.push(d);
      if (d * d !== n) large.unshift(n / d);
    }
  }
  return [...small, ...large];
}

/**
 * hls4ml's three conditions for a reuse factor of an (n_in × n_out) multiplication, written out literally;
 * the reference {@link validReuseFactors} is checked against.
 */
export function isValidReuseFactorByRule(nIn: number, nOut: number, rf: number): boolean {
  if (!Number.isInteger(rf) || rf < 1 || rf > nIn * nOut) return false;
  const multfactor = Math.min(nIn, rf);
  const multiplierLimit = Math.ceil((nIn * nOut) / multfactor);
  const cond1 = multiplierLimit % nOut === 0 || rf >= nIn;
  const cond2 = rf % nIn === 0 || rf < nIn;
  const cond3 = (nIn * nOut) % rf === 0;
  return cond1 && cond2 && cond3;
}

/** Valid reuse factors in increasing order: `{d : d | n_in} ∪ {n_in·m : m | n_out}`. */
export function validReuseFactors(nIn: number, nOut: number): number[] {
  const set = new Set<number>(divisors(nIn));
  for (const m of divisors(nOut)) set.add(nIn * m);
  return [...set].sort((a, b) => a - b);
}

/** True when `rf` is one of {@link validReuseFactors}. */
export function isValidReuseFactor(nIn: number, nOut: number, rf: number): boolean {
  if (!Number.isInteger(rf) || rf < 1) return false;
  if (rf <= nIn) return nIn % rf === 0;
  return rf % nIn === 0 && nOut % (rf / nIn) === 0;
}

/** The valid reuse factor hls4ml would use instead of `rf`: the nearest one, the smaller on a tie. */
export function closestReuseFactor(valid: readonly number[], rf: number): number {
  let best = valid[0];
  for (const v of valid) {
    if (Math.abs(v - rf) < Math.abs(best - rf)) best = v;
  }
  return best;
}
