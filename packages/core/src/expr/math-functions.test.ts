import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { col, exp, greatest, least, ln, lower, mod, pow, round, sqrt, timestamp } from "./build";
import { ExpressionError } from "./errors";
import { evaluateExpression } from "./evaluate";
import { expressionKind } from "./expression-kind";
import { formatExpr } from "./format";
import type { ExprNode } from "./nodes";
import { roundHalfAway } from "./number-functions";
import { expressionType } from "./types";
import { isExprNode } from "./validate";
import { vectorToColumn } from "./vector";

function run(node: ExprNode, data: Record<string, ArrayLike<unknown>>): unknown[] {
  const n = Object.values(data)[0]?.length ?? 1;
  const vector = evaluateExpression(node, { rowCount: n, column: (name) => data[name]! }, "test");
  return [...vectorToColumn(vector, n)];
}

const signed = (values: readonly unknown[]): string[] =>
  values.map((v) => (Object.is(v, -0) ? "-0" : String(v)));

/**
 * Half-away-from-zero rounding of the double `y` by another road: JavaScript's `Math.round` (halves up, exact on
 * every double) of its magnitude, the sign put back; what `roundHalfAway` must give at 0 digits.
 */
function referenceRound(y: number): number {
  const rounded = Math.round(Math.abs(y));
  return (y < 0 ? -rounded : rounded) + 0;
}

describe("round in process", () => {
  it("rounds halves away from zero, to digits either side of the point, an int staying an int", () => {
    const x = [2.5, -2.5, 0.5, -0.5, 1.45, -0, null, 1234.5678, 7];
    expect(run(round(col("x")), { x })).toEqual([3, -3, 1, -1, 1, 0, null, 1235, 7]);
    expect(run(round(col("x"), 1), { x })).toEqual([2.5, -2.5, 0.5, -0.5, 1.5, 0, null, 1234.6, 7]);
    expect(run(round(col("x"), -2), { x })).toEqual([0, 0, 0, 0, 0, 0, null, 1200, 0]);
    expect(expressionType(round(col("i"), -1), { i: { type: "int", nullable: false } })).toEqual({
      type: "int",
      nullable: false,
    });
    expect(expressionType(round(col("x"), 2), { x: { type: "float", nullable: true } })).toEqual({
      type: "float",
      nullable: true,
    });
  });

  it("rounds the scaled double: 1.005 to 1 (1.005 × 100 is 100.49999999999999), 0.49999999999999994 to 0", () => {
    expect(roundHalfAway(1.005, 2)).toBe(1);
    expect(roundHalfAway(2.675, 2)).toBe(2.68); // 2.675 × 100 is 267.5
    expect(roundHalfAway(0.49999999999999994, 0)).toBe(0); // Math.round's old trap: x + 0.5 rounds up
    expect(roundHalfAway(-1250, -2)).toBe(-1300);
  });

  it("leaves what has nothing to round: past 2^52 when scaled, infinities; never gives -0", () => {
    for (const x of [2 ** 52, -(2 ** 53) - 2, 1e300, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(roundHalfAway(x, 0)).toBe(x);
    }
    expect(roundHalfAway(1e300, 15)).toBe(1e300); // scaled past the largest double: the value as it is
    expect(signed([-0.3, -0, -0.004, -1e-300].map((x) => roundHalfAway(x, 0)))).toEqual(["0", "0", "0", "0"]);
    expect(signed([roundHalfAway(-0.004, 2), roundHalfAway(-49, -2)])).toEqual(["0", "0"]);
  });

  it("agrees at 0 digits with Math.round of the magnitude, the sign put back, and is odd (round(-x) is -round(x))", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.integer({ min: -15, max: 15 }), (x, digits) => {
        expect(roundHalfAway(x, 0)).toBe(referenceRound(x));
        expect(roundHalfAway(-x, digits)).toBe(0 - roundHalfAway(x, digits));
      }),
    );
  });

  it("refuses digits that are not a whole number from -15 to 15 where written and in a tree read back", () => {
    expect(() => round(col("x"), 1.5)).toThrow(
      'round(col("x"), 1.5): digits: expected a whole number from -15 to 15',
    );
    expect(() => round(col("x"), 16)).toThrow("digits: expected a whole number from -15 to 15");
    expect(formatExpr(round(col("x"), 2))).toBe('round(col("x"), 2)');
    expect(isExprNode(JSON.parse(JSON.stringify(round(col("x"), -3))))).toBe(true);
    const byColumn = { kind: "binary", op: "round", left: col("x"), right: col("d") };
    expect(isExprNode(byColumn)).toBe(false);
    expect(isExprNode({ ...byColumn, right: { kind: "literal", value: 2.5 } })).toBe(false);
    expect(isExprNode({ ...byColumn, right: { kind: "literal", value: 16 } })).toBe(false);
  });
});

describe("mod, sqrt, ln and exp in process", () => {
  it("mod: the sign of the left, null by zero or an infinite left, an int's 0 never -0", () => {
    const a = [7, -7, 7.5, -4, 5, Number.POSITIVE_INFINITY, 2, null, -4];
    const b = [3, 3, -2, 2, 0, 2, Number.POSITIVE_INFINITY, 3, -0];
    expect(signed(run(mod(col("a"), col("b")), { a, b }))).toEqual([
      "1",
      "-1",
      "1.5",
      "-0",
      "null",
      "null",
      "2",
      "null",
      "null",
    ]);
    const ints = { a: { type: "int", nullable: false }, b: { type: "int", nullable: false } } as const;
    expect(expressionType(mod(col("a"), col("b")), ints)).toEqual({ type: "int", nullable: true });
    // as ints, -4 % 2 is 0
    const vector = evaluateExpression(
      mod(col("a"), col("b")),
      {
        rowCount: 1,
        column: (name) => (name === "a" ? [-4] : [2]),
        columnType: (name) => ints[name as "a" | "b"]?.type,
      },
      "test",
    );
    expect(signed([...vectorToColumn(vector, 1)])).toEqual(["0"]);
  });

  it("sqrt and ln: null where no real value exists; exp: an infinity past its range", () => {
    const x = [4, 2, 0, -0, -1, null, Number.POSITIVE_INFINITY];
    expect(signed(run(sqrt(col("x")), { x }))).toEqual([
      "2",
      String(Math.SQRT2),
      "0",
      "0",
      "null",
      "null",
      "Infinity",
    ]);
    expect(run(ln(col("x")), { x })).toEqual([Math.log(4), Math.LN2, null, null, null, null, Infinity]);
    expect(run(exp(col("x")), { x: [0, 1, 1000, -1000, null] })).toEqual([1, Math.E, Infinity, 0, null]);
    const float = { x: { type: "float", nullable: false } } as const;
    expect(expressionType(sqrt(col("x")), float)).toEqual({ type: "float", nullable: true });
    expect(expressionType(exp(col("x")), float)).toEqual({ type: "float", nullable: false });
  });

  it("are refused on strings, naming the call; a time stamp is its epoch milliseconds", () => {
    for (const node of [
      round(col("s"), 1),
      mod(col("s"), 2),
      sqrt(col("s")),
      ln(lower(col("s"))),
      exp(col("s")),
    ]) {
      expect(() => expressionKind(node, { s: "string" }, "derive")).toThrow(ExpressionError);
    }
    expect(() => expressionKind(sqrt(col("s")), { s: "string" }, "derive")).toThrow(
      'derive: sqrt(col("s")): expected numbers',
    );
    const hour = run(mod(col("at"), 3_600_000), { at: [Date.UTC(2024, 0, 1, 9, 30)] });
    expect(hour).toEqual([30 * 60_000]);
    expect(expressionKind(mod(timestamp("2024-01-01 09:30:00"), 60_000), {}, "derive")).toBe("number");
  });
});

describe("pow in process", () => {
  it("is JavaScript's **, null where that is NaN or an operand is null (even to the power 0)", () => {
    const a = [2, 2, -8, -8, 1, -1, 0, -0, null, 4, 10, 7];
    const b = [10, -1, 3, 1 / 3, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, -1, 0, null, 400, 0];
    expect(signed(run(pow(col("a"), col("b")), { a, b }))).toEqual([
      "1024",
      "0.5",
      "-512",
      "null",
      "null",
      "null",
      "Infinity",
      "-Infinity",
      "null",
      "null",
      "Infinity",
      "1",
    ]);
  });

  it("agrees with ** wherever that is a number, and is a float, not null of non-null ints", () => {
    fc.assert(
      // (NaN is a missing value: its row is null, as the example above shows, where `NaN ** 0` is 1)
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (x, y) => {
        const [got] = run(pow(col("x"), col("y")), { x: [x], y: [y] });
        const expected = x ** y;
        expect(Object.is(got, Number.isNaN(expected) ? null : expected)).toBe(true);
      }),
    );
    const ints = { i: { type: "int", nullable: false }, j: { type: "int", nullable: false } } as const;
    expect(expressionType(pow(col("i"), col("j")), ints)).toEqual({ type: "float", nullable: false });
    const floats = { x: { type: "float", nullable: false }, j: { type: "int", nullable: false } } as const;
    expect(expressionType(pow(col("x"), col("j")), floats)).toEqual({ type: "float", nullable: true });
    expect(formatExpr(pow(col("x"), 2))).toBe('pow(col("x"), 2)');
    expect(isExprNode(JSON.parse(JSON.stringify(pow(col("x"), col("j")))))).toBe(true);
    expect(() => expressionKind(pow(col("s"), 2), { s: "string" }, "derive")).toThrow(
      'derive: pow(col("s"), 2): expected numbers',
    );
  });
});

describe("greatest and least in process", () => {
  it("pick the largest and smallest value of each row, nulls skipped, null when all are; a zero is 0", () => {
    const a = [1, null, -0, 5, null, Number.NaN];
    const b = [3, 2, 0, -5, null, 4];
    expect(run(greatest(col("a"), col("b")), { a, b })).toEqual([3, 2, 0, 5, null, 4]);
    expect(signed(run(least(col("a"), col("b"), 0), { a, b }))).toEqual(["0", "0", "0", "-5", "0", "0"]);
    expect(run(greatest(col("s"), col("t")), { s: ["b", null, "B"], t: ["a", "x", "a"] })).toEqual([
      "b",
      "x",
      "a",
    ]);
    expect(run(least(col("p"), col("q")), { p: [true, null, true], q: [false, true, null] })).toEqual([
      false,
      true,
      true,
    ]);
  });

  it("are typed as coalesce is: ints with floats a float, nullable only when every value is", () => {
    const schema = {
      i: { type: "int", nullable: false },
      j: { type: "int", nullable: true },
      x: { type: "float", nullable: true },
    } as const;
    expect(expressionType(greatest(col("i"), col("j")), schema)).toEqual({ type: "int", nullable: false });
    expect(expressionType(least(col("j"), col("x")), schema)).toEqual({ type: "float", nullable: true });
    expect(formatExpr(greatest(col("i"), 0))).toBe('greatest(col("i"), 0)');
    expect(isExprNode(JSON.parse(JSON.stringify(least(col("i"), col("x")))))).toBe(true);
    expect(isExprNode({ kind: "greatest", args: [] })).toBe(false);
  });

  it("refuse values of two kinds, a time stamp with a number too, naming the call", () => {
    expect(() =>
      expressionKind(greatest(col("n"), col("s")), { n: "number", s: "string" }, "derive"),
    ).toThrow(ExpressionError);
    expect(() => expressionKind(least(col("at"), 5), { at: "stamp" }, "derive")).toThrow(
      /least\(col\("at"\), 5\)/,
    );
    expect(
      expressionKind(least(col("at"), timestamp("2024-01-01 00:00:00")), { at: "stamp" }, "derive"),
    ).toBe("number");
  });
});
