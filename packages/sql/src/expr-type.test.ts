import {
  abs,
  add,
  and,
  caseWhen,
  cast,
  ceil,
  coalesce,
  col,
  concat,
  contains,
  day,
  dayOfWeek,
  dayOfYear,
  div,
  eq,
  floor,
  gt,
  hour,
  isIn,
  isNotNull,
  isNull,
  length,
  lit,
  lower,
  minute,
  month,
  mul,
  not,
  or,
  quarter,
  second,
  startsWith,
  timestamp,
  trim,
  truncate,
  upper,
  year,
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

  it("is a float for arithmetic, which SQL computes on DOUBLEs", () => {
    expect(exprType(add(col("k"), 1), types)).toBe("float");
    expect(exprType(div(col("k"), col("k")), types)).toBe("float");
    expect(exprType(coalesce(col("k"), mul(col("k"), 2)), types)).toBe("float");
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

  it("the string functions are strings, length and the date parts ints, truncate a time stamp", () => {
    for (const f of [lower, upper, trim]) expect(exprType(f(col("s")), types)).toBe("string");
    expect(exprType(length(col("s")), types)).toBe("int");
    for (const f of [year, month, day, dayOfWeek, hour, minute, second, quarter, dayOfYear])
      expect(exprType(f(col("at")), types)).toBe("int");
    expect(exprType(truncate(col("at"), "day"), types)).toBe("timestamp");
  });

  it("comparisons, boolean logic, string tests, null tests and isIn are booleans", () => {
    for (const test of [
      gt(col("x"), 1),
      eq(col("s"), "a"),
      and(gt(col("x"), 1), isNull(col("s"))),
      or(not(isNotNull(col("x"))), startsWith(col("s"), "a")),
      contains(col("s"), "b"),
      isIn(col("i"), [1, 2]),
    ]) {
      expect(exprType(test, types)).toBe("boolean");
    }
  });

  it("concat is a string", () => {
    expect(exprType(concat(col("s"), "!"), types)).toBe("string");
    expect(exprType(concat(lower(col("s")), col("s"), "!"), types)).toBe("string");
  });
});
