import {
  add,
  type CastType,
  cast,
  coalesce,
  col,
  contains,
  div,
  type Expr,
  eq,
  gt,
  hour,
  isIn,
  length,
  lower,
  mul,
  neg,
  not,
  type Pipe,
  pipe,
  year,
} from "@tablepipe/core";
import {
  cumulativeSum,
  derive,
  filter,
  lag,
  lead,
  rowNumber,
  type WindowFunction,
  window,
} from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { compileForTest } from "../test-support/compile-for-test";
import { inProcessKind } from "./expr-kinds";

const TYPES: Readonly<Record<string, CastType>> = {
  amount: "float",
  qty: "int",
  status: "string",
  paid: "boolean",
  at: "timestamp",
};

/** The number of steps a pipe's compilation renders, the source columns of `TYPES`' types. */
function rendered(p: Pipe<string>): number {
  return compileForTest(p, { sourceTypes: TYPES }).renderedSteps;
}

const orders = aq.table({
  amount: [5.5, 20],
  qty: [1, 2],
  status: ["paid", "open"],
  paid: [true, false],
  at: [new Date(0), new Date(86_400_000)],
});

/** Expressions the in-process check refuses on columns of `TYPES`' types holding values. */
const REFUSED: readonly Expr[] = [
  div(col("status"), 2),
  add(col("paid"), col("qty")),
  neg(col("status")),
  lower(col("amount")),
  length(col("qty")),
  contains(col("at"), "1970"),
  year(col("status")),
  hour(col("paid")),
  not(col("amount")),
  eq(col("status"), col("qty")),
  isIn(col("qty"), ["1"]),
  coalesce(col("status"), col("amount")),
  mul(lower(col("status")), 2),
];

/** Expressions it accepts (a column of unknown type: any). */
const ACCEPTED: readonly Expr[] = [
  div(col("amount"), col("qty")),
  year(col("at")),
  lower(col("status")),
  length(cast(col("qty"), "string")),
  add(cast(col("status"), "float"), 1),
  div(col("other"), 2),
  lower(col("other")),
  coalesce(col("other"), col("amount")),
];

describe("inProcessKind: the in-process step's own check on the known column types", () => {
  it("is undefined where the in-process evaluation refuses the expression on values of those types", () => {
    for (const expr of REFUSED) {
      expect(inProcessKind(expr, TYPES), JSON.stringify(expr)).toBeUndefined();
      const p = pipe(orders.assign({ other: [null, null] })).transform(derive, { columns: { r: expr } });
      expect(() => p.run(), JSON.stringify(expr)).toThrow(/derive: column "r": /);
    }
  });

  it("is the result's kind where it accepts it; a column of unknown type is never refused", () => {
    for (const expr of ACCEPTED) expect(inProcessKind(expr, TYPES), JSON.stringify(expr)).toBeDefined();
    expect(inProcessKind(gt(col("amount"), 1), TYPES)).toBe("boolean");
    expect(inProcessKind(lower(col("status")), TYPES)).toBe("string");
    expect(inProcessKind(div(col("status"), 2), {})).toBe("number");
    expect(inProcessKind(col("other"), TYPES)).toBe("null");
  });
});

describe("derive and filter renderings", () => {
  it("decline (the step runs in process) an expression the in-process check refuses", () => {
    for (const expr of REFUSED) {
      expect(rendered(pipe(orders).transform(derive, { columns: { ok: mul(col("qty"), 2), r: expr } }))).toBe(
        0,
      );
    }
    expect(rendered(pipe(orders).transform(filter, { where: gt(div(col("status"), 2), 1) }))).toBe(0);
    expect(rendered(pipe(orders).transform(filter, { where: eq(lower(col("qty")), "1") }))).toBe(0);
  });

  it("decline a filter whose condition gives numbers or strings, as the in-process filter refuses it", () => {
    expect(rendered(pipe(orders).transform(filter, { where: col("amount") }))).toBe(0);
    expect(rendered(pipe(orders).transform(filter, { where: lower(col("status")) }))).toBe(0);
  });

  it("render what the check accepts, and expressions on columns of unknown type", () => {
    for (const expr of ACCEPTED) {
      const p = pipe(orders.assign({ other: [null, null] })).transform(derive, { columns: { r: expr } });
      expect(rendered(p), JSON.stringify(expr)).toBe(1);
    }
    expect(rendered(pipe(orders).transform(filter, { where: gt(col("amount"), 10) }))).toBe(1);
    expect(rendered(pipe(orders).transform(filter, { where: col("paid") }))).toBe(1);
    const unknown = pipe(aq.table({ s: ["a"] })).transform(filter, { where: gt(div(col("s"), 2), 1) });
    expect(rendered(unknown)).toBe(1);
  });
});

describe("window rendering", () => {
  const windowOf = (columns: Readonly<Record<string, WindowFunction>>) =>
    pipe(orders.assign({ other: [null, null] })).transform(window, {
      partitionBy: [],
      orderBy: ["qty"],
      columns,
    });

  it("declines a function the in-process step refuses: a cumulativeSum of strings or booleans, a refused expression", () => {
    for (const f of [
      cumulativeSum(col("status")),
      cumulativeSum(col("paid")),
      cumulativeSum(lower(col("status"))),
    ]) {
      expect(rendered(windowOf({ n: rowNumber(), w: f })), JSON.stringify(f)).toBe(0);
      expect(() => windowOf({ w: f }).run(), JSON.stringify(f)).toThrow(
        /^window\(.*\): column "w": cumulativeSum/,
      );
    }
    for (const expr of REFUSED) {
      expect(rendered(windowOf({ w: lag(expr) })), JSON.stringify(expr)).toBe(0);
      expect(rendered(windowOf({ w: lead(expr, 2) })), JSON.stringify(expr)).toBe(0);
    }
  });

  it("renders sums of numbers and time stamps, lag and lead of any kind, and columns of unknown type", () => {
    const functions = [
      cumulativeSum(col("amount")),
      cumulativeSum(col("at")),
      cumulativeSum(col("other")),
      cumulativeSum(div(col("other"), 2)),
      lag(col("status")),
      lead(col("paid")),
      ...ACCEPTED.map((expr) => lag(expr)),
    ];
    for (const f of functions)
      expect(rendered(windowOf({ n: rowNumber(), w: f })), JSON.stringify(f)).toBe(1);
  });
});
