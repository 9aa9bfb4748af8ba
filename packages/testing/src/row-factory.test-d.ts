import type { Table } from "@tablepipe/core";
import { describe, expectTypeOf, it } from "vitest";
import * as z from "zod";
import { type RowFactory, rowFactory } from "./row-factory";
import type { ColumnName, RowInput, TupleFor } from "./row-types";
import { type Trip, tripRows, type ZoneGeo, zoneRows } from "./taxi-rows";

describe("row factory types", () => {
  it("names the columns and types the rows", () => {
    expectTypeOf<ColumnName<typeof ZoneGeo>>().toEqualTypeOf<"zone_id" | "zone_name" | "borough">();
    expectTypeOf(zoneRows.row()).toEqualTypeOf<{ zone_id: number; zone_name: string; borough: string }>();
    expectTypeOf(zoneRows.row()).toEqualTypeOf<ZoneGeo>();
    expectTypeOf(tripRows.row().pickup_datetime).toEqualTypeOf<Date>();
    expectTypeOf(tripRows.row()).toEqualTypeOf<Trip>();
    expectTypeOf(zoneRows).toEqualTypeOf<RowFactory<typeof ZoneGeo>>();
    expectTypeOf(zoneRows.columns).toEqualTypeOf<readonly ("zone_id" | "zone_name" | "borough")[]>();
  });

  it("returns tables typed by the schema's columns and their types", () => {
    type Zones = Table<
      "zone_id" | "zone_name" | "borough",
      { zone_id: "int"; zone_name: "string"; borough: "string" }
    >;
    expectTypeOf(zoneRows.rows([{ zone_id: 100 }, {}])).toEqualTypeOf<Zones>();
    expectTypeOf(zoneRows.tuples(["zone_id"], [[1]])).toEqualTypeOf<Zones>();
    expectTypeOf(zoneRows.empty()).toEqualTypeOf<Zones>();
    // and is still a table of those columns for code that knows only the names
    expectTypeOf(zoneRows.empty()).toExtend<Table<"zone_id" | "zone_name" | "borough">>();
  });

  it("types each tuple by the column list", () => {
    expectTypeOf<TupleFor<typeof ZoneGeo, ["zone_id", "zone_name"]>>().toEqualTypeOf<
      readonly [number | undefined, string | undefined]
    >();
    tripRows.tuples(
      ["pickup_location_id", "dropoff_location_id"],
      [
        [1, 1],
        [100, 1],
      ],
    );
    zoneRows.tuples(["zone_id", "zone_name"], [[100, "terrestrial"]]);
    const columns = ["zone_name", "zone_id"] as const;
    zoneRows.tuples(columns, [["terrestrial", 100]]);
    // @ts-expect-error the values are in the wrong order for the column list
    zoneRows.tuples(["zone_id", "zone_name"], [["terrestrial", 100]]);
    // @ts-expect-error a tuple with more values than columns
    zoneRows.tuples(["zone_id"], [[100, "terrestrial"]]);
    // @ts-expect-error a tuple with fewer values than columns
    zoneRows.tuples(["zone_id", "zone_name"], [[100]]);
  });

  it("rejects the guide's bug and its variants at compile time", () => {
    // @ts-expect-error the column list inside the data list (the guide's generate_rows bug)
    zoneRows.tuples([
      [100, "terrestrial"],
      ["zone_id", "zone_name"],
    ]);
    // @ts-expect-error the rows and the column list swapped
    zoneRows.tuples([[100, "terrestrial"]], ["zone_id", "zone_name"]);
    // @ts-expect-error the rows are missing
    zoneRows.tuples(["zone_id", "zone_name"]);
    // @ts-expect-error one row not wrapped in a list
    zoneRows.tuples(["zone_id", "zone_name"], [100, "terrestrial"]);
    // @ts-expect-error tuples given to rows()
    zoneRows.rows([[100, "terrestrial"]]);
  });

  it("rejects unknown columns at compile time", () => {
    // @ts-expect-error unknown column in the column list
    zoneRows.tuples(["zone_id", "zoneName"], [[1, "a"]]);
    // @ts-expect-error unknown column in a row object
    zoneRows.rows([{ zone_idd: 3 }]);
    // @ts-expect-error unknown column in row()
    zoneRows.row({ colour: "red" });
  });

  it("types the values of row objects", () => {
    tripRows.rows([{ pickup_datetime: new Date(), store_and_fwd_flag: "Y" }]);
    tripRows.rows([{ pickup_datetime: "2021-01-01T12:00:00" }]);
    // @ts-expect-error a string for a number column
    tripRows.rows([{ passenger_count: "2" }]);
    // @ts-expect-error a number for a string column
    zoneRows.row({ zone_name: 1 });
    expectTypeOf<RowInput<typeof ZoneGeo>>().toEqualTypeOf<{
      zone_id?: number | undefined;
      zone_name?: string | undefined;
      borough?: string | undefined;
    }>();
  });

  it("requires the columns that have no default", () => {
    const people = rowFactory(z.object({ name: z.string(), age: z.int().default(30) }));
    people.rows([{ name: "a" }]);
    people.row({ name: "a", age: 3 });
    people.tuples(["name"], [["a"]]);
    people.tuples(["age", "name"], [[3, "a"]]);
    // @ts-expect-error name has no default
    people.rows([{ age: 3 }]);
    // @ts-expect-error row() needs the required columns
    people.row();
    // @ts-expect-error the column list leaves out name, which has no default
    people.tuples(["age"], [[3]]);
  });

  it("accepts ISO strings and epoch milliseconds only for Date columns", () => {
    const events = rowFactory(
      z.object({
        at: z.date().default(() => new Date(0)),
        maybe: z.date().nullable().default(null),
        label: z.string(),
      }),
    );
    events.row({ at: "2020-01-01", maybe: null, label: "x" });
    events.row({ maybe: "2020-01-01T10:00", label: "x" });
    events.row({ at: Date.UTC(2020, 0, 1), maybe: 0, label: "x" });
    events.tuples(["at", "label"], [[Date.UTC(2020, 0, 1), "x"]]);
    // @ts-expect-error a boolean is not a time stamp
    events.row({ at: true, label: "x" });
    // @ts-expect-error epoch milliseconds are for Date columns only
    events.row({ label: Date.UTC(2020, 0, 1) });
    // row() returns the schema's output: a Date
    expectTypeOf(events.row({ label: "x" }).at).toEqualTypeOf<Date>();
  });
});
