import { defineTransform, needsEach } from "@tablepipe/core";
import { markBuiltIn } from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";
import * as z from "zod";
import { columnValues } from "./internal/columns";
import { firstRowsCutoff } from "./internal/first-n-cutoff";
import { type FirstNSpec, keepFirstDistinctN, keepFirstN } from "./internal/first-n-rows";
import { visibleRows } from "./internal/rows";

/** The first-N request of `firstNPerGroup` on `table`. */
function groupSpec(table: ColumnTable, keys: string[], orderBy: string[], n: number): FirstNSpec {
  return {
    rows: visibleRows(table),
    keys: keys.map((name) => columnValues(table, name)),
    order: orderBy.map((name) => columnValues(table, name)),
    skipInTieBreak: [...keys, ...orderBy],
    n,
  };
}

/**
 * Keep the first `n` rows of each group: SQL's `ROW_NUMBER() OVER (PARTITION BY keys ORDER BY orderBy) <= n`,
 * made deterministic.
 *
 * - Groups: rows with equal values in every `keys` column. The missing values (null, undefined, NaN) are one
 *   key, a group of their own, as in SQL's `PARTITION BY`. No `keys` means one group.
 * - Order: the `orderBy` columns ascending, missing values first (null, undefined, NaN and an invalid Date are
 *   one missing value, equal to each other), numbers and Dates by value, then booleans, then strings by UTF-16
 *   code unit. Ties are broken by every remaining column, ascending in table order, with the same order, then
 *   by row order: the rows kept never depend on the input's row order beyond which of two rows equal in every
 *   column is kept (the earlier).
 * - Output: the surviving rows in their input order (it is a filter: nothing is sorted; sort afterwards with
 *   `orderby` if you need an order).
 * - Cost: one hash pass to group, then a bounded heap of `n` rows per group larger than `n`; O(rows × log n),
 *   no sort of the table, no arquero `groupby`.
 *
 * Params, all required: `keys` (`[]` for one group), `orderBy`, `n` (rows kept per group, >= 1).
 *
 * @example
 * firstNPerGroup(trips, { keys: ["vendor_id"], orderBy: ["fare_amount"], n: 1 }); // cheapest trip per vendor
 */
export const firstNPerGroup = defineTransform({
  name: "firstNPerGroup",
  description:
    "Keep the first n rows of each group by ascending order columns, ties broken by all remaining columns.",
  columns: { keys: needsEach(), orderBy: needsEach() },
  // ties broken by every other column, survivors in input order: a streamed read may keep just the candidates
  keepsFirstRowsPerGroup: () => true,
  params: z.object({
    n: z.int().min(1, "expected n >= 1").describe("Rows kept per group."),
  }),
  firstRowsCutoff: ({ keys, orderBy, n }) =>
    firstRowsCutoff([...keys, ...orderBy], (table) => groupSpec(table, keys, orderBy, n)),
  keepFirstDistinctRows: (table, { keys, orderBy, n }) =>
    keepFirstDistinctN(table, groupSpec(table, keys, orderBy, n)),
  apply: (table, { keys, orderBy, n }) => keepFirstN(table, groupSpec(table, keys, orderBy, n)),
});

markBuiltIn(firstNPerGroup);
