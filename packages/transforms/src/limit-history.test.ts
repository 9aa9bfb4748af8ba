import "@tablepipe/testing/vitest";
import { ColumnTypeError, pipe, TransformParamError } from "@tablepipe/core";
import { tripRows } from "@tablepipe/testing";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { withTimestamps } from "./internal/test-support";
import { limitHistory } from "./limit-history";

const pickups = (stamps: readonly string[]) =>
  tripRows.tuples(
    ["pickup_datetime"],
    stamps.map((s) => [s] as const),
  );
const kept = (table: aq.ColumnTable): string[] =>
  Array.from(table.array("pickup_datetime") as ArrayLike<number>, (ms) =>
    new Date(ms).toISOString().slice(0, 23),
  );

/** The month window of most tests (every param is required). */
const window = { column: "pickup_datetime", after: "201703", through: "201811" } as const;

describe("limitHistory", () => {
  it("drops the `after` month and keeps the `through` month (201703 out, 201704 and 201811 in, 201812 out)", () => {
    const trips = pickups([
      "2017-03-01T00:00",
      "2017-03-31T23:59:59.999",
      "2017-04-01T00:00",
      "2018-02-04T18:00",
      "2018-11-30T23:59:59.999",
      "2018-12-01T00:00",
    ]);
    expect(kept(limitHistory(trips, { ...window, after: "201703", through: "201811" }))).toEqual([
      "2017-04-01T00:00:00.000",
      "2018-02-04T18:00:00.000",
      "2018-11-30T23:59:59.999",
    ]);
    expect(limitHistory(trips, window).numRows()).toBe(3);
  });

  it("crosses a year end", () => {
    const trips = pickups(["2017-11-30T12:00", "2017-12-01T00:00", "2018-01-31T23:00", "2018-02-01T00:00"]);
    expect(kept(limitHistory(trips, { ...window, after: "201711", through: "201801" }))).toEqual([
      "2017-12-01T00:00:00.000",
      "2018-01-31T23:00:00.000",
    ]);
  });

  it("refuses an `after` at or past `through`, which would keep no row, naming both", () => {
    const trips = pickups(["2018-02-04T18:00"]);
    expect(() => limitHistory(trips, { ...window, after: "202412", through: "202401" })).toThrow(
      'limitHistory: param "after": expected a month before through ("202401"): the months kept are after "after" and up to "through", so after "202412" with through "202401" keeps no row (swapped?); got "202412"',
    );
    expect(() => limitHistory(trips, { ...window, after: "201802", through: "201802" })).toThrow(
      /^limitHistory: param "after": expected a month before through \("201802"\)/,
    );
    expect(() =>
      pipe(trips)
        .transform(limitHistory, { ...window, after: "201812", through: "201801" })
        .check(),
    ).toThrow(TransformParamError);
    expect(limitHistory(trips, { ...window, after: "201801", through: "201802" }).numRows()).toBe(1);
  });

  it("reads epoch milliseconds as well as Dates, from any column", () => {
    const table = withTimestamps(
      aq.table({
        at: [Date.UTC(2017, 2, 31, 23, 59), Date.UTC(2017, 3, 1), null],
        typed: Float64Array.from([Date.UTC(2018, 11, 1), Date.UTC(2018, 10, 30), Number.NaN]),
      }),
      "at",
      "typed",
    );
    expect(limitHistory(table, { ...window, column: "at" }).array("at")).toEqual([Date.UTC(2017, 3, 1)]);
    expect(limitHistory(table, { ...window, column: "typed" }).array("typed")).toEqual([
      Date.UTC(2018, 10, 30),
    ]);
  });

  it("refuses the numbers of a plain table, saying how to declare them as time stamps", () => {
    const table = aq.table({ at: [Date.UTC(2017, 3, 1)] });
    expect(() => limitHistory(table, { ...window, column: "at" })).toThrow(ColumnTypeError);
    expect(() => limitHistory(table, { ...window, column: "at" })).toThrow(
      'step "limitHistory" needs column "at" (timestamp or date), but it is int; a plain table\'s numbers ' +
        'are not time stamps: if "at" holds epoch milliseconds, declare it with typedTable(table, { "at": ' +
        '{ type: "timestamp", nullable: false }, ... }) or read the table with a row schema (z.date())',
    );
    expect(limitHistory(withTimestamps(table, "at"), { ...window, column: "at" }).numRows()).toBe(1);
  });

  it("drops rows whose time stamp is missing", () => {
    const table = aq.table({
      pickup_datetime: [null, undefined, new Date(Number.NaN), new Date(Date.UTC(2018, 0, 1))],
    });
    expect(limitHistory(table, window).numRows()).toBe(1);
  });

  it("refuses a column of strings before reading a row, naming step, column, expected and found types", () => {
    const table = aq.table({ pickup_datetime: ["2018-01-01T00:00:00"] });
    const message =
      'step "limitHistory" needs column "pickup_datetime" (timestamp or date), but it is string';
    expect(() => limitHistory(table, window)).toThrow(message);
    expect(() => pipe(table).transform(limitHistory, window).check()).toThrow(
      message.replace('"limitHistory"', '"limitHistory(pickup_datetime)"'),
    );
  });

  it("validates the months: yyyyMM with a real month", () => {
    const trips = pickups([]);
    for (const bad of ["201713", "201700", "2017-03", "20173", "March"]) {
      expect(() => limitHistory(trips, { ...window, after: bad })).toThrow(TransformParamError);
    }
    expect(() => limitHistory(trips, { ...window, through: "201813" })).toThrow(
      /limitHistory: param "through": expected a month as yyyyMM/,
    );
  });

  it("handles an empty table", () => {
    expect(limitHistory(tripRows.empty(), window)).toEqualTable(tripRows.empty());
  });

  it("has no default column or months: each left out is an error naming the step and the param", () => {
    const trips = pickups(["2024-01-15T10:00"]);
    const { column: _column, ...noColumn } = window;
    expect(() => limitHistory(trips, noColumn as never)).toThrow(
      'limitHistory: param "column": required (it has no default), but not given; expected a column name',
    );
    expect(() => limitHistory(trips, { column: "pickup_datetime", after: "202312" } as never)).toThrow(
      'limitHistory: param "through": required (it has no default), but not given; expected a month as yyyyMM, e.g. "201703"',
    );
    expect(() => limitHistory(trips, { column: "pickup_datetime", through: "202406" } as never)).toThrow(
      /^limitHistory: param "after": required/,
    );
    expect(() => limitHistory(trips, undefined as never)).toThrow(/^limitHistory: param "column": required/);
  });

  it("works on any data set: the orders that a guide default once emptied", () => {
    const orders = withTimestamps(
      aq.table({ ordered_at: [Date.UTC(2023, 11, 31), Date.UTC(2024, 0, 2), Date.UTC(2024, 6, 1)] }),
      "ordered_at",
    );
    const kept = limitHistory(orders, { column: "ordered_at", after: "202312", through: "202406" });
    expect(kept.array("ordered_at")).toEqual([Date.UTC(2024, 0, 2)]);
  });
});
