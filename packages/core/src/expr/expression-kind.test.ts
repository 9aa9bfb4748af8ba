import { describe, expect, it } from "vitest";
import { add, cast, col, div, gt, lower, year } from "./build";
import { ExpressionError } from "./errors";
import { evaluateExpression } from "./evaluate";
import { declaredKinds, expressionKind } from "./expression-kind";

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

describe("declaredKinds", () => {
  it("gives the in-process kind of each declared column, leaving out those typed from values or unknown", () => {
    expect(
      declaredKinds({
        at: { type: "timestamp", nullable: true },
        day: { type: "date", nullable: false },
        n: { type: "int", nullable: false },
        s: { type: "string", nullable: true },
        b: { type: "boolean", nullable: false },
        seen: { type: "float", nullable: false, fromValues: true },
        nulls: { type: "unknown", nullable: true },
      }),
    ).toEqual({ at: "number", day: "number", n: "number", s: "string", b: "boolean" });
  });
});
