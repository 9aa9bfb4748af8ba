import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { summarizeColumns } from "./column-summary";

describe("summarizeColumns", () => {
  it("gives each column's type, nulls, min and max, time stamps as readable text", () => {
    const table = aq.table({
      id: [3, 1, 2],
      at: [Date.UTC(2018, 1, 4, 18), Date.UTC(2017, 3, 1, 0, 0, 5), Number.NaN],
      fare: [12.5, null, 1234.25],
      flag: ["N", "Y", null],
    });
    const schema = z.object({
      id: z.int(),
      at: z.date().nullable(),
      fare: z.number().nullable(),
      flag: z.string(),
    });
    expect(summarizeColumns(table, schema)).toEqual([
      { name: "id", type: "int", nulls: 0, min: "1", max: "3" },
      { name: "at", type: "timestamp", nulls: 1, min: "2017-04-01 00:00:05", max: "2018-02-04 18:00:00" },
      { name: "fare", type: "float", nulls: 1, min: "12.5", max: "1,234.25" },
      { name: "flag", type: "string", nulls: 1, min: "N", max: "Y" },
    ]);
  });

  it("infers the type from the values where the schema does not name the column, and leaves min/max empty when all are null", () => {
    const table = aq.table({ prediction: [0.5, 2], empty: [null, null] });
    expect(summarizeColumns(table)).toEqual([
      { name: "prediction", type: "float", nulls: 0, min: "0.5", max: "2" },
      { name: "empty", type: "unknown", nulls: 2, min: "", max: "" },
    ]);
  });
  it("reads typed columns whole: an Int32Array, a Float64Array with NaN as its missing value", () => {
    const table = aq.table({
      month: Int32Array.of(7, -2, 12),
      fare: Float64Array.of(Number.NaN, 3.25, -1),
      none: new Float64Array(3).fill(Number.NaN),
    });
    expect(summarizeColumns(table, z.object({ month: z.int() }))).toEqual([
      { name: "month", type: "int", nulls: 0, min: "-2", max: "12" },
      { name: "fare", type: "float", nulls: 1, min: "-1", max: "3.25" },
      { name: "none", type: "unknown", nulls: 3, min: "", max: "" },
    ]);
  });
});
