import { compose, step, tableParam } from "@tablepipe/core";
import { z } from "zod";
import { dropDuplicates } from "./drop-duplicates";
import { excludeAirports } from "./exclude-airports";
import { firstNDaily } from "./first-n-daily";
import { keepEveningRides } from "./keep-evening-rides";
import { limitHistory } from "./limit-history";
import { hourOfDay, yyyyMM } from "./schemas";

/**
 * The guide's `filter_data`, step by step:
 * 1. {@link dropDuplicates} (all columns);
 * 2. {@link limitHistory}: pickup month after `historyStartMonth` (exclusive) through `historyEndMonth`
 *    (inclusive);
 * 3. {@link keepEveningRides}: drop-off hour `firstEveningHour`..`lastEveningHour`, inclusive;
 * 4. {@link excludeAirports} on `pickup_location_id`, then on `dropoff_location_id`;
 * 5. {@link firstNDaily}: the first `nFirstDailyRidesToKeep` pickups per pickup zone and calendar day.
 *
 * Params (the guide's defaults): `zones` (required: the zone table with `zone_id`, `zone_name`),
 * `historyStartMonth` "201703", `historyEndMonth` "201811", `firstEveningHour` 17, `lastEveningHour` 23,
 * `nFirstDailyRidesToKeep` 3.
 *
 * @example
 * const { table, trace } = pipe(trips).transform(filterData, { zones }).transform(addFeatures).run();
 */
export const filterData = compose({
  name: "filterData",
  description:
    "The tip model's row filters: dedupe, history window, evening rides, no airports, first n daily.",
  params: z.object({
    zones: tableParam().describe("The zone table (zone_id, zone_name), for excluding airports."),
    historyStartMonth: yyyyMM
      .default("201703")
      .describe("Keep pickups after this month (yyyyMM, exclusive)."),
    historyEndMonth: yyyyMM.default("201811").describe("Keep pickups up to this month (yyyyMM, inclusive)."),
    firstEveningHour: hourOfDay.default(17).describe("First drop-off hour kept (0-23, inclusive)."),
    lastEveningHour: hourOfDay.default(23).describe("Last drop-off hour kept (0-23, inclusive)."),
    nFirstDailyRidesToKeep: z
      .int()
      .min(1, "expected n >= 1")
      .default(3)
      .describe("Rides kept per pickup zone and day."),
  }),
  steps: (p) => [
    step(dropDuplicates),
    step(limitHistory, { after: p.historyStartMonth, through: p.historyEndMonth }),
    step(keepEveningRides, { from: p.firstEveningHour, to: p.lastEveningHour }),
    step(excludeAirports, { column: "pickup_location_id", zones: p.zones }),
    step(excludeAirports, { column: "dropoff_location_id", zones: p.zones }),
    step(firstNDaily, { n: p.nFirstDailyRidesToKeep }),
  ],
});
