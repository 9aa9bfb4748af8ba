import { col, defineTransform, hour, isIn, needs } from "@tablepipe/core";
import { markBuiltIn } from "@tablepipe/core/internal";
import * as z from "zod";
import { hourPositions, hoursInWindow } from "./internal/hour-window";
import { keepSelected, rowsAt } from "./internal/rows";
import { hourOfDay } from "./schemas";

/**
 * Keep the rows whose time stamp's hour of day (0-23, read from its wall-clock fields) lies between
 * `from` and `to`, both inclusive. When `from > to` the window wraps midnight: `{ from: 22, to: 2 }` keeps
 * 22:00-02:59. `from === to` keeps that one hour. Rows whose time stamp is missing are dropped. Input order
 * is kept.
 *
 * Params, all required: `column` (a time-stamp column), `from` and `to` (integers 0-23).
 *
 * @example
 * keepHourWindow(trips, { column: "dropoff_datetime", from: 17, to: 23 }); // 17:00:00 to 23:59:59.999
 * keepHourWindow(trips, { column: "pickup_datetime", from: 22, to: 2 }); // night rides, across midnight
 */
export const keepHourWindow = defineTransform({
  name: "keepHourWindow",
  rowLocal: true,
  description:
    "Keep rows whose hour (0-23) of a time stamp is within from..to, inclusive; wraps midnight when from > to.",
  columns: { column: needs({ type: "timestamp" }) },
  params: z.object({
    from: hourOfDay.describe("First hour kept (0-23), inclusive."),
    to: hourOfDay.describe("Last hour kept (0-23), inclusive; smaller than `from` wraps midnight."),
  }),
  apply: (table, { column, from, to }) =>
    keepSelected(table, (rows) => hourPositions(table, rows, column, from, to, "keepHourWindow")),
  keepRows: (table, rows, { column, from, to }) =>
    rowsAt(rows, hourPositions(table, rows, column, from, to, "keepHourWindow")),
  keepWhere: ({ column, from, to }) => isIn(hour(col(column)), hoursInWindow(from, to)),
});

markBuiltIn(keepHourWindow);
