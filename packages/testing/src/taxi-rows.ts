import * as z from "zod";
import { rowFactory } from "./row-factory";

const utc = (year: number, month: number, day: number, hour: number, minute: number): (() => Date) => {
  return () => new Date(Date.UTC(year, month - 1, day, hour, minute, 0));
};

/**
 * One taxi trip with the guide's defaults (its `Trip` dataclass), columns in `taxi_trip_data` order.
 * Time stamps are UTC wall-clock times: 2018-02-04 18:00 to 19:30.
 */
export const Trip = z.object({
  vendor_id: z.int().default(1),
  pickup_datetime: z.date().default(utc(2018, 2, 4, 18, 0)),
  dropoff_datetime: z.date().default(utc(2018, 2, 4, 19, 30)),
  passenger_count: z.int().default(2),
  trip_distance: z.number().default(50.2),
  rate_code: z.int().default(3),
  store_and_fwd_flag: z.string().default("N"),
  payment_type: z.int().default(1),
  fare_amount: z.number().default(10.5),
  extra: z.number().default(0.1),
  mta_tax: z.number().default(0.5),
  tip_amount: z.number().default(0.8),
  tolls_amount: z.number().default(0.1),
  imp_surcharge: z.number().default(1.2),
  total_amount: z.number().default(15.2),
  pickup_location_id: z.int().default(1),
  dropoff_location_id: z.int().default(2),
});

/** A full trip row, as {@link tripRows} builds it. */
export type Trip = z.output<typeof Trip>;

/** One row of the zone lookup with the guide's defaults (its `ZoneGeo` dataclass). */
export const ZoneGeo = z.object({
  zone_id: z.int().default(1),
  zone_name: z.string().default("Snack Zone"),
  borough: z.string().default("Food Borough"),
});

/** A full zone row, as {@link zoneRows} builds it. */
export type ZoneGeo = z.output<typeof ZoneGeo>;

/**
 * Trip tables with the guide's defaults.
 * @example tripRows.tuples(["pickup_location_id", "dropoff_location_id"], [[1, 1], [100, 1], [1, 100], [100, 100]])
 */
export const tripRows = /* @__PURE__ */ rowFactory(Trip, { name: "tripRows" });

/**
 * Zone lookup tables with the guide's defaults.
 * @example zoneRows.tuples(["zone_id", "zone_name"], [[100, "is airport or so"]])
 */
export const zoneRows = /* @__PURE__ */ rowFactory(ZoneGeo, { name: "zoneRows" });
