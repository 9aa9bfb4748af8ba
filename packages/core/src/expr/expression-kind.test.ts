import { describe, expect, it } from "vitest";
import { add, cast, col, div, gt, lower, year } from "./build";
import { ExpressionError } from "./errors";
import { evaluateExpression } from "./evaluate";
import { expressionKind } from "./expression-kind";

describe("expressionKind", () => {
  it("throws the error evaluateExpression throws on columns of those kinds holding values", () => {
    const expr = div(col("status"), 2);
    const input = { rowCount: 1, column: () => ["paid"] };
    expect(() => evaluateExpression(expr, input, "derive")).toThrow(ExpressionError);
    const message = (() => {
      try {
        evaluateExpression(expr, input, "derive");
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(() => expressionKind(expr, { status: "string" }, "derive")).toThrow(message);
    expect(() => expressionKind(lower(col("n")), { n: "number" }, "s")).toThrow(
      's: lower(col("n")): expected strings, but column "n" holds numbers',
    );
    expect(() => expressionKind(year(col("b")), { b: "boolean" }, "s")).toThrow(ExpressionError);
  });

  it("gives the result's kind, never refuses a column not listed, and no cast fails on no rows", () => {
    expect(expressionKind(gt(col("n"), 1), { n: "number" }, "s")).toBe("boolean");
    expect(expressionKind(add(col("x"), 1), {}, "s")).toBe("number");
    expect(expressionKind(lower(col("x")), { n: "number" }, "s")).toBe("string");
    expect(expressionKind(col("x"), {}, "s")).toBe("null");
    expect(expressionKind(cast(col("s"), "int"), { s: "string" }, "s")).toBe("number");
  });
});
