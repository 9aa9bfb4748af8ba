import * as z from "zod";

/**
 * One row of the guide's `taxi_zone_geo` lookup. Ids need not be unique (the real table lists some twice) and
 * need not cover every location id the trips use.
 * @example readTable("taxi_zone_geo.csv", taxiZoneGeoSchema, { aliases: taxiZoneGeoAliases })
 */
export const taxiZoneGeoSchema = z.object({
  zone_id: z.int().describe("TLC taxi zone id, the trips' pickup_location_id / dropoff_location_id"),
  zone_name: z
    .string()
    .describe('Zone name, e.g. "JFK Airport"; airports are the names containing "airport"'),
  borough: z
    .string()
    .describe('Borough of the zone: Manhattan, Brooklyn, Queens, Bronx, Staten Island or "EWR"'),
});

/** One zone row as read with {@link taxiZoneGeoSchema}. */
export type TaxiZoneGeo = z.output<typeof taxiZoneGeoSchema>;

/** A column of `taxi_zone_geo`. */
export type TaxiZoneGeoColumn = keyof TaxiZoneGeo & string;

/** The 3 columns of `taxi_zone_geo`, in file order. */
export const TAXI_ZONE_GEO_COLUMNS = Object.keys(taxiZoneGeoSchema.shape) as readonly TaxiZoneGeoColumn[];
