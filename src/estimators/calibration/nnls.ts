/**
 * Non-negative weighted least squares `min Σ wᵢ(yᵢ − xᵢ·β)²` subject to `β ≥ 0`, by cyclic coordinate descent on
 * the normal equations of the column-scaled problem (small feature counts, so this converges quickly and needs no
 * matrix factorisation).
 */

/**
 * Solves the NNLS problem; `x[i]` is row i. Columns that are zero everywhere get coefficient 0. `upper` bounds
 * each coefficient from above (box-constrained least squares; default unbounded).
 */
export function nnls(x: readonly (readonly number[])[], y: readonly number[], w: readonly number[], upper?: readonly number[]): number[] {
  const n = x.length;
  const k = n > 0 ? x[0].length : 0;
  const scale = new Array<number>(k).fill(0);
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += w[i] * x[i][j] * x[i][j];
    scale[j] = s > 0 ? Math.sqrt(s) : 0;
  }
  const a: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const b = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      if (scale[j] === 0) continue;
      const zj = x[i][j] / scale[j];
      b[j] += w[i] * zj * y[i];
      for (let l = j; l < k; l++) if (scale[l] !== 0) a[j][l] += w[i] * zj * (x[i][l] / scale[l]);
    }
  }
  for (let j = 0; j < k; j++) for (let l = 0; l < j; l++) a[j][l] = a[l][j];
  const beta = new Array<number>(k).fill(0);
  for (let it = 0; it < 5000; it++) {
    let change = 0;
    for (let j = 0; j < k; j++) {
      if (scale[j] === 0) continue;
      let g = b[j];
      for (let l = 0; l < k; l++) g -= a[j][l] * beta[l];
      const next = Math.min((upper?.[j] ?? Number.POSITIVE_INFINITY) * scale[j], Math.max(0, beta[j] + g / (a[j][j] + 1e-12)));
      change = Math.max(change, Math.abs(next - beta[j]));
      beta[j] = next;
    }
    if (change < 1e-12) break;
  }
  return beta.map((v, j) => (scale[j] > 0 ? v / scale[j] : 0));
}
