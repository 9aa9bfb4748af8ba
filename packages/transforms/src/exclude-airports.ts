import { defineTransform, needs, tableParam } from "@tablepipe/core";
import { z } from "zod";
import { antiJoin } from "./internal/anti-join";

/**
 * Drop trips from or to an airport: {@link excludeMatching} on a location column against the zones whose
 * name contains "airport" in any case (the guide's `lower(zone_name) LIKE '%airport%'`).
 * A location missing from the zone table is kept; a null location is kept; duplicate zone rows never
 * duplicate trips. Input order is kept.
 *
 * Params: `column` (default "pickup_location_id"), `zones` (required table), `zoneIdColumn` (default
 * "zone_id"), `zoneNameColumn` (default "zone_name").
 *
 * @example
 * excludeAirports(trips, { zones });                                  // on the pickup location
 * excludeAirports(trips, { column: "dropoff_location_id", zones });   // on the drop-off location
 */
export const excludeAirports = defineTransform({
  name: "excludeAirports",
  rowLocal: true,
  description:
    "Drop rows whose location is a zone with 'airport' in its name (a left anti-join on the zone table).",
  columns: { column: needs("pickup_location_id") },
  params: z.object({
    zones: tableParam().describe("The zone table (taxi_zone_geo)."),
    zoneIdColumn: z.string().min(1).default("zone_id").describe("The zone table's id column."),
    zoneNameColumn: z.string().min(1).default("zone_name").describe("The zone table's name column."),
  }),
  apply: (table, { column, zones, zoneIdColumn, zoneNameColumn }) =>
    antiJoin(table, {
      column,
      lookup: zones,
      lookupKey: zoneIdColumn,
      where: { column: zoneNameColumn, contains: "airport", ignoreCase: true },
      step: "excludeAirports",
      lookupLabel: "zones table",
    }),
});
