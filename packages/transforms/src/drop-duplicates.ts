import { defineTransform, needsEach } from "@tablepipe/core";
import { markBuiltIn } from "@tablepipe/core/internal";
import { columnValues } from "./internal/columns";
import { distinguishingColumns } from "./internal/distinguishing-columns";
import { groupRows } from "./internal/row-groups";
import { keepPositions, visibleRows } from "./internal/rows";
import { withoutNegativeZeroColumns, zeroSignedColumns } from "./internal/zero-signs";

/**
 * Drop rows that repeat an earlier row: equal in every column, or in the columns of `subset` when given
 * (Spark's `dropDuplicates`). The first occurrence of each distinct row is kept, in input order.
 *
 * Equality is by value, as in SQL's `DISTINCT`: the missing values `null`, `undefined` and NaN (and an
 * invalid Date) are one value, `""` another; `1` and `"1"` differ; Dates are equal when they hold the same
 * instant; `-0` and `0` are one value, and on every column a kept row's float zero comes out as `0` (as
 * Spark's `DISTINCT` gives it; with a subset, the first row is kept as it is). Rows are hashed on typed arrays
 * with an exact check of every column on each hash hit (no string keys, no arquero `dedupe`, so it scales past
 * 8.4M distinct rows); only the few columns that tell rows apart on a sample are hashed, which makes it several
 * times faster on wide tables (all columns are hashed if those few turn out not to be enough).
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
  // On every column, row-local filters and derives commute with it: the planner may run it after them.
  dropsDuplicateRows: ({ subset }) => subset.length === 0,
  apply: (table, { subset }) => {
    const names = subset.length > 0 ? [...new Set(subset)] : table.columnNames();
    const rows = visibleRows(table);
    const columns = names.map((name) => columnValues(table, name));
    const { firstPosition } = groupRows(columns, rows, {
      hashKeys: distinguishingColumns(columns, rows),
      expectedGroups: rows.length,
    });
    const kept = keepPositions(table, rows, new Uint32Array(firstPosition));
    // on every column a kept row is a distinct value: a float's zero comes out as 0 (`zero-signs.ts`)
    return subset.length > 0 ? kept : withoutNegativeZeroColumns(kept, zeroSignedColumns(table));
  },
});

markBuiltIn(dropDuplicates);
