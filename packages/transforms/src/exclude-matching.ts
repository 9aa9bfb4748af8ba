import { defineTransform, needs, tableParam } from "@tablepipe/core";
import { markBuiltIn } from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";
import * as z from "zod";
import {
  type AntiJoinSpec,
  antiJoin,
  antiJoinCondition,
  antiJoinPositions,
  requireLookupColumns,
} from "./internal/anti-join";
import { rowsAt } from "./internal/rows";
import { type LookupPredicate, lookupPredicate } from "./lookup-predicate";
import { columnName } from "./schemas";

/** The anti-join `excludeMatching` runs. */
function matchingSpec(params: {
  column: string;
  lookup: ColumnTable;
  lookupKey: string;
  where?: LookupPredicate | undefined;
}): AntiJoinSpec {
  const { column, lookup, lookupKey, where } = params;
  return { column, lookup, lookupKey, where, step: "excludeMatching", lookupLabel: "lookup table" };
}

/**
 * Left anti-join against the rows of a lookup table that match a declarative predicate: drop every row
 * whose `column` equals the `lookupKey` of at least one matching lookup row.
 *
 * - A row whose key is missing from the lookup table is kept; a row whose key is null (or NaN) is kept
 *   (a null never equals anything).
 * - Duplicate lookup rows never duplicate rows: the matching keys form a set, each row is kept or dropped
 *   once. Input order is kept.
 * - Keys match by value: `1` is not `"1"`. When the two key columns hold disjoint kinds of values (numbers
 *   against strings) and nothing matched, it throws instead of silently keeping everything.
 * - The lookup must have `lookupKey` and every column the predicate names (checked by a pipe's pre-flight,
 *   before any row is read, with an error naming the lookup table).
 *
 * Params: `column`, `lookup` (a table), `lookupKey` (the lookup table's key column), all required; `where`
 * (a {@link LookupPredicate}; left out, every lookup row counts: a plain anti-join on the key).
 *
 * @example
 * excludeMatching(trips, {
 *   column: "dropoff_location_id",
 *   lookup: zones,
 *   lookupKey: "zone_id",
 *   where: { column: "borough", equals: "EWR" },
 * }); // trips not ending in the EWR borough
 * excludeMatching(orders, { column: "customer_id", lookup: blocked, lookupKey: "customer_id" }); // no blocked customer
 */
export const excludeMatching = defineTransform({
  name: "excludeMatching",
  rowLocal: true,
  description:
    "Drop rows whose key matches a lookup row satisfying a declarative predicate (a left anti-join).",
  columns: { column: needs() },
  params: z.object({
    lookup: tableParam().describe("The lookup table."),
    lookupKey: columnName.describe("The lookup table's key column."),
    where: lookupPredicate
      .optional()
      .describe("Which lookup rows exclude the rows with their key (default: every lookup row)."),
  }),
  // the lookup's key and predicate columns, before any row is read
  check: (params) => requireLookupColumns(matchingSpec(params)),
  apply: (table, params) => antiJoin(table, matchingSpec(params)),
  keepRows: (table, rows, params) => rowsAt(rows, antiJoinPositions(table, rows, matchingSpec(params))),
  keepWhere: (params, input) => antiJoinCondition(matchingSpec(params), input),
});

markBuiltIn(excludeMatching);
