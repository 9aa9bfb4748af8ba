import { defineTransform, needsEach } from "@tablepipe/core";
import { markBuiltIn } from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";
import * as z from "zod";
import { columnValues } from "./internal/columns";
import { firstRowsCutoff } from "./internal/first-n-cutoff";
import { type FirstNSpec, keepFirstDistinctN, keepFirstN } from "./internal/first-n-rows";
import { visibleRows } from "./internal/rows";

/** The first-N request of `topNPerGroup` on `table`; throws when `descending` names a column not in `orderBy`. */
function topSpec(
  table: ColumnTable,
  keys: string[],
  orderBy: string[],
  descending: string[],
  n: number,
): FirstNSpec {
  const stray = descending.find((name) => !orderBy.includes(name));
  if (stray !== undefined) {
    throw new TypeError(
      `topNPerGroup: param "descending": "${stray}" is not one of the orderBy columns (${orderBy.join(", ")})`,
    );
  }
  return {
    rows: visibleRows(table),
    keys: keys.map((name) => columnValues(table, name)),
    order: orderBy.map((name) => columnValues(table, name)),
    descending: orderBy.map((name) => descending.includes(name)),
    skipInTieBreak: [...keys, ...orderBy],
    n,
  };
}

/**
 * Keep the top `n` rows of each group by order columns, each ascending or descending: SQL's
 * `ROW_NUMBER() OVER (PARTITION BY keys ORDER BY ...) <= n`, made deterministic. The machinery of
 * {@link firstNPerGroup} (which is this with every order column ascending).
 *
 * - Order: each `orderBy` column ascending (missing values first), or descending when listed in
 *   `descending` (the exact reverse: missing values last). Ties are broken by every remaining column
 *   ascending, so the rows kept never depend on the input order.
 * - Groups: equal values in every `keys` column; the missing values (null, undefined, NaN) are one key,
 *   as in SQL and {@link firstNPerGroup}; no `keys` means one group.
 * - Output: the surviving rows in their input order.
 *
 * Params: `keys`, `orderBy`, `n` (required), `descending` (default `[]`: the `orderBy` columns to rank
 * descending).
 *
 * @example
 * topNPerGroup(orders, { keys: ["customer_id"], orderBy: ["ordered_at"], descending: ["ordered_at"], n: 3 }); // the latest 3 orders per customer
 */
export const topNPerGroup = defineTransform({
  name: "topNPerGroup",
  description: "Keep the top n rows of each group by order columns, each ascending or descending.",
  columns: { keys: needsEach(), orderBy: needsEach(), descending: needsEach([]) },
  // ties broken by every other column, survivors in input order: a streamed read may keep just the candidates
  keepsFirstRowsPerGroup: () => true,
  params: z.object({ n: z.int().min(1, "expected n >= 1").describe("Rows kept per group.") }),
  firstRowsCutoff: ({ keys, orderBy, descending, n }) =>
    firstRowsCutoff([...keys, ...orderBy], (table) => topSpec(table, keys, orderBy, descending, n)),
  keepFirstDistinctRows: (table, { keys, orderBy, descending, n }) =>
    keepFirstDistinctN(table, topSpec(table, keys, orderBy, descending, n)),
  apply: (table, { keys, orderBy, descending, n }) =>
    keepFirstN(table, topSpec(table, keys, orderBy, descending, n)),
});

markBuiltIn(topNPerGroup);
