import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { abs, cast, ceil, col, concat, floor, lower, sub, timestamp } from "./build";
import { ExpressionError } from "./errors";
import { evaluateExpression } from "./evaluate";
import { expressionKind } from "./expression-kind";
import { formatExpr } from "./format";
import type { ExprNode } from "./nodes";
import { toSql } from "./sql";
import { expressionType } from "./types";
import { isExprNode } from "./validate";
import { vectorToColumn } from "./vector";

function run(node: ExprNode, data: Record<string, ArrayLike<unknown>>): unknown[] {
  const n = Object.values(data)[0]?.length ?? 1;
  const vector = evaluateExpression(node, { rowCount: n, column: (name) => data[name]! }, "test");
  return [...vectorToColumn(vector, n)];
}

/** The message `expressionKind` refuses an expression with on columns of these kinds. */
function refusal(node: ExprNode, kinds: Parameters<typeof expressionKind>[1]): string {
  try {
    expressionKind(node, kinds, "derive");
  } catch (error) {
    expect(error).toBeInstanceOf(ExpressionError);
    return (error as Error).message;
  }
  throw new Error("not refused");
}

const isNegativeZero = (x: unknown): boolean => Object.is(x, -0);

describe("abs, floor and ceil in process", () => {
  const x = [-2.5, -0.5, -0, 0, 0.5, 2.5, null, 1e300, -1e300, 2 ** 53 + 2, -7];

  it("give JavaScript's values, null for null, and an infinity stays itself", () => {
    expect(run(abs(col("x")), { x })).toEqual([2.5, 0.5, 0, 0, 0.5, 2.5, null, 1e300, 1e300, 2 ** 53 + 2, 7]);
    expect(run(floor(col("x")), { x })).toEqual([-3, -1, 0, 0, 0, 2, null, 1e300, -1e300, 2 ** 53 + 2, -7]);
    expect(run(ceil(col("x")), { x })).toEqual([-2, 0, 0, 0, 1, 3, null, 1e300, -1e300, 2 ** 53 + 2, -7]);
    const inf = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN];
    expect(run(abs(col("x")), { x: inf })).toEqual([Infinity, Infinity, null]);
    expect(run(floor(col("x")), { x: inf })).toEqual([Infinity, -Infinity, null]);
    expect(run(ceil(col("x")), { x: inf })).toEqual([Infinity, -Infinity, null]);
    expect(run(floor(null), { x: [1] })).toEqual([null]);
  });

  it("never give -0 (Math.ceil(-0.5) and Math.floor(-0) are -0 in JavaScript; 0 on every engine)", () => {
    const zeros = new Float64Array([-0.5, -0, -0.25, -1e-300]);
    for (const f of [abs, floor, ceil]) {
      const out = run(f(col("x")), { x: zeros });
      expect(out.some(isNegativeZero), formatExpr(f(col("x")))).toBe(false);
    }
    fc.assert(
      fc.property(fc.array(fc.double()), (values) => {
        const data = { x: Float64Array.from(values) };
        for (const f of [abs, floor, ceil]) {
          const out = run(f(col("x")), data);
          const expected = values.map((v) =>
            Number.isNaN(v)
              ? null
              : f === abs
                ? Math.abs(v)
                : (f === floor ? Math.floor(v) : Math.ceil(v)) + 0,
          );
          if (!out.every((o, i) => Object.is(o, expected[i]))) return false;
          if (out.some(isNegativeZero)) return false;
        }
        return true;
      }),
    );
  });

  it("a time stamp is its epoch milliseconds, as in arithmetic", () => {
    const at = [Date.UTC(2024, 2, 1, 18, 30), null];
    expect(run(floor(col("at")), { at })).toEqual([Date.UTC(2024, 2, 1, 18, 30), null]);
    expect(run(abs(sub(col("at"), timestamp("2024-03-01 19:00"))), { at })).toEqual([30 * 60_000, null]);
  });

  it("are refused on strings and booleans before any row is read, naming the step, the call and the column", () => {
    expect(refusal(abs(col("s")), { s: "string" })).toBe(
      'derive: abs(col("s")): expected numbers, but column "s" holds strings',
    );
    expect(refusal(floor(col("b")), { b: "boolean" })).toBe(
      'derive: floor(col("b")): expected numbers, but column "b" holds booleans',
    );
    expect(refusal(ceil(lower(col("s"))), { s: "string" })).toBe(
      'derive: ceil(lower(col("s"))): expected numbers, but lower(col("s")) gives strings',
    );
    expect(() => run(floor(col("s")), { s: ["1.5"] })).toThrow(
      'test: floor(col("s")): expected numbers, but column "s" holds strings',
    );
    expect(expressionKind(floor(col("x")), { x: "number" }, "s")).toBe("number");
    expect(expressionKind(floor(col("none")), {}, "s")).toBe("number");
  });

  it("type an int as an int and anything else as a float, nullable as the input", () => {
    const schema = {
      i: { type: "int", nullable: false },
      f: { type: "float", nullable: true },
    } as const;
    for (const f of [abs, floor, ceil]) {
      expect(expressionType(f(col("i")), schema)).toEqual({ type: "int", nullable: false });
      expect(expressionType(f(col("f")), schema)).toEqual({ type: "float", nullable: true });
    }
  });
});

describe("concat in process", () => {
  it("joins strings; null when any part is null; empty strings are strings", () => {
    const a = ["a", "", null, "x", "é"];
    const b = ["b", "", "b", null, "\u{1f600}"];
    expect(run(concat(col("a"), col("b")), { a, b })).toEqual(["ab", "", null, null, "é\u{1f600}"]);
    expect(run(concat(col("a"), "-", col("b"), "!"), { a, b })).toEqual([
      "a-b!",
      "-!",
      null,
      null,
      "é-\u{1f600}!",
    ]);
    expect(run(concat(col("a"), null), { a })).toEqual([null, null, null, null, null]);
  });

  it("is refused on numbers, booleans and time stamps (cast them first)", () => {
    expect(refusal(concat(col("s"), col("n")), { s: "string", n: "number" })).toBe(
      'derive: concat(col("s"), col("n")): expected strings, but column "n" holds numbers',
    );
    expect(refusal(concat(true, col("s")), { s: "string" })).toBe(
      'derive: concat(true, col("s")): expected strings, but true gives booleans',
    );
    expect(expressionKind(concat(cast(col("n"), "string"), "!"), { n: "number" }, "s")).toBe("string");
  });

  it("is a string, nullable when a part is", () => {
    const schema = { s: { type: "string", nullable: false }, t: { type: "string", nullable: true } } as const;
    expect(expressionType(concat(col("s"), "x"), schema)).toEqual({ type: "string", nullable: false });
    expect(expressionType(concat(col("s"), col("t"), "x"), schema)).toEqual({
      type: "string",
      nullable: true,
    });
  });
});

describe("the new functions as trees and as SQL", () => {
  it("are well-formed trees, read back from JSON", () => {
    for (const e of [abs(col("x")), floor(col("x")), ceil(col("x")), concat(col("a"), "b", col("c"))]) {
      expect(isExprNode(JSON.parse(JSON.stringify(e)))).toBe(true);
    }
    expect(isExprNode({ kind: "unary", op: "round", arg: { kind: "column", name: "x" } })).toBe(false);
    // built as concat(concat(a, b), c), shown as called
    expect(formatExpr(concat(col("a"), "b", col("c")))).toBe('concat(col("a"), "b", col("c"))');
    expect(refusal(concat(col("a"), "-", col("n")), { a: "string", n: "number" })).toBe(
      'derive: concat(col("a"), "-", col("n")): expected strings, but column "n" holds numbers',
    );
  });

  it("render on DOUBLEs, a zero result 0, and concat as ||", () => {
    expect(toSql(abs(col("x")), "duckdb")).toBe('abs(CAST("x" AS DOUBLE))');
    expect(toSql(floor(col("x")), "duckdb")).toBe('(floor(CAST("x" AS DOUBLE)) + 0.0)');
    expect(toSql(ceil(abs(col("x"))), "duckdb")).toBe('(ceil(abs(CAST("x" AS DOUBLE))) + 0.0)');
    expect(toSql(floor(col("x")), "spark")).toBe(
      "(CASE WHEN abs(CAST(`x` AS DOUBLE)) < 4503599627370496 THEN CAST(floor(CAST(`x` AS DOUBLE)) AS DOUBLE) ELSE CAST(`x` AS DOUBLE) END)",
    );
    expect(toSql(concat(col("a"), "b", col("c")), "spark")).toBe("((`a` || 'b') || `c`)");
    expect(toSql(floor(col("at")), "duckdb", { at: "timestamp" })).toBe(
      '(floor((CAST(epoch_us("at") AS DOUBLE) / 1000)) + 0.0)',
    );
  });

  it("a cast of abs, floor or ceil to a string writes the number as JavaScript does", () => {
    expect(toSql(cast(floor(col("x")), "string"), "duckdb")).toContain("CAST(CAST(");
    expect(toSql(cast(abs(col("x")), "string"), "spark")).toContain("AS BIGINT) AS STRING)");
  });
});
