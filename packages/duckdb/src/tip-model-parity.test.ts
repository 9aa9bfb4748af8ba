import { hour, pipe, type SqlRendering } from "@tablepipe/core";
import { addFeatures, filterData, generateTrips, generateZones, taxiTripSchema } from "@tablepipe/tip-model";
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
const prepared = () => pipe(trips).transform(filterData, { zones }).transform(addFeatures);
const columnTypes = {
  ...columnTypesOf(taxiTripSchema),
  zone_id: "int",
  zone_name: "string",
  borough: "string",
} as const;

/** A rendering the test gives the tip model's own `keepEveningRides` (the tip model has none). */
const keepEveningRides: SqlRendering = (params, c) => {
  const at = c.expr(hour({ kind: "column", name: params.column as string }));
  return `SELECT * FROM ${c.input} WHERE ${at} BETWEEN ${params.from as number} AND ${params.to as number}`;
};

describe("the tip model's prepared table on DuckDB", () => {
  it("equals the in-process one, with every step pushed down once keepEveningRides has a rendering", async () => {
    const result = await expectParity(prepared(), db, { columnTypes, renderings: { keepEveningRides } });
    expect(result.placement.map((p) => p.engine)).toEqual(Array(8).fill("duckdb"));
    expect(result.table.numRows()).toBeGreaterThan(100);
    expect(result.trace.map((e) => e.step)).toEqual(["filterData", "addFeatures"]);
  });

  it("equals the in-process one when keepEveningRides has no rendering: the rest runs in process", async () => {
    const result = await expectParity(prepared(), db, { columnTypes });
    expect(result.placement).toEqual([
      { step: "filterData > dropDuplicates", engine: "duckdb" },
      { step: "filterData > limitHistory", engine: "duckdb" },
      { step: "filterData > keepEveningRides", engine: "in-process" },
      { step: "filterData > excludeAirports(pickup_location_id)", engine: "in-process" },
      { step: "filterData > excludeAirports(dropoff_location_id)", engine: "in-process" },
      { step: "filterData > firstNDaily", engine: "in-process" },
      { step: "addFeatures > addDateParts", engine: "in-process" },
      { step: "addFeatures > encodeFlag", engine: "in-process" },
    ]);
  });
});
