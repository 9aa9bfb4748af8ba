import "@tablepipe/testing/vitest";
import { ColumnExistsError, ColumnTypeError, pipe, schemaOf } from "@tablepipe/core";
import { tripRows } from "@tablepipe/testing";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { addDateParts } from "./add-date-parts";
import { withTimestamps } from "./internal/test-support";

const pickup = { column: "pickup_datetime" } as const;

describe("addDateParts", () => {
  it("adds month 1-12, day_of_week 1 = Sunday ... 7 = Saturday and day_of_month", () => {
    const trips = tripRows.tuples(
      ["pickup_datetime"],
      [
        ["2018-02-04T18:00"],
        ["2018-01-01T00:00"],
        ["2018-12-31T23:59:59.999"],
        ["2018-02-10T12:00"],
        ["2016-02-29T01:00"],
      ],
    );
    const out = addDateParts(trips, pickup);
    expect(out.columnNames().slice(-3)).toEqual(["month", "day_of_week", "day_of_month"]);
    expect(Array.from(out.array("month"))).toEqual([2, 1, 12, 2, 2]);
    // 2018-02-04 Sunday, 2018-01-01 Monday, 2018-12-31 Monday, 2018-02-10 Saturday, 2016-02-29 Monday
    expect(Array.from(out.array("day_of_week"))).toEqual([1, 2, 2, 7, 2]);
    expect(Array.from(out.array("day_of_month"))).toEqual([4, 1, 31, 10, 29]);
    expect(out.column("month")).toBeInstanceOf(Int32Array);
  });

  it("reads wall-clock fields: a stamp just after midnight on the DST day stays on its day", () => {
    const trips = tripRows.tuples(["pickup_datetime"], [["2018-03-11T00:01"], ["2018-11-04T23:59"]]);
    const out = addDateParts(trips, pickup);
    expect(Array.from(out.array("day_of_month"))).toEqual([11, 4]);
    expect(Array.from(out.array("day_of_week"))).toEqual([1, 1]);
  });

  it("gives null parts for a missing time stamp, and reads epoch milliseconds", () => {
    const table = withTimestamps(aq.table({ at: [Date.UTC(2018, 6, 4, 12), null] }), "at");
    const out = addDateParts(table, { column: "at", month: "m", dayOfWeek: "dow", dayOfMonth: "dom" });
    expect(out.objects()).toEqual([
      { at: Date.UTC(2018, 6, 4, 12), m: 7, dow: 4, dom: 4 },
      { at: null, m: null, dow: null, dom: null },
    ]);
  });

  it("refuses to overwrite an existing column (a string month once became 5), before reading a row", () => {
    const table = aq.table({ month: ["May"], pickup_datetime: [new Date(Date.UTC(2018, 4, 1))] });
    expect(() => addDateParts(table, pickup)).toThrow(ColumnExistsError);
    expect(() => addDateParts(table, pickup)).toThrow(
      'step "addDateParts" adds column "month", but the table already has "month" (string)',
    );
    expect(() => pipe(table).transform(addDateParts, pickup).check()).toThrow(ColumnExistsError);
    expect(table.get("month", 0)).toBe("May");
    const renamed = addDateParts(table, { ...pickup, month: "month_number" });
    expect(renamed.get("month_number", 0)).toBe(5);
  });

  it("needs a time stamp: a string column fails before any row is read, naming the types", () => {
    const table = aq.table({ pickup_datetime: ["2018-05-01 10:00"] });
    expect(() => addDateParts(table, pickup)).toThrow(ColumnTypeError);
    expect(() => addDateParts(table, pickup)).toThrow(
      'step "addDateParts" needs column "pickup_datetime" (timestamp or date), but it is string',
    );
  });

  it("declares its outputs as ints, nullable exactly when the time stamp is", () => {
    const trips = tripRows.tuples(["pickup_datetime"], [["2018-02-04T18:00"]]);
    expect(schemaOf(addDateParts(trips, pickup)).month).toEqual({ type: "int", nullable: false });
    const gaps = withTimestamps(aq.table({ at: [Date.UTC(2018, 6, 4, 12), null] }), "at");
    expect(schemaOf(addDateParts(gaps, { column: "at", month: "m" })).m).toEqual({
      type: "int",
      nullable: true,
    });
  });

  it("reads a filtered view as it shows", () => {
    const table = aq.table({
      pickup_datetime: [new Date(Date.UTC(2018, 0, 1)), new Date(Date.UTC(2018, 5, 1))],
    });
    const view = table.filter(
      aq.escape((d: { pickup_datetime: Date }) => d.pickup_datetime.getUTCMonth() > 0),
    );
    expect(Array.from(addDateParts(view, pickup).array("month"))).toEqual([6]);
  });

  it("handles an empty table", () => {
    const out = addDateParts(tripRows.empty(), pickup);
    expect(out.numRows()).toBe(0);
    expect(out).toHaveColumns(["month", "day_of_week", "day_of_month"]);
  });

  it("has no default time-stamp column: leaving it out is an error naming it", () => {
    expect(() => addDateParts(tripRows.empty(), {} as never)).toThrow(
      'addDateParts: param "column": required (it has no default), but not given; expected a column name',
    );
  });
});
