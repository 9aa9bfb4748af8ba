import type { CastType, SqlStepContext } from "@tablepipe/core";
import { floatZeroAsZero } from "./float-zero";

/**
 * The select list of a `GROUP BY`'s key columns, each a float key's zero as `0`: a group's key is a value, in
 * which `-0` and `0` are one number (`aggregate`, `pivot`, and `dropDuplicates` on every column, whose keys are
 * all the columns). Spark's `GROUP BY` normalises `-0.0` itself; DuckDB's gives the key of whichever row its hash
 * table met first, so a float key is selected as `x + 0.0` there (`-0 + 0.0` is `0`). In process the key columns
 * are cleared the same way (`transforms/src/internal/zero-signs.ts`). A column of a type the compiler does not
 * know is selected as it is.
 * @example groupKeyList(c, ["zone", "fare"], { zone: "int", fare: "float" }) // "zone", ("fare" + 0.0) AS "fare"
 */
export function groupKeyList(
  context: SqlStepContext,
  columns: readonly string[],
  types: Readonly<Record<string, CastType>>,
): string {
  return columns
    .map((column) => {
      const quoted = context.quote(column);
      if (context.dialect !== "duckdb" || types[column] !== "float") return quoted;
      return `${floatZeroAsZero(quoted, "float")} AS ${quoted}`;
    })
    .join(", ");
}
