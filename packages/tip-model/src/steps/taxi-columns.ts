/**
 * The taxi data's columns that the tip model's steps name (the general transforms name none): the trip
 * table's (`taxi_trip_data`) and the zone table's (`taxi_zone_geo`).
 * @example step(addDateParts, { column: TRIP.pickupDatetime })
 */
export const TRIP = {
  pickupDatetime: "pickup_datetime",
  dropoffDatetime: "dropoff_datetime",
  pickupLocationId: "pickup_location_id",
  dropoffLocationId: "dropoff_location_id",
  storeAndFwdFlag: "store_and_fwd_flag",
} as const;

/** The zone table's id and name columns. */
export const ZONE = { id: "zone_id", name: "zone_name" } as const;

/**
 * The order of the prepared table (then every other column): pickup zone, pickup time, drop-off time.
 * @example step(sortRows, { by: PREPARED_ORDER })
 */
export const PREPARED_ORDER = [TRIP.pickupLocationId, TRIP.pickupDatetime, TRIP.dropoffDatetime] as const;
