import { compose, step, tableParam } from "@tablepipe/core";
import { dropDuplicates, excludeAirports, firstNDaily, limitHistory } from "@tablepipe/transforms";
import { filterSettingsFields } from "../config";
import { taxiZoneGeoSchema } from "../data/zone-schema";
import { keepEveningRides } from "./keep-evening-rides";
import { filterStepParams } from "./step-params";

/**
 * The guide's `filter_data`, step by step (each step's params from {@link filterStepParams}):
 * 1. `dropDuplicates` (all columns);
 * 2. `limitHistory`: pickup month after `history_start_month` (exclusive) through `history_end_month`
 *    (inclusive);
 * 3. {@link keepEveningRides}: drop-off hour `first_evening_hour`..`last_evening_hour`, inclusive;
 * 4. `excludeAirports` on `pickup_location_id`, then on `dropoff_location_id`;
 * 5. `firstNDaily`: the first `n_first_daily_rides_to_keep` pickups per pickup zone and calendar day.
 *
 * Params: `zones` (required: the zone table with `zone_id` ints and `zone_name` strings, checked before any
 * step runs) and the filters' settings by their config names, with the config's defaults
 * (`history_start_month` "201703", `history_end_month` "201811", `first_evening_hour` 17,
 * `last_evening_hour` 23, `n_first_daily_rides_to_keep` 3).
 *
 * @example
 * const { table, trace } = pipe(trips).transform(filterData, { zones }).transform(addFeatures).run();
 */
export const filterData = compose({
  name: "filterData",
  description:
    "The tip model's row filters: dedupe, history window, evening rides, no airports, first n daily.",
  params: filterSettingsFields.extend({
    zones: tableParam(taxiZoneGeoSchema.pick({ zone_id: true, zone_name: true })).describe(
      "The zone table (zone_id, zone_name; other columns are kept), for excluding airports.",
    ),
  }),
  steps: (settings) => {
    const params = filterStepParams(settings);
    return [
      step(dropDuplicates),
      step(limitHistory, params.limitHistory).as("limitHistory"),
      step(keepEveningRides, params.keepEveningRides),
      step(excludeAirports, params.excludePickupAirports),
      step(excludeAirports, params.excludeDropoffAirports),
      step(firstNDaily, params.firstNDaily).as("firstNDaily"),
    ];
  },
});
