/**
 * The number functions `abs`, `floor` and `ceil` on one value, and `concat` of two string vectors: as on every SQL
 * engine (see `SqlDialect.wholeNumber`), a zero result is `0`, never `-0`.
 */

/** The number functions that keep a number a number of the same type (an int stays an int). */
export type NumberFunction = "abs" | "floor" | "ceil";

/**
 * Each function on a value that is not null (NaN): `Math.floor(-0.5)` is `-1`, `Math.ceil(-0.5)` is `-0`, made
 * `0` by adding `0` (`-0 + 0` is `0`), as DuckDB's `ceil(x) + 0.0` and Spark's BIGINT have it.
 */
export const NUMBER_FUNCTIONS: Readonly<Record<NumberFunction, (x: number) => number>> = {
  abs: Math.abs,
  floor: (x) => Math.floor(x) + 0,
  ceil: (x) => Math.ceil(x) + 0,
};

/** Whether a one-argument function is one of {@link NUMBER_FUNCTIONS}. */
export function isNumberFunction(op: string): op is NumberFunction {
  return op === "abs" || op === "floor" || op === "ceil";
}

/** `a[i] + b[i]` for strings: null where either is null (SQL's `||`). */
export function concatStrings(
  a: readonly (string | null)[],
  b: readonly (string | null)[],
  n: number,
): (string | null)[] {
  const out = new Array<string | null>(n);
  for (let i = 0; i < n; ++i) {
    const x = a[i];
    const y = b[i];
    out[i] = x === null || x === undefined || y === null || y === undefined ? null : x + y;
  }
  return out;
}
