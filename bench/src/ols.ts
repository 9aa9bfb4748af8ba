/**
 * Ordinary least squares from its normal equations: the baselines aggregate XᵀX and Xᵀy in their engine
 * (one pass over the prepared rows) and solve the small system here.
 */

/**
 * Solve `a · x = b` for a symmetric positive (semi-)definite `a` (row-major, n × n) by Gaussian elimination
 * with partial pivoting. A column with no pivot (a constant or collinear feature) gets coefficient 0,
 * which is what a minimum-norm least-squares fit does for an exactly redundant column.
 */
export function solveLinearSystem(a: readonly number[][], b: readonly number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  const pivotRow: number[] = new Array<number>(n).fill(-1);
  let row = 0;
  const scale = Math.max(1, ...a.map((r, i) => Math.abs(r[i] as number)));
  for (let col = 0; col < n && row < n; col++) {
    let best = row;
    for (let r = row + 1; r < n; r++) {
      if (Math.abs(m[r]![col]!) > Math.abs(m[best]![col]!)) best = r;
    }
    if (Math.abs(m[best]![col]!) <= 1e-12 * scale) continue;
    [m[row], m[best]] = [m[best]!, m[row]!];
    const pivot = m[row]!;
    for (let r = 0; r < n; r++) {
      if (r === row) continue;
      const factor = m[r]![col]! / pivot[col]!;
      if (factor === 0) continue;
      const target = m[r]!;
      for (let c = col; c <= n; c++) target[c] = target[c]! - factor * pivot[c]!;
    }
    pivotRow[col] = row;
    row++;
  }
  return pivotRow.map((r, col) => (r < 0 ? 0 : m[r]![n]! / m[r]![col]!));
}

/**
 * Coefficients `[intercept, ...weights]` of the least-squares fit, from the sums an engine aggregated:
 * `xtx[i][j] = Σ xᵢ·xⱼ` and `xty[i] = Σ xᵢ·y` over the design columns `[1, ...features]`.
 */
export function olsFromNormalEquations(xtx: readonly number[][], xty: readonly number[]): number[] {
  return solveLinearSystem(xtx, xty);
}

/** The names of the normal-equation sums over design columns `[1, ...features]`: `xtx_i_j` (i <= j) and `xty_i`. */
export function normalEquationTerms(features: readonly string[]): {
  design: string[];
  pairs: [i: number, j: number][];
} {
  const design = ["1", ...features];
  const pairs: [number, number][] = [];
  for (let i = 0; i < design.length; i++) for (let j = i; j < design.length; j++) pairs.push([i, j]);
  return { design, pairs };
}

/** Rebuild the symmetric XᵀX and Xᵀy from the aggregated values, keyed `xtx_i_j` and `xty_i`. */
export function normalEquationsFrom(
  values: Readonly<Record<string, number>>,
  size: number,
): { xtx: number[][]; xty: number[] } {
  const xtx = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const xty = new Array<number>(size).fill(0);
  for (let i = 0; i < size; i++) {
    xty[i] = Number(values[`xty_${i}`] ?? 0);
    for (let j = i; j < size; j++) {
      const v = Number(values[`xtx_${i}_${j}`] ?? 0);
      xtx[i]![j] = v;
      xtx[j]![i] = v;
    }
  }
  return { xtx, xty };
}
