import { defineTransform, needs } from "@tablepipe/core";
import { z } from "zod";
import { keepHours } from "./internal/hour-window";
import { hourOfDay } from "./schemas";

/**
 * The guide's evening filter: {@link keepHourWindow} on the drop-off time with the guide's bounds. Keeps
 * rides whose drop-off hour is `from` (default 17) to `to` (default 23), inclusive: 16:59 is dropped,
 * 17:00 and 23:59 are kept, 00:00 is dropped.
 *
 * Params: `column` (default "dropoff_datetime"), `from` (default 17), `to` (default 23).
 *
 * @example
 * keepEveningRides(trips);                        // drop-offs 17:00-23:59
 * keepEveningRides(trips, { from: 18, to: 22 });  // drop-offs 18:00-22:59
 */
export const keepEveningRides = defineTransform({
  name: "keepEveningRides",
  rowLocal: true,
  description: "Keep rides whose drop-off hour is between `from` and `to` (default 17-23), inclusive.",
  columns: { column: needs("dropoff_datetime") },
  params: z.object({
    from: hourOfDay.default(17).describe("First evening hour (0-23), inclusive."),
    to: hourOfDay.default(23).describe("Last evening hour (0-23), inclusive."),
  }),
  apply: (table, { column, from, to }) => keepHours(table, column, from, to, "keepEveningRides"),
});
