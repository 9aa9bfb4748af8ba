/**
 * The tip model's pipeline with the job's default config (DESIGN §3), as plain data the baselines render
 * into polars expressions and SQL: the 17 trip columns and their types, the filter bounds, the features.
 * The baseline processes import only this file (no tablepipe package, so their timings stay their own); the
 * harness checks it against the job's config schema and features before any run (see spec-drift.ts).
 */

/** How a trip column is typed in every engine. */
export type TripColumnType = "int" | "float" | "timestamp" | "string";

/** The 17 columns of `taxi_trip_data`, in file order, with their types. */
export const TRIP_COLUMNS: readonly (readonly [name: string, type: TripColumnType])[] = [
  ["vendor_id", "int"],
  ["pickup_datetime", "timestamp"],
  ["dropoff_datetime", "timestamp"],
  ["passenger_count", "int"],
  ["trip_distance", "float"],
  ["rate_code", "int"],
  ["store_and_fwd_flag", "string"],
  ["payment_type", "int"],
  ["fare_amount", "float"],
  ["extra", "float"],
  ["mta_tax", "float"],
  ["tip_amount", "float"],
  ["tolls_amount", "float"],
  ["imp_surcharge", "float"],
  ["total_amount", "float"],
  ["pickup_location_id", "int"],
  ["dropoff_location_id", "int"],
];

/** The four feature columns the tip model's addFeatures adds, in order. */
export const ADDED_COLUMNS = ["month", "day_of_week", "day_of_month", "store_and_fwd_flag_is_N"] as const;

/** The model's features, in the job's order, and its label. */
export const FEATURES = [
  "passenger_count",
  "trip_distance",
  "rate_code",
  "payment_type",
  "fare_amount",
  "tolls_amount",
  "imp_surcharge",
  "month",
  "day_of_week",
  "day_of_month",
  "store_and_fwd_flag_is_N",
] as const;
export const LABEL = "tip_amount";

/**
 * The job's defaults (history_start_month, history_end_month, evening hours, rides per zone and day), as
 * declared in TipAmountModelConfig (packages/tip-model/src/config.ts); `specDrift()` checks they still are.
 */
export const DEFAULTS = {
  historyStartMonth: "201703",
  historyEndMonth: "201811",
  firstEveningHour: 17,
  lastEveningHour: 23,
  nFirstDailyRides: 3,
} as const;

/** Epoch ms of the first instant of the month after `yyyyMM` (UTC wall clock). */
export function startOfNextMonth(yyyyMM: string): number {
  const year = Number(yyyyMM.slice(0, 4));
  const month = Number(yyyyMM.slice(4, 6));
  return Date.UTC(year, month, 1);
}

/**
 * The pickup window of limitHistory as half-open epoch-ms bounds: month > start (exclusive) and month <= end
 * (inclusive) is `[start of the month after start, start of the month after end)`.
 */
export function pickupBounds(): { from: number; until: number } {
  return {
    from: startOfNextMonth(DEFAULTS.historyStartMonth),
    until: startOfNextMonth(DEFAULTS.historyEndMonth),
  };
}

/** The trip columns other than the window's key, in file order: the window's tie-break after pickup time. */
export function tieBreakColumns(): string[] {
  return TRIP_COLUMNS.map(([name]) => name).filter((name) => name !== "pickup_location_id");
}

/** The files a data folder of `tip-model sample` holds. */
export const DATA_FILES = { trips: "taxi_trip_data.csv", zones: "taxi_zone_geo.csv" } as const;

/** What each baseline writes into its output folder. */
export const OUTPUT_FILES = {
  prepared: "prepared.parquet",
  predictions: "predictions.csv",
  model: "model.json",
} as const;
