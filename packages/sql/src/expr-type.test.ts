import {
  abs,
  add,
  caseWhen,
  cast,
  ceil,
  coalesce,
  col,
  concat,
  div,
  floor,
  gt,
  lit,
  lower,
  mul,
  timestamp,
} from "@tablepipe/core";
import { describe, expect, it } from "vitest";
import { exprType } from "./expr-type";

const types = { k: "int", x: "float", s: "string", b: "boolean", t: "timestamp" } as const;

describe("exprType", () => {
  it("is a column's known type, a cast's target, a literal's plain type", () => {
    expect(exprType(col("k"), types)).toBe("int");
    expect(exprType(col("u"), types)).toBeUndefined();
    expect(exprType(cast(col("s"), "float"), types)).toBe("float");
    expect(exprType(timestamp("2024-01-01 00:00:00"), types)).toBe("timestamp");
    expect(exprType(lit("a"), types)).toBe("string");
    expect(exprType(lit(2), types)).toBeUndefined();
  });

  it("is a float for arithmetic, which SQL computes on DOUBLEs; a comparison is not typed", () => {
    expect(exprType(add(col("k"), 1), types)).toBe("float");
    expect(exprType(div(col("k"), col("k")), types)).toBe("float");
    expect(exprType(coalesce(col("k"), mul(col("k"), 2)), types)).toBe("float");
    expect(exprType(gt(col("k"), 1), types)).toBeUndefined();
  });

  it("sees through a coalesce or case of values of one type, null literals aside; ints with floats are floats", () => {
    expect(exprType(coalesce(col("k"), 0), types)).toBe("int");
    expect(exprType(coalesce(null, col("k"), col("x")), types)).toBe("float");
    expect(exprType(coalesce(col("k"), 0.5), types)).toBe("float");
    expect(exprType(caseWhen([[gt(col("x"), 0), col("s")]], "none"), types)).toBe("string");
    expect(exprType(caseWhen([[gt(col("x"), 0), col("t")]]), types)).toBe("timestamp");
    expect(exprType(caseWhen([[gt(col("x"), 0), coalesce(col("b"), false)]], null), types)).toBe("boolean");
    expect(exprType(coalesce(caseWhen([[gt(col("x"), 0), 1]], 2), col("k")), types)).toBe("int");
  });

  it("is unknown for a coalesce or case with a value of unknown or another type, or of nulls only", () => {
    expect(exprType(coalesce(col("k"), col("u")), types)).toBeUndefined();
    expect(exprType(coalesce(col("k"), col("t")), types)).toBeUndefined();
    expect(exprType(caseWhen([[gt(col("x"), 0), col("s")]], 1), types)).toBeUndefined();
    expect(exprType(coalesce(col("k"), 2 ** 60), types)).toBeUndefined(); // SQL may read it as a wider integer
    expect(exprType(coalesce(null, Number.NaN), types)).toBeUndefined();
    expect(exprType(caseWhen([]), types)).toBeUndefined();
  });
});

describe("exprType of the number functions and concat", () => {
  const types = { x: "float", i: "int", s: "string", at: "timestamp" } as const;

  it("abs, floor and ceil of a float (arithmetic too) are floats (DOUBLEs); of an int or a time stamp not given", () => {
    for (const f of [abs, floor, ceil]) {
      expect(exprType(f(col("x")), types)).toBe("float");
      expect(exprType(f(cast(col("s"), "float")), types)).toBe("float");
      expect(exprType(f(col("i")), types)).toBeUndefined();
      expect(exprType(f(col("at")), types)).toBeUndefined();
      expect(exprType(f(add(col("x"), 1)), types)).toBe("float"); // arithmetic is on DOUBLEs
    }
  });

  it("concat is a string", () => {
    expect(exprType(concat(col("s"), "!"), types)).toBe("string");
    expect(exprType(concat(lower(col("s")), col("s"), "!"), types)).toBe("string");
  });
});
