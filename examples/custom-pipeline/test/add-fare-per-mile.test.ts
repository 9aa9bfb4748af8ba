import "@tablepipe/testing/vitest";
import { MissingColumnsError, pipe, TransformParamError } from "@tablepipe/core";
import { duckdb } from "@tablepipe/duckdb";
import { assertSameOnEngines, tripRows } from "@tablepipe/testing";
import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { addFarePerMile } from "../src/add-fare-per-mile";

// #region test-addFarePerMile
describe("addFarePerMile", () => {
  it("divides the fare by the distance; trips shorter than minMiles get null", () => {
    const trips = tripRows.tuples(
      ["fare_amount", "trip_distance"],
      [
        [10.5, 3],
        [52, 20],
        [4, 0.2],
        [3, 0],
      ],
    );
    const expected = table({
      fare_amount: [10.5, 52, 4, 3],
      trip_distance: [3, 20, 0.2, 0],
      fare_per_mile: [3.5, 2.6, null, null],
    });
    const actual = addFarePerMile(trips).select("fare_amount", "trip_distance", "fare_per_mile");
    expect(actual).toEqualTable(expected, { tolerance: 1e-12 });
  });

  it("takes its threshold and its column names as params", () => {
    const fares = table({ total: [12], miles: [0.4] });
    const out = addFarePerMile(fares, {
      fare: "total",
      distance: "miles",
      output: "per_mile",
      minMiles: 0.25,
    });
    expect(out.array("per_mile")).toEqual([30]);
  });

  it("never changes its input", () => {
    const trips = tripRows.rows([{}]);
    addFarePerMile(trips);
    expect(trips).not.toHaveColumns(["fare_per_mile"]);
  });
});
// #endregion test-addFarePerMile

describe("addFarePerMile errors", () => {
  it("names the param and the value it rejects", () => {
    expect(() => addFarePerMile(tripRows.rows([{}]), { minMiles: -1 })).toThrow(TransformParamError);
    expect(() => addFarePerMile(tripRows.rows([{}]), { minMiles: -1 })).toThrow(/minMiles.*-1/);
  });

  it("fails before running when the table lacks a column, naming the step and the column", () => {
    const noDistance = table({ fare_amount: [10] });
    expect(() => pipe(noDistance).transform(addFarePerMile).value()).toThrow(MissingColumnsError);
    expect(() => pipe(noDistance).transform(addFarePerMile).value()).toThrow(/addFarePerMile.*trip_distance/);
  });
});

// #region test-addFarePerMile-engines
describe("addFarePerMile on DuckDB", () => {
  it("gives what apply gives, its sql run by DuckDB", async () => {
    // a plain table: a null fare or distance, which the trip rows' schema does not allow
    const trips = table({
      fare_amount: [10.5, 4, 3, 7, null, 8],
      trip_distance: [3, 0.2, 0, 0.5, 2, null],
    });
    await assertSameOnEngines(pipe(trips).transform(addFarePerMile, { minMiles: 0.5 }), [duckdb()], {
      onEngine: ["addFarePerMile"],
    });
  });
});
// #endregion test-addFarePerMile-engines
