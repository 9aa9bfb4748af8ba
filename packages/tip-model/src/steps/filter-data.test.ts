import "@tablepipe/testing/vitest";
import { MissingColumnsError, pipe, TransformParamError } from "@tablepipe/core";
import { tripRows, zoneRows } from "@tablepipe/testing";
import { select } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { type FilterSettings, filterSettings, TipAmountModelConfig } from "../config";
import { filterData } from "./filter-data";
import { filterStepParams } from "./step-params";

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
      history_start_month: "201702",
      history_end_month: "201712",
      first_evening_hour: 16,
      last_evening_hour: 16,
    });
    expect(narrow.numRows()).toBe(0);
    const wide = filterData(trips, {
      zones,
      history_start_month: "201702",
      first_evening_hour: 16,
      n_first_daily_rides_to_keep: 1,
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
    expect(() => filterData(trips, { zones, history_start_month: "2017-03" })).toThrow(TransformParamError);
    expect(() => filterData(trips, { zones, last_evening_hour: 24 })).toThrow(
      /filterData: param "last_evening_hour"/,
    );
    expect(() => filterData(trips, { zones, n_first_daily_rides_to_keep: 0 })).toThrow(
      /filterData: param "n_first_daily_rides_to_keep"/,
    );
  });

  it("checks the zone table's columns and types before any step runs, naming the column", () => {
    const textIds = aq.table({ zone_id: ["1"], zone_name: ["Newark Airport"] });
    expect(() => pipe(trips).transform(filterData, { zones: textIds }).check()).toThrow(
      'filterData: param "zones": column "zone_id" should be int, but row 0 holds "1"',
    );
    const unnamed = aq.table({ zone_id: [1], borough: ["EWR"] });
    expect(() => filterData(trips, { zones: unnamed })).toThrow(
      'filterData: param "zones": the table lacks column "zone_name" (string)',
    );
  });

  it("names the inner step when a column is missing, before running anything", () => {
    const noDropoff = select(trips, {
      columns: ["pickup_datetime", "pickup_location_id", "dropoff_location_id"],
    });
    // the compiler knows it too; the run-time pre-flight is what this tests
    // @ts-expect-error step "filterData" needs column "dropoff_datetime"
    expect(() => pipe(noDropoff).transform(filterData, { zones }).check()).toThrow(MissingColumnsError);
    // @ts-expect-error step "filterData" needs column "dropoff_datetime"
    expect(() => pipe(noDropoff).transform(filterData, { zones }).check()).toThrow(
      /^filterData > keepEveningRides: missing column "dropoff_datetime"/,
    );
  });

  it("takes its defaults from the job's config schema (declared once, there)", () => {
    const defaults = TipAmountModelConfig.parse({});
    const resolved = filterData.resolveParams({ zones });
    expect(filterSettings(resolved as FilterSettings)).toEqual(filterSettings(defaults));
    expect(filterSettings(defaults)).toEqual({
      history_start_month: "201703",
      history_end_month: "201811",
      first_evening_hour: 17,
      last_evening_hour: 23,
      n_first_daily_rides_to_keep: 3,
    });
  });

  it("hands the general transforms the taxi columns and the settings (filterStepParams)", () => {
    const settings = {
      ...filterSettings(TipAmountModelConfig.parse({ n_first_daily_rides_to_keep: 5 })),
      zones,
    };
    const params = filterStepParams(settings);
    expect(params.firstNDaily).toEqual({ key: "pickup_location_id", timestamp: "pickup_datetime", n: 5 });
    expect(params.limitHistory).toEqual({ column: "pickup_datetime", after: "201703", through: "201811" });
    expect(params.excludeDropoffAirports).toEqual({
      column: "dropoff_location_id",
      zones,
      zoneIdColumn: "zone_id",
      zoneNameColumn: "zone_name",
    });
    const steps = filterData.expand(filterData.resolveParams({ zones, n_first_daily_rides_to_keep: 5 }));
    expect(steps.at(-1)?.params).toEqual(params.firstNDaily);
  });

  it("handles an empty table", () => {
    expect(filterData(tripRows.empty(), { zones })).toEqualTable(tripRows.empty());
  });
});
