import { checkTableSchema, schemaOf } from "@tablepipe/core";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { RowValidationError } from "./row-errors";
import { rowFactory } from "./row-factory";

const Ride = z.object({
  id: z.int().default(7),
  at: z.date().default(() => new Date(Date.UTC(2020, 0, 1, 12, 0, 0))),
  fare: z.number().default(2.5),
  tip: z.number().nullable().default(null),
  note: z.string().optional(),
  flag: z.string().default("N"),
  paid: z.boolean().default(true),
});
const rides = rowFactory(Ride, { name: "rides" });

const Person = z.object({ name: z.string(), age: z.int().min(0).default(30) });
const people = rowFactory(Person, { name: "people" });

describe("rowFactory", () => {
  it("lists the columns in schema order", () => {
    expect(rides.columns).toEqual(["id", "at", "fare", "tip", "note", "flag", "paid"]);
    expect(rides.schema).toBe(Ride);
    expect(rides.name).toBe("rides");
    expect(rowFactory(Person).name).toBe("rows");
  });

  it("row() fills every column with its default", () => {
    expect(rides.row()).toEqual({
      id: 7,
      at: new Date(Date.UTC(2020, 0, 1, 12, 0, 0)),
      fare: 2.5,
      tip: null,
      flag: "N",
      paid: true,
    });
  });

  it("row() applies overrides and validates them", () => {
    expect(rides.row({ fare: 9, note: "x" })).toMatchObject({ id: 7, fare: 9, note: "x" });
    expect(() => rides.row({ fare: "9" } as never)).toThrow(
      /rides\.row\(\): row 0, column "fare": got "9" \(string\), expected number/,
    );
  });

  it("rows() builds a table with one row per object, defaults for the rest", () => {
    const table = rides.rows([{ id: 1 }, {}, { fare: 4, tip: 1.5 }]);
    expect(table.columnNames()).toEqual(rides.columns);
    expect(table.numRows()).toBe(3);
    expect(table.array("id")).toEqual([1, 7, 7]);
    expect(table.array("fare")).toEqual([2.5, 2.5, 4]);
    expect(table.array("tip")).toEqual([null, null, 1.5]);
    expect(table.array("note")).toEqual([null, null, null]);
    expect(table.array("paid")).toEqual([true, true, true]);
  });

  it("stores non-nullable numbers as Float64Array and nullable ones as plain arrays with null", () => {
    const table = rides.rows([{ tip: 1 }, {}]);
    expect(table.column("id")).toBeInstanceOf(Float64Array);
    expect(table.column("fare")).toBeInstanceOf(Float64Array);
    expect(Array.isArray(table.column("tip"))).toBe(true);
    expect(Array.isArray(table.column("flag"))).toBe(true);
  });

  it("holds Date columns as epoch milliseconds like readTable: Float64Array, or numbers and nulls when nullable", () => {
    const Event = z.object({
      at: z.date().default(() => new Date(Date.UTC(2020, 0, 1))),
      maybe: z.date().nullable().default(null),
      later: z.date().optional(),
    });
    const events = rowFactory(Event, { name: "events" });
    const table = events.rows([{ maybe: Date.UTC(2021, 5, 1) }, { later: new Date(Date.UTC(2021, 5, 2)) }]);
    expect(table.column("at")).toBeInstanceOf(Float64Array);
    expect(Array.from(table.array("at") as ArrayLike<number>)).toEqual([
      Date.UTC(2020, 0, 1),
      Date.UTC(2020, 0, 1),
    ]);
    expect(table.array("maybe")).toEqual([Date.UTC(2021, 5, 1), null]);
    expect(table.array("later")).toEqual([null, Date.UTC(2021, 5, 2)]);
    expect(Array.isArray(table.column("maybe"))).toBe(true);
    expect(events.empty().column("at")).toBeInstanceOf(Float64Array);
    // row() gives the schema's output, so Dates
    expect(events.row({ at: Date.UTC(2021, 0, 1) }).at).toEqual(new Date(Date.UTC(2021, 0, 1)));
  });

  it("takes a Date, epoch milliseconds or an ISO string for a Date column, alike", () => {
    const at = Date.UTC(2021, 5, 15, 9, 30);
    const table = rides.rows([{ at: new Date(at) }, { at }, { at: "2021-06-15T09:30" }]);
    expect(Array.from(table.array("at") as ArrayLike<number>)).toEqual([at, at, at]);
  });

  it("accepts ISO time stamps without a zone as UTC wall-clock times", () => {
    const table = rides.rows([
      { at: "2021-06-15T09:30" },
      { at: "2021-06-15 23:59:59" },
      { at: "2021-06-15" },
    ]);
    expect(Array.from(table.array("at") as ArrayLike<number>)).toEqual([
      Date.UTC(2021, 5, 15, 9, 30),
      Date.UTC(2021, 5, 15, 23, 59, 59),
      Date.UTC(2021, 5, 15),
    ]);
  });

  it("refuses a time stamp carrying a zone, as readTable does, naming row and column", () => {
    for (const zoned of ["2021-06-15T09:30:00+02:00", "2021-06-15 09:30:00Z", "2021-06-15T09:30-0500"]) {
      expect(() => rides.rows([{}, { at: zoned }])).toThrow(
        `rides.rows(): row 1, column "at": ${JSON.stringify(zoned)} carries a zone (Z or an offset): expected a ` +
          "time stamp without a zone, the data's wall-clock time (e.g. 2018-07-27 09:14:45)",
      );
    }
    expect(() => rides.tuples(["at"], [["2024-01-01T10:00:00+02:00"]])).toThrow(RowValidationError);
    expect(() => rides.row({ at: "2021-06-15T09:30:00Z" })).toThrow(/carries a zone/);
  });

  it("reads the layouts readTable reads: a fraction cut to milliseconds, NYC Open Data's", () => {
    const table = rides.rows([{ at: "2021-06-15T09:30:15.123456" }, { at: "06/15/2021 09:30:15 PM" }]);
    expect(Array.from(table.array("at") as ArrayLike<number>)).toEqual([
      Date.UTC(2021, 5, 15, 9, 30, 15, 123),
      Date.UTC(2021, 5, 15, 21, 30, 15),
    ]);
    expect(rides.row({ at: "0050-01-01" }).at.getUTCFullYear()).toBe(50);
    for (const bad of ["2021-02-29", "2021-06-15T24:00", "2021-6-5", "yesterday", ""]) {
      expect(() => rides.rows([{ at: bad }])).toThrow(
        /column "at": got .* expected a Date, an ISO time stamp/,
      );
    }
  });

  it("rejects a time stamp that does not parse, naming row, column and value", () => {
    expect(() => rides.rows([{}, { at: "15/06/2021" }])).toThrow(
      'rides.rows(): row 1, column "at": got "15/06/2021" (string), expected a Date, an ISO time stamp',
    );
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, 9e15]) {
      expect(() => rides.rows([{ at: bad }])).toThrow(
        `rides.rows(): row 0, column "at": got ${bad} (number), expected a Date, an ISO time stamp`,
      );
    }
    expect(() => rides.rows([{ at: true } as never])).toThrow(/row 0, column "at": got true \(boolean\)/);
  });

  it("empty() has every column and no rows", () => {
    const table = rides.empty();
    expect(table.columnNames()).toEqual(rides.columns);
    expect(table.numRows()).toBe(0);
    expect(rides.rows([]).numRows()).toBe(0);
  });

  it("tuples() zips each tuple with the column list", () => {
    const table = rides.tuples(
      ["id", "flag"],
      [
        [1, "Y"],
        [2, undefined],
      ],
    );
    expect(table.columnNames()).toEqual(rides.columns);
    expect(table.array("id")).toEqual([1, 2]);
    expect(table.array("flag")).toEqual(["Y", "N"]);
    expect(table.array("fare")).toEqual([2.5, 2.5]);
  });

  it("tuples() with an empty column list and empty tuples gives default rows, explicitly", () => {
    expect(rides.tuples([], [[], []]).numRows()).toBe(2);
  });

  describe("validation errors", () => {
    it("name the row index, the column, the value and what was expected", () => {
      let error: unknown;
      try {
        rides.rows([{}, {}, { id: "three" as never }]);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(RowValidationError);
      const validation = error as RowValidationError;
      expect(validation.rowIndex).toBe(2);
      expect(validation.column).toBe("id");
      expect(validation.value).toBe("three");
      expect(validation.expected).toBe("number");
      expect(validation.message).toBe(
        'rides.rows(): row 2, column "id": got "three" (string), expected number',
      );
    });

    it("say what is wrong with a NaN or an infinity given to a number column", () => {
      expect(() => rides.rows([{ fare: Number.NaN }])).toThrow(
        'rides.rows(): row 0, column "fare": got NaN (number), expected a finite number: NaN is not one (write null for a missing value, in a .nullable() column)',
      );
      for (const bad of [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
        expect(() => people.rows([{ name: "a", age: bad }])).toThrow(
          `people.rows(): row 0, column "age": got ${bad} (number), expected a finite number: a number column holds no infinity (readTable refuses one too)`,
        );
      }
    });

    it("report refinements such as int and min", () => {
      expect(() => rides.rows([{ id: 1.5 }])).toThrow('row 0, column "id": got 1.5 (number), expected int');
      expect(() => people.rows([{ name: "a", age: -1 }])).toThrow(
        /row 0, column "age": got -1 \(number\): Too small: expected number to be >=0/,
      );
    });

    it("list every problem of the row", () => {
      try {
        rides.row({ id: "x", fare: "y" } as never);
        expect.unreachable();
      } catch (error) {
        expect((error as RowValidationError).issues.map((issue) => issue.column)).toEqual(["id", "fare"]);
        expect((error as Error).message).toContain('column "fare": got "y" (string), expected number');
      }
    });

    it("require the columns that have no default", () => {
      expect(() => people.rows([{ name: "a" }, {} as never])).toThrow(
        'people.rows(): row 1, column "name": got undefined (undefined), expected string',
      );
      expect(people.tuples(["name"], [["b"]]).array("age")).toEqual([30]);
    });

    it("report tuples' bad values with the row index", () => {
      expect(() => rides.tuples(["id"], [[1], ["2" as never]])).toThrow(
        'rides.tuples(): row 1, column "id": got "2" (string), expected number',
      );
    });

    it("run whole-row rules", () => {
      const Range = z
        .object({ low: z.number().default(0), high: z.number().default(1) })
        .refine((row) => row.low <= row.high, "low must not exceed high");
      expect(() => rowFactory(Range, { name: "ranges" }).rows([{}, { low: 5 }])).toThrow(
        "ranges.rows(): row 1: got {low: 5} (object): low must not exceed high",
      );
    });
  });

  describe("misuse when types are bypassed", () => {
    it("rows() rejects unknown columns, naming them and the valid ones", () => {
      expect(() => rides.rows([{}, { fair: 3 } as never])).toThrow(
        'rides.rows(): row 1: unknown column "fair" (did you mean "fare"?); valid columns: id, at, fare, tip, note, flag, paid',
      );
    });

    it("rows() rejects tuples and non-objects", () => {
      expect(() => rides.rows([[1, "Y"]] as never)).toThrow(
        'rides.rows(): row 0 must be an object of column values, got [1, "Y"] (array); for tuples of values use rides.tuples(columns, rows)',
      );
      expect(() => rides.rows([null] as never)).toThrow(
        "row 0 must be an object of column values, got null (null)",
      );
      expect(() => rides.rows({ id: 1 } as never)).toThrow("rides.rows(): expected an array of row objects");
    });

    it("row() rejects unknown columns too", () => {
      expect(() => rides.row({ colour: "red" } as never)).toThrow(
        'rides.row(): row 0: unknown column "colour"',
      );
    });
  });
});

describe("rowFactory tables' schema", () => {
  it("carries the row schema's column types at run time, and the values fit them", () => {
    const Order = z.object({
      id: z.int().default(1),
      amount: z.number().nullable().default(null),
      status: z.enum(["paid", "open"]).default("open"),
      at: z.date().default(new Date(Date.UTC(2024, 0, 1))),
    });
    const orders = rowFactory(Order, { name: "orders" });
    const table = orders.rows([{ id: 2 }, { amount: 5, at: "2024-02-01 10:00" }]);
    expect(schemaOf(table)).toEqual({
      id: { type: "int", nullable: false },
      amount: { type: "float", nullable: true },
      status: { type: "string", nullable: false },
      at: { type: "timestamp", nullable: false },
    });
    checkTableSchema(table, schemaOf(table), "orders");
    expect(schemaOf(orders.empty()).at?.type).toBe("timestamp");
  });
});
