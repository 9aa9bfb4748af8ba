import { TransformParamError } from "@tablepipe/core";
import { tripRows } from "@tablepipe/testing";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { withTimestamps } from "./internal/test-support";
import { keepHourWindow } from "./keep-hour-window";

const dropoffs = (stamps: readonly string[]) =>
  tripRows.tuples(
    ["dropoff_datetime"],
    stamps.map((s) => [s] as const),
  );
const hhmm = (table: aq.ColumnTable, column = "dropoff_datetime"): string[] =>
  Array.from(table.array(column) as ArrayLike<number>, (ms) => new Date(ms).toISOString().slice(11, 16));

const dayAround = dropoffs([
  "2018-02-04T00:00",
  "2018-02-04T01:59",
  "2018-02-04T02:59",
  "2018-02-04T03:00",
  "2018-02-04T16:59",
  "2018-02-04T17:00",
  "2018-02-04T21:59",
  "2018-02-04T22:00",
  "2018-02-04T23:59:59.999",
]);

describe("keepHourWindow", () => {
  it("keeps hours from..to, both inclusive", () => {
    expect(hhmm(keepHourWindow(dayAround, { column: "dropoff_datetime", from: 17, to: 23 }))).toEqual([
      "17:00",
      "21:59",
      "22:00",
      "23:59",
    ]);
    expect(hhmm(keepHourWindow(dayAround, { column: "dropoff_datetime", from: 0, to: 2 }))).toEqual([
      "00:00",
      "01:59",
      "02:59",
    ]);
  });

  it("wraps midnight when from > to (22 -> 2)", () => {
    expect(hhmm(keepHourWindow(dayAround, { column: "dropoff_datetime", from: 22, to: 2 }))).toEqual([
      "00:00",
      "01:59",
      "02:59",
      "22:00",
      "23:59",
    ]);
  });

  it("keeps exactly one hour when from === to, and everything for 0..23", () => {
    expect(hhmm(keepHourWindow(dayAround, { column: "dropoff_datetime", from: 16, to: 16 }))).toEqual([
      "16:59",
    ]);
    expect(keepHourWindow(dayAround, { column: "dropoff_datetime", from: 0, to: 23 }).numRows()).toBe(
      dayAround.numRows(),
    );
  });

  it("reads wall-clock hours on the New York DST days: nothing is shifted", () => {
    // 2018-03-11: clocks jump from 02:00 to 03:00 in New York; 2018-11-04: 01:00-01:59 happens twice.
    const trips = dropoffs(["2018-03-11T01:59", "2018-03-11T03:00", "2018-11-04T01:30", "2018-11-04T01:45"]);
    expect(hhmm(keepHourWindow(trips, { column: "dropoff_datetime", from: 1, to: 1 }))).toEqual([
      "01:59",
      "01:30",
      "01:45",
    ]);
    expect(hhmm(keepHourWindow(trips, { column: "dropoff_datetime", from: 2, to: 2 }))).toEqual([]);
    expect(hhmm(keepHourWindow(trips, { column: "dropoff_datetime", from: 3, to: 3 }))).toEqual(["03:00"]);
  });

  it("works on another column, with epoch milliseconds, and drops missing time stamps", () => {
    const table = withTimestamps(
      aq.table({ at: [Date.UTC(2018, 0, 1, 22, 30), null, Date.UTC(2018, 0, 1, 12), undefined] }),
      "at",
    );
    expect(keepHourWindow(table, { column: "at", from: 22, to: 2 }).array("at")).toEqual([
      Date.UTC(2018, 0, 1, 22, 30),
    ]);
  });

  it("validates the hours", () => {
    for (const bad of [24, -1, 1.5]) {
      expect(() => keepHourWindow(dayAround, { column: "dropoff_datetime", from: bad, to: 3 })).toThrow(
        TransformParamError,
      );
    }
    expect(() => keepHourWindow(dayAround, { column: "dropoff_datetime", from: 1, to: 24 })).toThrow(
      /keepHourWindow: param "to": expected an hour 0-23/,
    );
  });

  it("handles an empty table", () => {
    expect(keepHourWindow(tripRows.empty(), { column: "dropoff_datetime", from: 1, to: 2 }).numRows()).toBe(
      0,
    );
    expect(() => keepHourWindow(tripRows.empty(), { from: 1, to: 2 } as never)).toThrow(
      'keepHourWindow: param "column": required (it has no default), but not given; expected a column name',
    );
  });
});
