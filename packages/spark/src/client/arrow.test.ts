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

  it("keeps a text's leading U+FEFF (a byte-order mark), which flechette's own decoder drops", () => {
    const texts = ["\ufeffx", "\ufeff", null, "a\ufeff", "\ufeff\ufeffé"];
    const bytes = tableToArrow(aq.table({ s: texts }), ["string"], "t");
    expect(arrowToTable([bytes, bytes]).array("s")).toEqual([...texts, ...texts]);
  });

  it("keeps the columns of an empty result", () => {
    const bytes = tableToArrow(
      aq.table({ a: [] as number[], at: [] as number[] }),
      ["float", "timestamp"],
      "t",
    );
    const back = arrowToTable([bytes]);
    expect(back.columnNames()).toEqual(["a", "at"]);
    expect(back.numRows()).toBe(0);
  });

  it("names the row and column of a value that is not of the column's type", () => {
    const table = aq.table({ id: [1, 2.5] });
    expect(() => tableToArrow(table, ["int"], "the pipe's source table", {}, 100)).toThrow(SparkLoadError);
    expect(() => tableToArrow(table, ["int"], "the pipe's source table", {}, 100)).toThrow(
      'the pipe\'s source table: row 101, column "id": expected an int, got number 2.5',
    );
  });

  it("ships an int column's whole numbers past 2^53, to -2^63 and below 2^63, as in process holds them", () => {
    const n = [2 ** 53, -(2 ** 53) - 2, 2 ** 62, -(2 ** 63), 2 ** 63 - 1024, null];
    const back = arrowToTable([tableToArrow(aq.table({ n }), ["int"], "t")]);
    expect(back.array("n")).toEqual(n);
    for (const past of [2 ** 63, -(2 ** 64), Number.POSITIVE_INFINITY]) {
      expect(() => tableToArrow(aq.table({ n: [1, past] }), ["int"], "t")).toThrow(
        past === Number.POSITIVE_INFINITY
          ? 't: row 1, column "n": expected an int, got number Infinity'
          : `t: row 1, column "n": expected an int from -2^63 to below 2^63, got number ${past}`,
      );
    }
  });

  it("ships a fraction of a millisecond in a time stamp to the microsecond, as DuckDB loads it", () => {
    const at = [-0.4, 1.5, Date.UTC(2018, 2, 1) - 0.25, 0.0004, 0.0005, -0.0005, null, -1.0015];
    const back = arrowToTable([tableToArrow(aq.table({ at }), ["timestamp"], "t")]);
    expect(back.array("at")).toEqual([
      -0.4,
      1.5,
      Date.UTC(2018, 2, 1) - 0.25,
      0,
      0.001,
      -0.001,
      null,
      -1.002,
    ]);
    expect(() => tableToArrow(aq.table({ at: [1e16] }), ["timestamp"], "t")).toThrow(
      't: row 0, column "at": expected a timestamp, got number 10000000000000000',
    );
  });

  it("reads a 64-bit integer past 2^53 as Number(bigint) rounds it, as DuckDB's result reader does", () => {
    const big = [2n ** 53n + 1n, 2n ** 63n - 1n, -(2n ** 63n), 2n ** 54n - 2n, 3n];
    const bytes = tableToArrow(aq.table({}), [], "t", { s: BigInt64Array.from(big) });
    const back = arrowToTable([bytes]);
    expect(Array.from(back.array("s") as ArrayLike<number>)).toEqual(big.map((v) => Number(v)));
  });
});
