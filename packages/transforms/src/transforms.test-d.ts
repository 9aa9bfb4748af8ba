import type { Table } from "@tablepipe/core";
import { pipe } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import { describe, expectTypeOf, it } from "vitest";
import { addDateParts } from "./add-date-parts";
import { addFeatures } from "./add-features";
import { dropDuplicates } from "./drop-duplicates";
import { excludeAirports } from "./exclude-airports";
import { excludeMatching } from "./exclude-matching";
import { filterData } from "./filter-data";
import { firstNPerGroup } from "./first-n-per-group";
import { keepHourWindow } from "./keep-hour-window";
import { limitHistory } from "./limit-history";

type TripColumns =
  | "pickup_datetime"
  | "dropoff_datetime"
  | "pickup_location_id"
  | "dropoff_location_id"
  | "store_and_fwd_flag"
  | "fare_amount";
declare const trips: Table<TripColumns>;
declare const noDropoff: Table<Exclude<TripColumns, "dropoff_datetime">>;
declare const zones: ColumnTable;

describe("typed columns", () => {
  it("tracks the guide's pipeline: filterData keeps the columns, addFeatures adds four", () => {
    const out = pipe(trips).transform(filterData, { zones }).transform(addFeatures).value();
    expectTypeOf(out).toEqualTypeOf<
      Table<TripColumns | "month" | "day_of_week" | "day_of_month" | "store_and_fwd_flag_is_N">
    >();
    expectTypeOf(addDateParts(trips, { month: "m" })).toEqualTypeOf<
      Table<TripColumns | "m" | "day_of_week" | "day_of_month">
    >();
  });

  it("does not compile when a step needs a column the table lacks", () => {
    // @ts-expect-error keepEveningRides (inside filterData) needs dropoff_datetime
    pipe(noDropoff).transform(filterData, { zones });
    // @ts-expect-error no such column
    limitHistory(trips, { column: "pickup_time" });
    // @ts-expect-error no such column in the subset
    dropDuplicates(trips, { subset: ["fare_amount", "tip"] });
    dropDuplicates(trips, { subset: ["fare_amount"] });
    // @ts-expect-error keys must be columns of the table
    firstNPerGroup(trips, { keys: ["vendor_id"] });
    excludeAirports(noDropoff, { zones });
    // @ts-expect-error on the drop-off location, the table must have it
    excludeAirports(trips as Table<"pickup_location_id">, { column: "dropoff_location_id", zones });
  });

  it("types the params", () => {
    // @ts-expect-error months are yyyyMM strings
    limitHistory(trips, { after: 201703 });
    // @ts-expect-error the bounds are named after / through
    limitHistory(trips, { start: "201703" });
    // @ts-expect-error a general hour window has no default bounds
    keepHourWindow(trips);
    // @ts-expect-error filterData needs the zone table
    filterData(trips);
    excludeMatching(trips, { lookup: zones, where: { anyOf: [{ column: "zone_name", in: ["JFK", 1] }] } });
    // @ts-expect-error predicates are data: an unknown test does not compile
    excludeMatching(trips, { lookup: zones, where: { column: "zone_name", like: "%airport%" } });
  });
});
