import { describe, expect, it } from "vitest";
import { inferColumnType } from "./infer-column-type";

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
