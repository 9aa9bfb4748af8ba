import { describe, expect, it } from "vitest";
import { col, endsWith, replace, substring, trim } from "./build";
import { evaluateExpression } from "./evaluate";
import { formatExpr } from "./format";
import type { ExprNode } from "./nodes";
import { codePoints, replacing } from "./text-functions";
import { isExprNode } from "./validate";
import { vectorToColumn } from "./vector";

function run(node: ExprNode, data: Record<string, ArrayLike<unknown>>): unknown[] {
  const n = Object.values(data)[0]?.length ?? 1;
  return [
    ...vectorToColumn(evaluateExpression(node, { rowCount: n, column: (name) => data[name]! }, "test"), n),
  ];
}

describe("replace and substring", () => {
  it("replaces the text itself, every occurrence left to right without overlaps; $ is a dollar", () => {
    expect(replacing(",", ".")("1,000,5")).toBe("1.000.5");
    expect(replacing("aa", "b")("aaaaa")).toBe("bba");
    expect(replacing(".", "$&")("a.b")).toBe("a$&b");
    expect(replacing("\\", "/")("C:\\dir\\f")).toBe("C:/dir/f");
    expect(replacing("x", "")("axbx")).toBe("ab");
  });

  it("counts code points from 1: a surrogate pair is one character, a combining mark another", () => {
    expect(codePoints(2, 2)("a😀bc")).toBe("😀b");
    expect(codePoints(1, 0)("abc")).toBe("");
    expect(codePoints(3, undefined)("abcd")).toBe("cd");
    expect(codePoints(9, 2)("abc")).toBe("");
    expect(codePoints(2, 1)("e\u0301x")).toBe("\u0301");
    expect(codePoints(2, 10)("😀😀😀")).toBe("😀😀");
  });

  it("runs on string columns, null staying null, and refuses numbers naming the expression", () => {
    const s = ["1,5", null, "a😀b"];
    expect(run(replace(col("s"), ",", "."), { s })).toEqual(["1.5", null, "a😀b"]);
    expect(run(substring(col("s"), 2), { s })).toEqual([",5", null, "😀b"]);
    expect(run(substring(trim(col("s")), 1, 1), { s })).toEqual(["1", null, "a"]);
    expect(() => run(replace(col("n"), "1", "2"), { n: [1] })).toThrow(
      'replace(col("n"), "1", "2"): expected strings',
    );
    expect(() => run(endsWith(substring(col("n"), 1), "1"), { n: [1] })).toThrow("expected strings");
  });

  it("refuses an empty search, a start before 1 and a negative or fractional length where they are written", () => {
    expect(() => replace(col("s"), "", "x")).toThrow(
      'replace(col("s"), ...): search: expected a non-empty string; got ""',
    );
    expect(() => substring(col("s"), 0)).toThrow(
      'substring(col("s"), 0): start: expected a whole number from 1 (the first character) to 2^31 - 1',
    );
    expect(() => substring(col("s"), 1, -1)).toThrow("length: expected a whole number from 0");
    expect(() => substring(col("s"), 1.5, 2)).toThrow("start: expected a whole number");
  });

  it("reads back from JSON, and is named as written", () => {
    for (const e of [replace(col("s"), "a", "b"), substring(col("s"), 2, 3), substring(col("s"), 2)]) {
      expect(isExprNode(JSON.parse(JSON.stringify(e)))).toBe(true);
    }
    expect(isExprNode({ kind: "replace", arg: col("s"), search: "", replacement: "x" })).toBe(false);
    expect(isExprNode({ kind: "substring", arg: col("s"), start: 0 })).toBe(false);
    expect(isExprNode({ kind: "substring", arg: col("s"), start: 1, length: 2.5 })).toBe(false);
    expect(formatExpr(replace(col("s"), "\\", "/"))).toBe('replace(col("s"), "\\\\", "/")');
    expect(formatExpr(substring(col("s"), 2, 3))).toBe('substring(col("s"), 2, 3)');
  });
});
