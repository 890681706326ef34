/**
 * Search quality against a reference front (the exhaustive one): ADRS, the average over reference points of
 * the distance to the nearest found point, where the distance is the worst per-objective shortfall.
 * Palermo et al. divide each shortfall by the reference value; objectives such as DSP count are often 0 on the
 * front, so the default here divides by the reference front's range per objective instead (0 when matched).
 * @see Palermo, Silvano, Zaccaria, "ReSPIR: A Response Surface-Based Pareto Iterative Refinement for
 *   Application-Specific Design Space Exploration", IEEE TCAD 28(12), 2009 (ADRS)
 */
import type { Objectives } from './dominance.js';

/** How shortfalls are scaled: by the reference front's range per objective, or by the reference value. */
export type AdrsScale = 'range' | 'relative';

function ranges(reference: readonly Objectives[]): number[] {
  return reference[0].map((_, i) => {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const r of reference) {
      lo = Math.min(lo, r[i]);
      hi = Math.max(hi, r[i]);
    }
    return hi > lo ? hi - lo : 1;
  });
}

/**
 * ADRS of `found` against `reference` (both minimised): 0 when every reference point is matched or beaten,
 * +Infinity when nothing was found, 0 for an empty reference.
 */
export function adrs(reference: readonly Objectives[], found: readonly Objectives[], scale: AdrsScale = 'range'): number {
  if (reference.length === 0) return 0;
  if (found.length === 0) return Number.POSITIVE_INFINITY;
  const span = scale === 'range' ? ranges(reference) : undefined;
  let total = 0;
  for (const r of reference) {
    let best = Number.POSITIVE_INFINITY;
    for (const f of found) {
      let worst = 0;
      for (let i = 0; i < r.length && worst < best; i++) {
        const d = (f[i] - r[i]) / (span ? span[i] : Math.abs(r[i]) || 1);
        if (d > worst) worst = d;
      }
      if (worst < best) best = worst;
      if (best === 0) break;
    }
    total += best;
  }
  return total / reference.length;
}
