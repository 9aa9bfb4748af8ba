import "@tablepipe/testing/vitest";
import { MissingColumnsError } from "@tablepipe/core";
import { tripRows } from "@tablepipe/testing";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { dropDuplicates } from "./drop-duplicates";

describe("dropDuplicates", () => {
  it("drops rows equal in every column, keeping the first of each in input order", () => {
    const trips = tripRows.tuples(
      ["vendor_id", "fare_amount"],
      [
        [2, 10],
        [1, 5],
        [2, 10],
        [1, 6],
        [1, 5],
      ],
    );
    const out = dropDuplicates(trips);
    expect(out.numRows()).toBe(3);
    expect(out.array("vendor_id")).toEqual([2, 1, 1]);
    expect(out.array("fare_amount")).toEqual([10, 5, 6]);
  });

  it("compares Dates by instant, not by object", () => {
    const trips = tripRows.rows([
      { pickup_datetime: "2018-02-04T18:00" },
      { pickup_datetime: new Date(Date.UTC(2018, 1, 4, 18)) },
      { pickup_datetime: "2018-02-04T18:00:01" },
    ]);
    expect(dropDuplicates(trips).numRows()).toBe(2);
  });

  it("takes null, undefined and NaN for one missing value (SQL's DISTINCT), apart from '', and 1 from '1'", () => {
    const table = aq.table({ x: [undefined, null, Number.NaN, "", null, Number.NaN, 1, "1", 1, undefined] });
    const out = dropDuplicates(table);
    expect((out.objects() as { x: unknown }[]).map((row) => row.x)).toEqual([undefined, "", 1, "1"]);
    const pairs = aq.table({ k: [1, 1, null, Number.NaN], v: [null, Number.NaN, 2, 2] });
    expect(dropDuplicates(pairs).objects()).toEqual([
      { k: 1, v: null },
      { k: null, v: 2 },
    ]);
  });

  it("dedupes on a subset of columns, keeping the first row of each key", () => {
    const trips = tripRows.tuples(
      ["vendor_id", "fare_amount", "tip_amount"],
      [
        [1, 5, 0.5],
        [1, 5, 0.7],
        [2, 5, 0.7],
      ],
    );
    const out = dropDuplicates(trips, { subset: ["vendor_id", "fare_amount"] });
    expect(out.array("tip_amount")).toEqual([0.5, 0.7]);
    expect(out.array("vendor_id")).toEqual([1, 2]);
  });

  it("checks the subset's columns", () => {
    expect(() => dropDuplicates(tripRows.rows([{}]), { subset: ["nope"] as never })).toThrow(
      MissingColumnsError,
    );
  });

  it("keeps typed columns typed and the column order", () => {
    const trips = tripRows.rows([{}, {}, { fare_amount: 1 }]);
    const out = dropDuplicates(trips);
    expect(out.columnNames()).toEqual(trips.columnNames());
    expect(out.column("fare_amount")).toBeInstanceOf(Float64Array);
  });

  it("handles an empty table", () => {
    const empty = tripRows.empty();
    expect(dropDuplicates(empty)).toEqualTable(empty);
  });

  it("reads a filtered or ordered view as it shows (and leaves the input alone)", () => {
    const table = aq.table({ x: [3, 1, 3, 2, 1, 2] });
    const view = table.filter((d: { x: number }) => d.x !== 2).orderby("x");
    expect(dropDuplicates(view).array("x")).toEqual([1, 3]);
    expect(table.array("x")).toEqual([3, 1, 3, 2, 1, 2]);
  });

  it("returns a table sharing the columns when nothing is dropped", () => {
    const table = aq.table({ x: Float64Array.from([1, 2]) });
    const out = dropDuplicates(table);
    expect(out).not.toBe(table);
    expect(out.column("x")).toBe(table.column("x"));
  });
});
