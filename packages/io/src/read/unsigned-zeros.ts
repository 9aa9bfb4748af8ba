/**
 * Float values read into an `int` column, each `-0` as `0`: no engine's int holds `-0` (DuckDB's and Spark's
 * BIGINT, a CSV `-0` read as an int), so a Parquet or Arrow DOUBLE `-0.0` reads as `0` on every reader.
 */

/** True for `-0` (and only for it). */
function isNegativeZero(value: unknown): boolean {
  return value === 0 && 1 / (value as number) < 0;
}

/**
 * The values with each `-0` as `0`; the values themselves (no copy) when none is `-0`. Meant for float columns
 * read as `int` only: other columns need no such pass.
 * @example unsignedZeros([1, -0, null]) // [1, 0, null]
 */
export function unsignedZeros(values: ArrayLike<unknown>): ArrayLike<unknown> {
  let found = false;
  for (let i = 0; i < values.length && !found; i++) found = isNegativeZero(values[i]);
  if (!found) return values;
  if (values instanceof Float64Array || values instanceof Float32Array) return values.map((v) => v + 0);
  return Array.from(values, (value) => (isNegativeZero(value) ? 0 : value));
}
