import { defineTransform, needs } from "@tablepipe/core";
import { markBuiltIn } from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";
import * as z from "zod";
import { columnValues } from "./internal/columns";
import { firstRowsCutoff } from "./internal/first-n-cutoff";
import { type FirstNSpec, keepFirstDistinctN, keepFirstN } from "./internal/first-n-rows";
import { visibleRows } from "./internal/rows";
import { dayNumber, timestampMillis } from "./internal/timestamps";

/** The first-N request of `firstNDaily` on `table`: groups by key and calendar day, ranks by the time stamp. */
function dailySpec(table: ColumnTable, key: string, timestamp: string, n: number): FirstNSpec {
  const rows = visibleRows(table);
  const millis = timestampMillis(table, timestamp, rows, "firstNDaily");
  // Keys are read by backing row number: spread the per-row values back onto the backing rows.
  const days = new Float64Array(table.totalRows()).fill(Number.NaN);
  const instants = new Float64Array(table.totalRows()).fill(Number.NaN);
  for (let i = 0; i < rows.length; ++i) {
    const ms = millis[i]!;
    days[rows[i]!] = dayNumber(ms);
    instants[rows[i]!] = ms;
  }
  return { rows, keys: [columnValues(table, key), days], order: [instants], skipInTieBreak: [key], n };
}

/**
 * Keep the first `n` rows per `key` and calendar day of `timestamp`, by `timestamp` ascending: the guide's
 * `row_number() over (partition by pickup_location_id, date(pickup_datetime) order by pickup_datetime) <= 3`,
 * built on the same machinery as {@link firstNPerGroup}.
 *
 * - The calendar day is the time stamp's wall-clock date (its UTC fields): a day that crosses a daylight
 *   saving change is still one day, and no hour moves.
 * - Ties on the time stamp are broken by every other column ascending (see {@link firstNPerGroup}), so the
 *   result never depends on input order.
 * - The missing keys (null, undefined, NaN) are one key of their own. Rows whose time stamp is missing form one group per key (Spark's
 *   `date_format(null)` is null, one partition): at most `n` of them are kept per key, chosen by the tie-break.
 * - Output: the surviving rows in their input order.
 *
 * Params, all required: `key` (the column to group by), `timestamp` (the time-stamp column whose calendar
 * day groups and whose order ranks), `n` (rows kept per key and day, >= 1).
 *
 * @example
 * firstNDaily(trips, { key: "pickup_location_id", timestamp: "pickup_datetime", n: 3 }); // 3 first pickups per zone and day
 * firstNDaily(orders, { key: "customer_id", timestamp: "ordered_at", n: 1 });           // each customer's first order of a day
 */
export const firstNDaily = defineTransform({
  name: "firstNDaily",
  description: "Keep the first n rows per key and calendar day of a time stamp, by that time stamp.",
  columns: { key: needs(), timestamp: needs({ type: ["timestamp", "date"] }) },
  // ties broken by every other column, survivors in input order: a streamed read may keep just the candidates
  keepsFirstRowsPerGroup: () => true,
  firstRowsCutoff: ({ key, timestamp, n }) =>
    firstRowsCutoff([key, timestamp], (table) => dailySpec(table, key, timestamp, n)),
  params: z.object({
    n: z.int().min(1, "expected n >= 1").describe("Rows kept per key and day."),
  }),
  keepFirstDistinctRows: (table, { key, timestamp, n }) =>
    keepFirstDistinctN(table, dailySpec(table, key, timestamp, n)),
  apply: (table, { key, timestamp, n }) => keepFirstN(table, dailySpec(table, key, timestamp, n)),
});

markBuiltIn(firstNDaily);
