/**
 * Robust non-negative linear fit on relative error: iteratively reweighted least squares towards the least
 * absolute relative deviation `Σ |y − ŷ| / y`, each step an NNLS solve. Relative error makes a 10 %
 * miss on a small layer count as much as on a large one (the data spans four orders of magnitude); the absolute (L1)
 * loss fits the median rather than the mean; and a target below `floor` (a layer the tool dissolved into its caller:
 * 0 FF, 0 cycles) is measured against the prediction, which bounds its relative error by 1, and
 * is left out of the starting solution, so that a few of them cannot drag the whole fit to zero while a group that
 * is mostly zero (combinational activations: 0 FF) still fits zero. That is what median/p90 absolute % error measures.
 * @see Schlossmacher, "An iterative technique for absolute deviations curve fitting", JASA 68 (1973) — IRLS for L1
 */
import { nnls } from './nnls.js';

/** Relative residuals below this count as this (keeps IRLS weights finite; 5 % is well below the errors we see). */
const L1_EPSILON = 0.05;

/** Fits `y ≈ x·β`, `0 ≤ β ≤ upper`, robustly; `floor` keeps tiny targets from dominating. */
export function robustFit(x: readonly (readonly number[])[], y: readonly number[], floor: number, iterations = 20, upper?: readonly number[]): number[] {
  // Start from the records above the floor (all of them if none is), weighted for relative error.
  const anyAbove = y.some((v) => Math.abs(v) >= floor);
  let beta = nnls(x, y, y.map((v) => (Math.abs(v) >= floor ? 1 / v ** 2 : anyAbove ? 0 : 1 / floor ** 2)), upper);
  for (let it = 0; it < iterations; it++) {
    const w = y.map((v, i) => {
      let fit = 0;
      for (let j = 0; j < beta.length; j++) fit += x[i][j] * beta[j];
      // Below the floor a miss is measured against the prediction: its relative error is at most 1.
      const scale = Math.abs(v) >= floor ? Math.abs(v) : Math.max(fit, floor);
      return 1 / (scale * scale * Math.max(Math.abs(v - fit) / scale, L1_EPSILON));
    });
    beta = nnls(x, y, w, upper);
  }
  return beta;
}
