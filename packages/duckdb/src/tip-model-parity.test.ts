import { pipe, step } from "@tablepipe/core";
import {
  addFeatures,
  filterData,
  generateTrips,
  generateZones,
  PREPARED_ORDER,
  taxiTripSchema,
} from "@tablepipe/tip-model";
import { sortRows } from "@tablepipe/transforms";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { columnTypesOf } from "./engine/column-types";
import { DuckDb } from "./engine/duckdb-database";
import { expectParity } from "./test-support";

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open();
});
afterAll(() => db.close());

const trips = generateTrips({ rows: 4000, seed: 7 });
const zones = generateZones();
/** The tip model's transform stage: filterData, addFeatures, then the prepared table's order. */
const prepared = (hours: { first_evening_hour?: number; last_evening_hour?: number } = {}) =>
  pipe(trips)
    .transform(filterData, { zones, ...hours })
    .transform(addFeatures)
    .step(step(sortRows, { by: PREPARED_ORDER }).as("sortRows"));
const columnTypes = {
  ...columnTypesOf(taxiTripSchema),
  zone_id: "int",
  zone_name: "string",
  borough: "string",
} as const;

describe("the tip model's prepared table on DuckDB", () => {
  it("equals the in-process one, every step pushed down (keepEveningRides has its own rendering)", async () => {
    const result = await expectParity(prepared(), db, { columnTypes });
    expect(result.placement).toEqual(
      [
        "filterData > dropDuplicates",
        "filterData > limitHistory",
        "filterData > keepEveningRides",
        "filterData > excludeAirports(pickup_location_id)",
        "filterData > excludeAirports(dropoff_location_id)",
        "filterData > firstNDaily",
        "addFeatures > addDateParts",
        "addFeatures > encodeFlag",
        "sortRows",
      ].map((step) => ({ step, engine: "duckdb" })),
    );
    expect(result.table.numRows()).toBeGreaterThan(100);
    expect(result.trace.map((e) => e.step)).toEqual(["filterData", "addFeatures", "sortRows"]);
  });

  it("equals the in-process one with an evening window that wraps midnight (22:00-02:59)", async () => {
    const result = await expectParity(prepared({ first_evening_hour: 22, last_evening_hour: 2 }), db, {
      columnTypes,
    });
    expect(result.placement.every((p) => p.engine === "duckdb")).toBe(true);
    expect(result.table.numRows()).toBeGreaterThan(20);
  });
});
