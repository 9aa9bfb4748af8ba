import type { CastType, SqlStepContext } from "@tablepipe/core";
import { floatZeroAsZero } from "./float-zero";

/**
 * A column as the key of a sort or of a window's partitions, which keeps the sign of a float's zero. DuckDB's
 * sort hands a key column's values back from its sort key, in which `-0` and `0` are one value, so a DOUBLE's
 * `-0` came out of any step that sorts by it (`sortRows`, `window`, the first-N steps, a dedupe on some columns)
 * as `0`, where in process it stays `-0`. On DuckDB a float column is sorted by `x + 0.0` (the same order: `-0 +
 * 0.0` is `0`, equal to `-0` anyway) and carried beside its key unchanged; a column of unknown type by
 * `greatest(x, x)`, the same value of any type (DuckDB sees through `coalesce(x, x)` where a column holds no
 * null). Other columns, and every column on other dialects, as they are.
 * @example sortKey(c, "fare", { fare: "float" }) // ("fare" + 0.0) on DuckDB, "fare" on Spark
 */
export function sortKey(
  context: SqlStepContext,
  column: string,
  types: Readonly<Record<string, CastType>>,
): string {
  const quoted = context.quote(column);
  if (context.dialect !== "duckdb") return quoted;
  const type = types[column];
  if (type === "float") return floatZeroAsZero(quoted, type);
  return type === undefined ? `greatest(${quoted}, ${quoted})` : quoted;
}
