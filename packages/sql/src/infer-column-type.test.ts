import { typedTable } from "@tablepipe/core";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { declaredColumnType, inferColumnType } from "./infer-column-type";

describe("inferColumnType", () => {
  it("takes the declared type, else the one kind of the present values", () => {
    expect(inferColumnType([1, 2], "at", "timestamp")).toEqual({ type: "timestamp" });
    expect(inferColumnType(new Float64Array([1.5]), "x", undefined)).toEqual({ type: "float" });
    expect(inferColumnType([null, "a", undefined], "s", undefined)).toEqual({ type: "string" });
    expect(inferColumnType([Number.NaN, true], "b", undefined)).toEqual({ type: "boolean" });
    expect(inferColumnType([new Date(0)], "d", undefined)).toEqual({ type: "timestamp" });
  });

  it("names the column and the kinds when values disagree, or when none tells the type", () => {
    expect(inferColumnType([1, "a"], "mixed", undefined)).toEqual({
      problem: 'column "mixed" holds floats and string values; a SQL column holds one type',
    });
    expect(inferColumnType([null, null], "empty", undefined)).toEqual({
      problem: 'column "empty" holds no value to tell its type from; give it in `columnTypes`',
    });
  });
});

describe("declaredColumnType", () => {
  it("gives the SQL type a typed table declares (a date's is a time stamp), and nothing for a plain table", () => {
    const plain = aq.table({ at: [Date.UTC(2024, 0, 1)], day: [0], n: [1], s: ["a"], b: [true] });
    const typed = typedTable(plain, {
      at: { type: "timestamp", nullable: false },
      day: { type: "date", nullable: false },
      n: { type: "int", nullable: false },
      s: { type: "string", nullable: false },
      b: { type: "boolean", nullable: false },
    });
    expect(["at", "day", "n", "s", "b"].map((name) => declaredColumnType(typed, name))).toEqual([
      "timestamp",
      "timestamp",
      "int",
      "string",
      "boolean",
    ]);
    expect(declaredColumnType(plain, "at")).toBeUndefined();
  });
});
