import {
  add,
  col,
  contains,
  day,
  div,
  type Expr,
  eq,
  gt,
  length,
  lower,
  max,
  mean,
  mul,
  not,
  pipe,
  stddev,
  sum,
  year,
} from "@tablepipe/core";
import { ORDER_TYPES, ordersTable } from "@tablepipe/sql/test-support";
import {
  aggregate,
  cumulativeSum,
  derive,
  filter,
  lag,
  lead,
  rowNumber,
  window,
} from "@tablepipe/transforms";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDb } from "./engine/duckdb-database";
import { expectParity, expectSameError } from "./test-support";

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open();
});
afterAll(() => db.close());

const options = { columnTypes: ORDER_TYPES };
const orders = ordersTable([
  { id: 1, status: "paid", amount: 12.5, paid: true, at: 0 },
  { id: 2, status: "open", amount: 5, paid: false, at: 86_400_000 },
]);

/** Expressions on columns of known types that the in-process step refuses, with what its error says. */
const REFUSED: readonly (readonly [string, Expr, RegExp])[] = [
  ["arithmetic on a string", div(col("status"), 2), /expected numbers, but column "status" holds strings/],
  ["arithmetic on a boolean", add(col("paid"), 1), /expected numbers, but column "paid" holds booleans/],
  ["lower of a number", lower(col("amount")), /expected strings, but column "amount" holds numbers/],
  ["length of a number", length(col("id")), /expected strings, but column "id" holds numbers/],
  [
    "contains on a time stamp",
    contains(col("at"), "1970"),
    /expected strings, but column "at" holds time stamps/,
  ],
  ["a date part of a string", year(col("status")), /expected numbers, but column "status" holds strings/],
  ["a date part of a boolean", day(col("paid")), /expected numbers, but column "paid" holds booleans/],
  ["not of a number", not(col("amount")), /expected booleans, but column "amount" holds numbers/],
];

describe("an expression the in-process check refuses on the known column types: the in-process error", () => {
  for (const [what, expr, detail] of REFUSED) {
    it(`derive: ${what}`, async () => {
      const p = pipe(orders).transform(derive, { columns: { r: expr } });
      await expectSameError(p, db, options, detail);
    });
  }

  it("filter: arithmetic on a string, a string function of a number, a condition that is no condition", async () => {
    for (const where of [gt(div(col("status"), 2), 1), eq(lower(col("amount")), "5"), col("amount")]) {
      await expectSameError(pipe(orders).transform(filter, { where }), db, options, /^filter(\(|:)/);
    }
  });

  it("after steps that ran in DuckDB, the failing step names itself as in process", async () => {
    const p = pipe(orders)
      .transform(filter, { where: gt(col("amount"), 1) })
      .transform(derive, { columns: { r: mul(col("status"), 2) } });
    await expectSameError(p, db, options, /derive: column "r": mul\(col\("status"\), 2\)/);
  });

  it("a column holding only nulls is accepted in process, so the step runs and gives its nulls", async () => {
    const nulls = ordersTable([{ id: 1, status: null, amount: 3, paid: null, at: null }]);
    const result = await expectParity(
      pipe(nulls).transform(derive, { columns: { r: div(col("status"), 2) } }),
      db,
      options,
    );
    expect(result.placement.map((s) => s.engine)).toEqual(["in-process"]);
  });
});

describe("a measure the in-process step refuses on the known column types: the in-process error", () => {
  it("sum, mean and stddev of strings or booleans, a measure of an expression the check refuses", async () => {
    const measures = [
      sum(col("status")),
      mean(col("paid")),
      stddev(col("status")),
      max(lower(col("amount"))),
    ];
    for (const measure of measures) {
      const p = pipe(orders).transform(aggregate, { by: ["paid"], measures: { m: measure } });
      await expectSameError(p, db, options, /^aggregate\(paid\): measure "m": /);
    }
  });

  it("min and max of strings, and sums of numbers, still run in DuckDB", async () => {
    const p = pipe(orders).transform(aggregate, {
      by: ["paid"],
      measures: { first: max(col("status")), total: sum(col("amount")) },
    });
    const result = await expectParity(p, db, options);
    expect(result.placement.map((s) => s.engine)).toEqual(["duckdb"]);
  });
});

describe("a window function the in-process step refuses on the known column types: the in-process error", () => {
  it("cumulativeSum of strings or booleans, lag or lead of an expression the check refuses", async () => {
    const functions = [
      cumulativeSum(col("status")),
      cumulativeSum(col("paid")),
      cumulativeSum(lower(col("amount"))),
      lag(div(col("status"), 2)),
      lead(not(col("amount")), 2),
    ];
    for (const f of functions) {
      const p = pipe(orders).transform(window, {
        partitionBy: ["paid"],
        orderBy: ["id"],
        columns: { n: rowNumber(), w: f },
      });
      await expectSameError(p, db, options, /^window(\(|:).*column "w": /);
    }
  });

  it("a string column holding only nulls is accepted in process, so the step runs and gives its nulls", async () => {
    const nulls = ordersTable([{ id: 1, status: null, amount: 3, paid: null, at: null }]);
    const p = pipe(nulls).transform(window, {
      partitionBy: ["paid"],
      orderBy: ["id"],
      columns: { w: cumulativeSum(col("status")) },
    });
    const result = await expectParity(p, db, options);
    expect(result.placement.map((s) => s.engine)).toEqual(["in-process"]);
  });

  it("sums of numbers and lag or lead of strings and booleans still run in DuckDB", async () => {
    const p = pipe(orders).transform(window, {
      partitionBy: ["paid"],
      orderBy: ["id"],
      columns: {
        total: cumulativeSum(col("amount")),
        before: lag(col("status")),
        after: lead(col("paid")),
        low: lag(lower(col("status"))),
      },
    });
    const result = await expectParity(p, db, options);
    expect(result.placement.map((s) => s.engine)).toEqual(["duckdb"]);
  });
});

describe("expressions the check accepts still run in DuckDB", () => {
  it("derive and filter of ordinary expressions", async () => {
    const p = pipe(orders)
      .transform(derive, {
        columns: { r: div(col("amount"), col("id")), y: year(col("at")), s: lower(col("status")) },
      })
      .transform(filter, { where: gt(length(col("status")), 3) });
    const result = await expectParity(p, db, options);
    expect(result.placement.map((s) => s.engine)).toEqual(["duckdb", "duckdb"]);
  });
});
