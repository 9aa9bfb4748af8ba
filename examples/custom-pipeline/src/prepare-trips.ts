import { compose, step, tableParam } from "@tablepipe/core";
import { taxiZoneGeoSchema } from "@tablepipe/tip-model";
import { dropDuplicates, dropMissing, excludeAirports, limitHistory, yyyyMM } from "@tablepipe/transforms";
import * as z from "zod";
import { addFarePerMile } from "./add-fare-per-mile";
import { addPickupBorough } from "./add-pickup-borough";

// #region prepareTrips
/**
 * The rows the fare-per-mile question is asked of, as one transform of a higher level (like the guide's
 * `filter_data`): the library's dedupe, month window and airport anti-joins (airport trips pay flat fares),
 * then this project's two transforms, with the trips too short to measure dropped in between.
 *
 * Params: `zones` (required), `after` (exclusive, default "201712"), `through` (inclusive, default "201812"),
 * `minMiles` (default 0.5).
 *
 * @example pipe(trips).transform(prepareTrips, { zones }).value()
 */
export const prepareTrips = compose({
  name: "prepareTrips",
  description: "Dedupe, one year of pickups, no airports, fare per mile of measurable trips, pickup borough.",
  params: z.object({
    zones: tableParam(taxiZoneGeoSchema).describe("The zone table (zone_id, zone_name, borough)."),
    after: yyyyMM.default("201712").describe("Keep pickups after this month (yyyyMM, exclusive)."),
    through: yyyyMM.default("201812").describe("Keep pickups up to this month (yyyyMM, inclusive)."),
    minMiles: z.number().min(0).default(0.5).describe("Shorter trips are not measured."),
  }),
  steps: (p) => {
    const airports = { zones: p.zones, zoneIdColumn: "zone_id", zoneNameColumn: "zone_name" } as const;
    return [
      step(dropDuplicates),
      step(limitHistory, { column: "pickup_datetime", after: p.after, through: p.through }),
      step(excludeAirports, { column: "pickup_location_id", ...airports }),
      step(excludeAirports, { column: "dropoff_location_id", ...airports }),
      step(addFarePerMile, { minMiles: p.minMiles }),
      step(dropMissing, { columns: ["fare_per_mile"] }),
      step(addPickupBorough, { zones: p.zones }),
    ];
  },
});
// #endregion prepareTrips
