import "@tablepipe/testing/vitest";
import { MissingColumnsError, pipe, TransformParamError } from "@tablepipe/core";
import { tripRows, zoneRows } from "@tablepipe/testing";
import { describe, expect, it } from "vitest";
import { filterData } from "./filter-data";

const zones = zoneRows.tuples(
  ["zone_id", "zone_name"],
  [
    [1, "Newark Airport"],
    [2, "Alphabet City"],
    [3, "Jamaica Bay"],
  ],
);

// One row per filter to fail, plus four rides on one day in zone 3 (one too many) and a good one in zone 2.
const trips = tripRows.rows([
  { pickup_location_id: 2, pickup_datetime: "2018-02-04T18:00", dropoff_datetime: "2018-02-04T18:30" },
  { pickup_location_id: 2, pickup_datetime: "2018-02-04T18:00", dropoff_datetime: "2018-02-04T18:30" }, // duplicate
  { pickup_location_id: 2, pickup_datetime: "2017-03-31T18:00", dropoff_datetime: "2017-03-31T18:30" }, // history
  { pickup_location_id: 2, pickup_datetime: "2018-02-04T16:00", dropoff_datetime: "2018-02-04T16:59" }, // afternoon
  { pickup_location_id: 1, pickup_datetime: "2018-02-04T18:00", dropoff_datetime: "2018-02-04T18:30" }, // airport
  {
    pickup_location_id: 2,
    dropoff_location_id: 1,
    pickup_datetime: "2018-02-04T18:00",
    dropoff_datetime: "2018-02-04T18:30",
  }, // airport
  { pickup_location_id: 3, pickup_datetime: "2018-02-04T19:00", dropoff_datetime: "2018-02-04T19:30" },
  { pickup_location_id: 3, pickup_datetime: "2018-02-04T17:00", dropoff_datetime: "2018-02-04T17:30" },
  { pickup_location_id: 3, pickup_datetime: "2018-02-04T20:00", dropoff_datetime: "2018-02-04T20:30" },
  { pickup_location_id: 3, pickup_datetime: "2018-02-04T18:00", dropoff_datetime: "2018-02-04T18:30" },
]);

describe("filterData", () => {
  it("runs the guide's filters in order, each visible in the trace", () => {
    const { table, trace } = pipe(trips).transform(filterData, { zones }).run();
    expect(trace[0]?.step).toBe("filterData");
    expect(trace[0]?.children.map((c) => [c.step, c.rowsIn, c.rowsOut])).toEqual([
      ["dropDuplicates", 10, 9],
      ["limitHistory", 9, 8],
      ["keepEveningRides", 8, 7],
      ["excludeAirports(pickup_location_id)", 7, 6],
      ["excludeAirports(dropoff_location_id)", 6, 5],
      ["firstNDaily", 5, 4],
    ]);
    expect(table.array("pickup_location_id")).toEqual([2, 3, 3, 3]);
    expect(
      Array.from(table.array("pickup_datetime") as ArrayLike<number>, (ms) => new Date(ms).getUTCHours()),
    ).toEqual([18, 19, 17, 18]);
  });

  it("passes its params down", () => {
    const narrow = filterData(trips, {
      zones,
      historyStartMonth: "201702",
      historyEndMonth: "201712",
      firstEveningHour: 16,
      lastEveningHour: 16,
    });
    expect(narrow.numRows()).toBe(0);
    const wide = filterData(trips, {
      zones,
      historyStartMonth: "201702",
      firstEveningHour: 16,
      nFirstDailyRidesToKeep: 1,
    });
    // zone 2 now keeps one ride on 2018-02-04 (the 16:00 one, the earliest) and one on 2017-03-31
    expect(wide.array("pickup_location_id")).toEqual([2, 2, 3]);
    expect(
      Array.from(wide.array("pickup_datetime") as ArrayLike<number>, (ms) =>
        new Date(ms).toISOString().slice(0, 13),
      ),
    ).toEqual(["2017-03-31T18", "2018-02-04T16", "2018-02-04T17"]);
  });

  it("needs the zone table and validates its params, naming them", () => {
    expect(() => filterData(trips, {} as never)).toThrow(/filterData: param "zones"/);
    expect(() => filterData(trips, { zones, historyStartMonth: "2017-03" })).toThrow(TransformParamError);
    expect(() => filterData(trips, { zones, lastEveningHour: 24 })).toThrow(
      /filterData: param "lastEveningHour"/,
    );
    expect(() => filterData(trips, { zones, nFirstDailyRidesToKeep: 0 })).toThrow(/nFirstDailyRidesToKeep/);
  });

  it("names the inner step when a column is missing, before running anything", () => {
    const noDropoff = trips.select("pickup_datetime", "pickup_location_id", "dropoff_location_id");
    expect(() => pipe(noDropoff).transform(filterData, { zones }).check()).toThrow(MissingColumnsError);
    expect(() => pipe(noDropoff).transform(filterData, { zones }).check()).toThrow(
      /^filterData > keepEveningRides: missing column "dropoff_datetime"/,
    );
  });

  it("handles an empty table", () => {
    expect(filterData(tripRows.empty(), { zones })).toEqualTable(tripRows.empty());
  });
});
