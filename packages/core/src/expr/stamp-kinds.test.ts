import { describe, expect, it } from "vitest";
import type { TableSchema } from "../schema/logical-types";
import {
  add,
  caseWhen,
  cast,
  coalesce,
  col,
  eq,
  gt,
  hour,
  isIn,
  isNull,
  neg,
  sub,
  timestamp,
  truncate,
} from "./build";
import { evaluateExpression } from "./evaluate";
import { type ColumnKind, expressionKind, expressionKinds } from "./expression-kind";
import type { ExprNode } from "./nodes";
import { expressionType } from "./types";

const kinds: Record<string, ColumnKind> = { ts: "stamp", d: "stamp", i: "number", f: "number", b: "boolean" };
const refusal = (expr: ExprNode): string => {
  try {
    expressionKind(expr, kinds, "derive");
  } catch (error) {
    return (error as Error).message;
  }
  return "accepted";
};
const ADVICE =
  'a time stamp is compared, coalesced and picked only with time stamps (a date is its midnight): write the other side as a time-stamp literal, timestamp("2024-06-01 00:00:00"), or cast epoch milliseconds with cast(x, "timestamp")';

describe("time stamps are their own kind in expressions", () => {
  it("refuse a time stamp compared, coalesced or picked with a number, naming the step, the expression and both kinds", () => {
    expect(refusal(gt(col("ts"), Date.UTC(2024, 5, 1)))).toBe(
      `derive: gt(col("ts"), 1717200000000): expected time stamps, but 1717200000000 gives numbers; ${ADVICE}`,
    );
    expect(refusal(eq(col("ts"), col("i")))).toBe(
      `derive: eq(col("ts"), col("i")): expected time stamps, but column "i" holds numbers; ${ADVICE}`,
    );
    expect(refusal(coalesce(col("i"), col("d")))).toBe(
      `derive: coalesce(col("i"), col("d")): expected numbers, but column "d" holds time stamps; ${ADVICE}`,
    );
    expect(refusal(caseWhen([[isNull(col("d")), 0]], col("d")))).toContain(
      'expected numbers, but column "d" holds time stamps',
    );
    expect(refusal(isIn(col("ts"), [Date.UTC(2024, 2, 31)]))).toBe(
      'derive: isIn(col("ts"), [1711843200000]): expected time stamps in the list, got the number 1711843200000; a list holds no time stamps: compare with time-stamp literals, or(eq(x, timestamp("2024-06-01 00:00:00")), ...)',
    );
  });

  it("refuse a time stamp compared, coalesced or listed with text, saying to write a time-stamp literal", () => {
    expect(refusal(gt(col("ts"), "2024-06-01"))).toBe(
      `derive: gt(col("ts"), "2024-06-01"): expected time stamps, but "2024-06-01" gives strings; ${ADVICE}`,
    );
    expect(refusal(coalesce(col("d"), "none"))).toBe(
      `derive: coalesce(col("d"), "none"): expected time stamps, but "none" gives strings; ${ADVICE}`,
    );
    expect(refusal(isIn(col("ts"), ["2024-06-01"]))).toBe(
      'derive: isIn(col("ts"), ["2024-06-01"]): expected time stamps in the list, got "2024-06-01"; a list holds no time stamps: compare with time-stamp literals, or(eq(x, timestamp("2024-06-01 00:00:00")), ...)',
    );
    // numbers that are not time stamps keep the plain message
    expect(refusal(eq(col("i"), "7"))).toBe(
      'derive: eq(col("i"), "7"): expected numbers, but "7" gives strings',
    );
    expect(refusal(isIn(col("i"), ["7"]))).toBe(
      'derive: isIn(col("i"), ["7"]): expected numbers in the list, got "7"',
    );
  });

  it("refuse a date part or truncate of numbers that are not time stamps, saying to declare the column", () => {
    expect(refusal(hour(col("i")))).toBe(
      'derive: hour(col("i")): expected time stamps, but column "i" holds numbers; a plain table\'s numbers are not time stamps: if "i" holds epoch milliseconds, declare it with typedTable(table, { "i": { type: "timestamp", nullable: false }, ... }) or read the table with a row schema (z.date())',
    );
    expect(refusal(truncate(add(col("ts"), 1), "day"))).toBe(
      'derive: truncate(add(col("ts"), 1), "day"): expected time stamps, but add(col("ts"), 1) gives numbers; cast epoch milliseconds to a time stamp first: cast(x, "timestamp")',
    );
    expect(refusal(hour(cast(add(col("ts"), 1), "timestamp")))).toBe("accepted");
  });

  it("refuse the casts no engine makes: a time stamp to a boolean, a boolean to a time stamp", () => {
    expect(refusal(cast(col("ts"), "boolean"))).toContain("a time stamp has no boolean");
    expect(refusal(cast(col("b"), "timestamp"))).toContain(
      'expected numbers (epoch milliseconds) or strings, but col("b") gives booleans',
    );
  });

  it("accept dates with time stamps, arithmetic on time stamps (epoch milliseconds) and casts to and from numbers", () => {
    for (const accepted of [
      gt(col("ts"), col("d")),
      gt(col("ts"), timestamp("2024-06-01")),
      coalesce(col("d"), col("ts"), timestamp("2024-01-01 12:30")),
      caseWhen([[isNull(col("d")), col("ts")]], col("d")),
      gt(sub(col("ts"), col("d")), 3_600_000),
      neg(col("ts")),
      cast(col("d"), "float"),
      eq(cast(col("i"), "timestamp"), col("ts")),
      gt(col("unknown"), 5),
      hour(col("unknown")),
    ]) {
      expect(refusal(accepted)).toBe("accepted");
    }
  });

  it("at run time, take an undeclared column's numbers as either, and a column of Dates as time stamps", () => {
    const at = Date.UTC(2024, 2, 31, 2, 30);
    const numbers = { rowCount: 1, column: () => [at] };
    expect(evaluateExpression(hour(col("x")), numbers, "s")).toMatchObject({ values: Float64Array.of(2) });
    expect(evaluateExpression(gt(col("x"), 5), numbers, "s").kind).toBe("boolean");
    const dates = { rowCount: 1, column: () => [new Date(at)] };
    expect(() => evaluateExpression(gt(col("x"), 5), dates, "s")).toThrow(
      's: gt(col("x"), 5): expected time stamps, but 5 gives numbers',
    );
    const declared = { ...numbers, columnType: () => "int" as const };
    expect(() => evaluateExpression(hour(col("x")), declared, "s")).toThrow("expected time stamps");
  });

  it("type the plan's columns: a plain table's numbers are numbers, its Dates time stamps", () => {
    expect(
      expressionKinds({
        n: { type: "int", nullable: false, fromValues: true },
        at: { type: "timestamp", nullable: false, fromValues: true },
        d: { type: "date", nullable: true },
        u: { type: "unknown", nullable: true },
      }),
    ).toEqual({ n: "number", at: "stamp", d: "stamp" });
  });

  it("type a coalesce or case of dates and time stamps a time stamp (a date is its midnight)", () => {
    const schema: TableSchema = {
      d: { type: "date", nullable: true },
      ts: { type: "timestamp", nullable: false },
    };
    expect(expressionType(coalesce(col("d"), col("ts")), schema)).toEqual({
      type: "timestamp",
      nullable: false,
    });
    expect(expressionType(coalesce(col("d"), timestamp("2024-01-01 12:30")), schema).type).toBe("timestamp");
    expect(
      expressionType(caseWhen([[isNull(col("d")), col("d")]], timestamp("2024-01-01")), schema).type,
    ).toBe("timestamp");
    expect(expressionType(coalesce(col("d"), col("d")), schema).type).toBe("date");
  });
});
