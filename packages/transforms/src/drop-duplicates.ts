import { defineTransform, needsEach } from "@tablepipe/core";
import { columnValues } from "./internal/columns";
import { groupRows } from "./internal/row-groups";
import { keepPositions, visibleRows } from "./internal/rows";

/**
 * Drop rows that repeat an earlier row: equal in every column, or in the columns of `subset` when given
 * (Spark's `dropDuplicates`). The first occurrence of each distinct row is kept, in input order.
 *
 * Equality is by value: `null`, `undefined`, NaN and `""` are four different values, `1` and `"1"` differ,
 * Dates are equal when they hold the same instant. Keys are hashed on typed arrays with an exact check
 * on every hash hit (no string keys, no arquero `dedupe`, so it scales past 8.4M distinct rows).
 *
 * Params: `subset` (default `[]`, meaning every column).
 *
 * @example
 * dropDuplicates(trips);                                        // rows equal in all 17 columns, once
 * dropDuplicates(trips, { subset: ["vendor_id", "pickup_datetime"] }); // first row per vendor and time
 */
export const dropDuplicates = defineTransform({
  name: "dropDuplicates",
  description:
    "Drop rows equal to an earlier row in every column (or in the given subset), keeping the first.",
  columns: { subset: needsEach([]) },
  apply: (table, { subset }) => {
    const names = subset.length > 0 ? [...new Set(subset)] : table.columnNames();
    const rows = visibleRows(table);
    const { firstPosition } = groupRows(
      names.map((name) => columnValues(table, name)),
      rows,
    );
    return keepPositions(table, rows, new Uint32Array(firstPosition));
  },
});
