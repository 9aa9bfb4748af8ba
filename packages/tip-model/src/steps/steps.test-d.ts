import type { Table } from "@tablepipe/core";
import { pipe } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import { describe, expectTypeOf, it } from "vitest";
import { addFeatures } from "./add-features";
import { filterData } from "./filter-data";
import { keepEveningRides } from "./keep-evening-rides";

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
declare const unnamedZones: Table<"zone_id" | "borough", { zone_id: "int"; borough: "string" }>;
declare const textIdZones: Table<"zone_id" | "zone_name", { zone_id: "string"; zone_name: "string" }>;

describe("the tip model's steps, typed", () => {
  it("tracks the guide's pipeline: filterData keeps the columns, addFeatures adds four", () => {
    const out = pipe(trips).transform(filterData, { zones }).transform(addFeatures).value();
    expectTypeOf(out).toEqualTypeOf<
      Table<
        TripColumns | "month" | "day_of_week" | "day_of_month" | "store_and_fwd_flag_is_N",
        { month: "int"; day_of_week: "int"; day_of_month: "int"; store_and_fwd_flag_is_N: "int" }
      >
    >();
  });

  it("knows the taxi columns its general steps are given", () => {
    // @ts-expect-error keepEveningRides (inside filterData) reads dropoff_datetime
    pipe(noDropoff).transform(filterData, { zones });
    // @ts-expect-error keepEveningRides reads dropoff_datetime
    keepEveningRides(noDropoff);
    expectTypeOf(keepEveningRides(trips)).toEqualTypeOf<Table<TripColumns>>();
  });

  it("takes the settings by their config names", () => {
    filterData(trips, { zones, n_first_daily_rides_to_keep: 5, first_evening_hour: 18 });
    // @ts-expect-error the old camel-case spelling is gone
    filterData(trips, { zones, nFirstDailyRidesToKeep: 5 });
    // @ts-expect-error filterData needs the zone table
    filterData(trips);
  });

  it("knows the zone table's columns and types", () => {
    // @ts-expect-error the zone table lacks zone_name
    pipe(trips).transform(filterData, { zones: unnamedZones });
    // @ts-expect-error the zone table's ids are strings
    filterData(trips, { zones: textIdZones });
  });
});
