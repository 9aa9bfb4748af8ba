import { and, col, defineTransform, type ExprNode, ge, lt, needs } from "@tablepipe/core";
import { markBuiltIn } from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";
import * as z from "zod";
import { keepSelected, rowsAt } from "./internal/rows";
import { startOfNextMonth, timestampMillis } from "./internal/timestamps";
import { yyyyMM } from "./schemas";

/** The positions (indices into `rows`) whose month (yyyyMM) is after `after` and up to `through`. */
function historyPositions(
  table: ColumnTable,
  rows: Uint32Array,
  column: string,
  after: string,
  through: string,
): Uint32Array {
  // month > after and month <= through, as an interval of instants: [start of after+1, start of through+1).
  const from = startOfNextMonth(after);
  const until = startOfNextMonth(through);
  const millis = timestampMillis(table, column, rows, "limitHistory");
  const keep = new Uint32Array(rows.length);
  let count = 0;
  for (let i = 0; i < millis.length; ++i) {
    const ms = millis[i]!;
    if (ms >= from && ms < until) keep[count++] = i; // false for NaN (missing)
  }
  return keep.subarray(0, count);
}

/** A time stamp literal: epoch milliseconds. */
const instant = (ms: number): ExprNode => ({ kind: "literal", value: ms, timestamp: true });

/**
 * Keep the rows whose time stamp falls in a window of months: its month (`yyyyMM` of `column`) is
 * strictly after `after` and up to and including `through` (the guide's `> history_start_month` and
 * `<= history_end_month`): with `after: "201703", through: "201811"`, March 2017 is dropped, April 2017 is
 * the first month kept and November 2018 the last. Rows whose time stamp is missing are dropped (a comparison with null is
 * never true in SQL). Months are read from the time stamp's wall-clock (UTC) fields, never the machine's
 * zone. Input order is kept.
 *
 * Params, all required: `column` (a time-stamp column), `after` (yyyyMM, exclusive), `through` (yyyyMM,
 * inclusive). An `after` at or past `through`, which would keep no row, is refused naming both.
 *
 * @example
 * limitHistory(trips, { column: "pickup_datetime", after: "201703", through: "201811" }); // 2017-04-01 to 2018-11-30
 * limitHistory(orders, { column: "ordered_at", after: "202312", through: "202406" }); // 2024-01-01 to 2024-06-30
 * limitHistory(trips, { column: "dropoff_datetime", after: "201711", through: "201712" }); // December 2017
 */
export const limitHistory = defineTransform({
  name: "limitHistory",
  rowLocal: true,
  description:
    "Keep rows whose month (yyyyMM) of a time stamp is after `after` (exclusive) and up to `through` (inclusive).",
  columns: { column: needs({ type: ["timestamp", "date"] }) },
  params: z
    .object({
      after: yyyyMM.describe("Exclusive lower bound, yyyyMM: rows of this month are dropped."),
      through: yyyyMM.describe("Inclusive upper bound, yyyyMM: rows of this month are kept."),
    })
    .superRefine(({ after, through }, ctx) => {
      if (after < through) return;
      ctx.addIssue({
        code: "custom",
        path: ["after"],
        message: `expected a month before through ("${through}"): the months kept are after "after" and up to "through", so after "${after}" with through "${through}" keeps no row (swapped?)`,
      });
    }),
  apply: (table, { column, after, through }) =>
    keepSelected(table, (rows) => historyPositions(table, rows, column, after, through)),
  keepRows: (table, rows, { column, after, through }) =>
    rowsAt(rows, historyPositions(table, rows, column, after, through)),
  keepWhere: ({ column, after, through }) =>
    and(
      ge(col(column), instant(startOfNextMonth(after))),
      lt(col(column), instant(startOfNextMonth(through))),
    ),
});

markBuiltIn(limitHistory);
