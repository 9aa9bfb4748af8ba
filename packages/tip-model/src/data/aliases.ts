import type { TaxiTripColumn } from "./trip-schema";
import type { TaxiZoneGeoColumn } from "./zone-schema";

/**
 * Other names of the trip columns in real layouts, for `readTable(..., { aliases })`; names are compared
 * ignoring case, `_`, `-` and spaces. Covers the TLC's own files (`VendorID`, `tpep_pickup_datetime`,
 * `RatecodeID`, `PULocationID`, `improvement_surcharge`; green taxis' `lpep_*`), their snake_case exports
 * (`rate_code_id`, `pickup_location_id`) and BigQuery's `tlc_yellow_trips_*` (the guide's names).
 * Extra columns of those layouts (`congestion_surcharge`, `airport_fee`, `ehail_fee`, `trip_type`) are ignored.
 */
export const taxiTripAliases: Readonly<Record<TaxiTripColumn, readonly string[]>> = {
  vendor_id: ["VendorID"],
  pickup_datetime: ["tpep_pickup_datetime", "lpep_pickup_datetime"],
  dropoff_datetime: ["tpep_dropoff_datetime", "lpep_dropoff_datetime"],
  passenger_count: [],
  trip_distance: [],
  rate_code: ["RatecodeID", "rate_code_id"],
  store_and_fwd_flag: [],
  payment_type: [],
  fare_amount: [],
  extra: [],
  mta_tax: [],
  tip_amount: [],
  tolls_amount: [],
  imp_surcharge: ["improvement_surcharge"],
  total_amount: [],
  pickup_location_id: ["PULocationID", "pu_location_id"],
  dropoff_location_id: ["DOLocationID", "do_location_id"],
};

/**
 * Other names of the zone columns: the TLC's zone lookup `LocationID,Borough,Zone,service_zone` maps onto
 * `zone_id`, `borough`, `zone_name` (`service_zone` is ignored).
 */
export const taxiZoneGeoAliases: Readonly<Record<TaxiZoneGeoColumn, readonly string[]>> = {
  zone_id: ["LocationID", "location_id"],
  zone_name: ["Zone"],
  borough: ["Borough"],
};
