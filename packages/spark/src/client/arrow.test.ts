import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { arrowToTable, tableToArrow } from "./arrow";
import { SparkLoadError } from "./errors";

describe("Arrow IPC to and from arquero tables", () => {
  it("round-trips every column type, nulls and time stamps before 1970, as in process", () => {
    const table = aq.table({
      n: [1, null, 3],
      x: [1.5, Number.NaN, -0.25],
      s: ["a", null, "ü"],
      b: [true, false, null],
      at: [Date.UTC(1969, 11, 31, 23, 59, 59, 123), new Date(Date.UTC(2018, 2, 11, 2, 30)), undefined],
    });
    const bytes = tableToArrow(table, ["int", "float", "string", "boolean", "timestamp"], "t", {
      row: BigInt64Array.from([0n, 1n, 2n]),
    });
    const back = arrowToTable([bytes, bytes]);
    expect(back.columnNames()).toEqual(["n", "x", "s", "b", "at", "row"]);
    expect(back.objects()[0]).toEqual({ n: 1, x: 1.5, s: "a", b: true, at: -877, row: 0 });
    expect(back.objects()[1]).toEqual({
      n: null,
      x: null,
      s: null,
      b: false,
      at: Date.UTC(2018, 2, 11, 2, 30),
      row: 1,
    });
    expect(back.numRows()).toBe(6);
  });

  it("keeps the columns of an empty result", () => {
    const bytes = tableToArrow(aq.table({ a: [] as number[] }), ["float"], "t");
    const back = arrowToTable([bytes]);
    expect(back.columnNames()).toEqual(["a"]);
    expect(back.numRows()).toBe(0);
  });

  it("names the row and column of a value that is not of the column's type", () => {
    const table = aq.table({ id: [1, 2.5] });
    expect(() => tableToArrow(table, ["int"], "the pipe's source table", {}, 100)).toThrow(SparkLoadError);
    expect(() => tableToArrow(table, ["int"], "the pipe's source table", {}, 100)).toThrow(
      'the pipe\'s source table: row 101, column "id": expected a int, got number 2.5',
    );
  });
});
