import { defineTransform, hour, needs } from "@tablepipe/core";
import { keepHourWindow } from "@tablepipe/transforms";
import * as z from "zod";
import { tipAmountModelFields } from "../config";
import { TRIP } from "./taxi-columns";

/**
 * The guide's evening filter: {@link keepHourWindow} on the drop-off time, `from` `first_evening_hour` to
 * `to` `last_evening_hour`, inclusive. Its defaults are the config's (17 and 23, declared there): 16:59 is
 * dropped, 17:00 and 23:59 are kept, 00:00 is dropped. A `from` after `to` wraps midnight.
 *
 * Params: `column` (default "dropoff_datetime"), `from` (default 17), `to` (default 23). Renders to SQL as
 * `keepHourWindow` does, so it runs inside DuckDB with `@tablepipe/duckdb`.
 *
 * @example
 * keepEveningRides(trips);                        // drop-offs 17:00-23:59
 * keepEveningRides(trips, { from: 18, to: 22 });  // drop-offs 18:00-22:59
 */
export const keepEveningRides = defineTransform({
  name: "keepEveningRides",
  rowLocal: true,
  description: "Keep rides whose drop-off hour is between `from` and `to` (default 17-23), inclusive.",
  columns: { column: needs(TRIP.dropoffDatetime) },
  params: z.object({
    from: tipAmountModelFields.shape.first_evening_hour,
    to: tipAmountModelFields.shape.last_evening_hour,
  }),
  sql: ({ column, from, to }, c) => {
    const at = c.expr(hour({ kind: "column", name: column }));
    const window = from <= to ? `${at} BETWEEN ${from} AND ${to}` : `(${at} >= ${from} OR ${at} <= ${to})`;
    return `SELECT * FROM ${c.input} WHERE ${window}`;
  },
  apply: (table, { column, from, to }) => keepHourWindow(table, { column, from, to }),
  // keepHourWindow has one: a streamed read passes rows through it without making a table
  keepRows: (table, rows, { column, from, to }) =>
    keepHourWindow.keepRows!(table, rows, { column, from, to }),
  keepWhere: ({ column, from, to }, input) => keepHourWindow.keepWhere?.({ column, from, to }, input),
});
