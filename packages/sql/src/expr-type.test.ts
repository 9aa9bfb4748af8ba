import { abs, add, cast, ceil, col, concat, floor, lower } from "@tablepipe/core";
import { describe, expect, it } from "vitest";
import { exprType } from "./expr-type";

describe("exprType", () => {
  const types = { x: "float", i: "int", s: "string", at: "timestamp" } as const;

  it("abs, floor and ceil of a float are floats (DOUBLEs); of an int or a time stamp not given (DOUBLEs too)", () => {
    for (const f of [abs, floor, ceil]) {
      expect(exprType(f(col("x")), types)).toBe("float");
      expect(exprType(f(cast(col("s"), "float")), types)).toBe("float");
      expect(exprType(f(col("i")), types)).toBeUndefined();
      expect(exprType(f(col("at")), types)).toBeUndefined();
      expect(exprType(f(add(col("x"), 1)), types)).toBeUndefined();
    }
  });

  it("concat is a string", () => {
    expect(exprType(concat(col("s"), "!"), types)).toBe("string");
    expect(exprType(concat(lower(col("s")), col("s"), "!"), types)).toBe("string");
  });
});
