import type { Table } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import { op } from "arquero";

/** The columns {@link farePerMileByBoroughAndHour} reads. */
export type PreparedTripColumns = "pickup_borough" | "pickup_datetime" | "fare_per_mile";

// #region farePerMileByBoroughAndHour
/**
 * The answer: trips, median and mean fare per mile (dollars, rounded to cents) by pickup borough and pickup hour (0-23), sorted.
 *
 * A group-by, not a transform: its rows are groups and its columns are new, so it has no column contract to
 * check in a pipe; it runs on the pipe's output. The hour is read with `op.utchours`: time stamps hold New York
 * wall-clock time in their UTC fields, and `op.hours` would shift them by the machine's time zone.
 *
 * @example farePerMileByBoroughAndHour(prepared).print()
 */
export function farePerMileByBoroughAndHour(prepared: Table<PreparedTripColumns>): ColumnTable {
  return prepared
    .derive({ pickup_hour: (d) => op.utchours(d.pickup_datetime) })
    .groupby("pickup_borough", "pickup_hour")
    .rollup({
      trips: op.count(),
      median_fare_per_mile: (d) => op.round(op.median(d.fare_per_mile) * 100) / 100,
      mean_fare_per_mile: (d) => op.round(op.mean(d.fare_per_mile) * 100) / 100,
    })
    .orderby("pickup_borough", "pickup_hour");
}
// #endregion farePerMileByBoroughAndHour
