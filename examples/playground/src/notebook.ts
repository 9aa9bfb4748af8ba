import type { ColumnTable } from "arquero";
import { op } from "arquero";

// #region notebookPreparedData
/**
 * The guide's stage 0: its notebook's one long query, translated line by line to arquero, to compare with the
 * production pipeline (`filterData` then `addFeatures`). It is faithful to the notebook, traps included:
 * inner joins drop trips whose zone id the zone table lacks and duplicate trips whose zone is listed twice; the
 * flag column is overwritten with N = 0; rides tied on pickup time are numbered in input order.
 * (Time stamps hold wall-clock time in their UTC fields, hence `op.utc*`; `op.utcmonth` is 0-based and
 * `op.utcdayofweek` has Sunday = 0, hence the `+ 1`s.)
 */
export function notebookPreparedData(trips: ColumnTable, zones: ColumnTable): ColumnTable {
  return (
    trips
      .dedupe()
      // keep only the evening rides in a time range
      .derive({
        pickup_month: (d) => op.utcyear(d.pickup_datetime) * 100 + op.utcmonth(d.pickup_datetime) + 1,
      })
      .filter((d) => d.pickup_month > 201703)
      .filter((d) => d.pickup_month <= 201811)
      .filter((d) => op.utchours(d.dropoff_datetime) >= 17)
      .filter((d) => op.utchours(d.dropoff_datetime) <= 23)
      // remove rides to and from the airport
      .join(
        zones.rename({
          zone_id: "pickup_location_id",
          zone_name: "pickup_zone_name",
          borough: "pickup_borough",
        }),
        "pickup_location_id",
      )
      .filter((d) => !op.match(op.lower(d.pickup_zone_name), "airport", 0))
      .join(
        zones.rename({
          zone_id: "dropoff_location_id",
          zone_name: "dropoff_zone_name",
          borough: "dropoff_borough",
        }),
        "dropoff_location_id",
      )
      .filter((d) => !op.match(op.lower(d.dropoff_zone_name), "airport", 0))
      // take the first 3 rides per day for each pickup location
      .derive({
        pickup_day: (d) =>
          op.utcyear(d.pickup_datetime) * 10000 +
          (op.utcmonth(d.pickup_datetime) + 1) * 100 +
          op.utcdate(d.pickup_datetime),
      })
      .groupby("pickup_location_id", "pickup_day")
      .orderby("pickup_datetime")
      .filter(() => op.row_number() < 4)
      .ungroup()
      .unorder()
      // features engineering
      .derive({
        month: (d) => op.utcmonth(d.pickup_datetime) + 1,
        day_of_week: (d) => op.utcdayofweek(d.pickup_datetime) + 1,
        day_of_month: (d) => op.utcdate(d.pickup_datetime),
        store_and_fwd_flag: (d) => (d.store_and_fwd_flag === "N" ? 0 : 1),
      })
      .reify()
  );
}
// #endregion notebookPreparedData
