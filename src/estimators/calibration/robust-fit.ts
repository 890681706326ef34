/**
 * Robust non-negative linear fit on relative error: iteratively reweighted least squares with Huber weights on
 * the relative residuals `(y − ŷ)/max(y, floor)`, each step an NNLS solve. Relative weighting makes a 10 % miss on
 * a small layer count as much as on a large one, which is what median/p90 absolute % error measures.
 */
import { medianAbsoluteDeviation } from 'simple-statistics';
import { nnls } from './nnls.js';

/** Huber's tuning constant (95 % efficiency under normal errors). */
const HUBER_K = 1.345;

/** Fits `y ≈ x·β`, `β ≥ 0`, robustly; `floor` keeps tiny targets from dominating. */
export function robustFit(x: readonly (readonly number[])[], y: readonly number[], floor: number, iterations = 8): number[] {
  const n = y.length;
  const base = y.map((v) => 1 / Math.max(Math.abs(v), floor) ** 2);
  let w = base.slice();
  let beta = nnls(x, y, w);
  for (let it = 0; it < iterations; it++) {
    const r = y.map((v, i) => (v - x[i].reduce((s, xj, j) => s + xj * beta[j], 0)) / Math.max(Math.abs(v), floor));
    const s = Math.max(1.4826 * (n > 1 ? medianAbsoluteDeviation(r) : 0), 0.01);
    w = base.map((b, i) => {
      const u = Math.abs(r[i]) / s;
      return u <= HUBER_K ? b : (b * HUBER_K) / u;
    });
    beta = nnls(x, y, w);
  }
  return beta;
}
