import { col, mul, pipe, schemaOf, typedTable } from "@tablepipe/core";
import { compareValues } from "@tablepipe/core/internal";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type OrderRow, orderRow, orderRows, ordersTable } from "./internal/test-support";
import { window } from "./window";
import { cumulativeSum, lag, lead, rank, rowNumber } from "./window-functions";

describe("window", () => {
  const orders = aq.table({
    customer: [1, 2, 1, null, 1, undefined],
    at: [3, 1, 1, 5, 2, 4],
    amount: [10, 5, null, 4, 7, 6],
  });

  it("numbers, ranks, shifts and sums each partition in order; rows stay in input order", () => {
    const out = window(orders, {
      partitionBy: ["customer"],
      orderBy: ["at"],
      columns: {
        nth: rowNumber(),
        previous: lag(col("amount")),
        next: lead(col("at")),
        twoBack: lag(col("at"), 2),
        spent: cumulativeSum(col("amount")),
        doubled: cumulativeSum(mul(col("amount"), 2)),
      },
    });
    expect(out.columnNames()).toEqual([
      "customer",
      "at",
      "amount",
      "nth",
      "previous",
      "next",
      "twoBack",
      "spent",
      "doubled",
    ]);
    // customer 1: at 1 (null), 2 (7), 3 (10); null and undefined form one partition: at 4 (6), 5 (4)
    expect(out.objects()).toEqual([
      { customer: 1, at: 3, amount: 10, nth: 3, previous: 7, next: null, twoBack: 1, spent: 17, doubled: 34 },
      {
        customer: 2,
        at: 1,
        amount: 5,
        nth: 1,
        previous: null,
        next: null,
        twoBack: null,
        spent: 5,
        doubled: 10,
      },
      {
        customer: 1,
        at: 1,
        amount: null,
        nth: 1,
        previous: null,
        next: 2,
        twoBack: null,
        spent: null,
        doubled: null,
      },
      {
        customer: null,
        at: 5,
        amount: 4,
        nth: 2,
        previous: 6,
        next: null,
        twoBack: null,
        spent: 10,
        doubled: 20,
      },
      {
        customer: 1,
        at: 2,
        amount: 7,
        nth: 2,
        previous: null,
        next: 3,
        twoBack: null,
        spent: 7,
        doubled: 14,
      },
      {
        customer: undefined,
        at: 4,
        amount: 6,
        nth: 1,
        previous: null,
        next: 5,
        twoBack: null,
        spent: 6,
        doubled: 12,
      },
    ]);
    expect(out.column("nth")).toBeInstanceOf(Float64Array);
  });

  it("ranks ties alike (1, 1, 3); descending puts missing values last; ties broken by the other columns", () => {
    const scores = aq.table({ points: [7, 9, null, 9, 3], name: ["e", "d", "c", "b", "a"] });
    const out = window(scores, {
      partitionBy: [],
      orderBy: ["points"],
      descending: ["points"],
      columns: { place: rank(), nth: rowNumber() },
    });
    expect(out.array("place")).toEqual([3, 1, 5, 1, 4]);
    expect(out.array("nth")).toEqual([3, 2, 5, 1, 4]); // "b" before "d" among the 9s
    const up = window(scores, { partitionBy: [], orderBy: ["points"], columns: { nth: rowNumber() } });
    expect(up.array("nth")).toEqual([3, 5, 1, 4, 2]); // missing first ascending; "b" before "d"
  });

  it("keeps a running sum missing after +Infinity then -Infinity (NaN), and null until a value is seen", () => {
    const values = aq.table({
      g: [1, 1, 1, 1, 1, 2, 2, 2],
      o: [1, 2, 3, 4, 5, 1, 2, 3],
      x: [null, Infinity, -Infinity, 1.25, 2, null, 1, null],
    });
    const out = window(values, {
      partitionBy: ["g"],
      orderBy: ["o"],
      columns: { w: cumulativeSum(col("x")) },
    });
    // as arithmetic (and SQL) say: NaN, a missing value, for the rest of the partition; the next one starts anew
    expect(out.array("w")).toEqual([null, Infinity, null, null, null, null, 1, 1]);
  });

  it("declares a running sum nullable where it can be missing: nullable input, or floats (Inf + -Inf)", () => {
    const plain = aq.table({ o: [1, 2, 3, 4], x: [Infinity, -Infinity, 1.25, 2], k: [1, 2, 3, 4] });
    const sums = { w: cumulativeSum(col("x")), s: cumulativeSum(col("k")), p: lag(col("k")) };
    const out = pipe(plain)
      .transform(window, { partitionBy: [], orderBy: ["o"], columns: sums })
      .run().table;
    expect(out.array("w")).toEqual([Infinity, null, null, null]);
    expect(schemaOf(out)).toMatchObject({
      w: { type: "float", nullable: true },
      s: { type: "int", nullable: false },
      p: { type: "int", nullable: true },
    });
    const typed = typedTable(aq.table({ o: [1, 2], k: [null, 2] }), {
      o: { type: "int", nullable: false },
      k: { type: "int", nullable: true },
    });
    const late = window(typed, { partitionBy: [], orderBy: ["o"], columns: { s: cumulativeSum(col("k")) } });
    expect(late.array("s")).toEqual([null, 2]);
    expect(schemaOf(late).s).toEqual({ type: "int", nullable: true });
  });

  it("with no column to compute, gives the table unchanged (every row kept, in input order), as SQL does", () => {
    const k = typedTable(aq.table({ k: [2, 1] }), { k: { type: "int", nullable: true } });
    const out = pipe(k)
      .transform(window, { partitionBy: [], orderBy: ["k"], columns: {} })
      .run().table;
    expect(out.objects()).toEqual([{ k: 2 }, { k: 1 }]);
    expect(schemaOf(out)).toEqual(schemaOf(k));
    expect(window(orders, { partitionBy: ["customer"], orderBy: ["at"], columns: {} }).objects()).toEqual(
      orders.objects(),
    );
  });

  it("names the step on a wrong param, a stray descending column or a non-numeric running sum", () => {
    expect(() =>
      window(orders, {
        partitionBy: [],
        orderBy: ["at"],
        descending: ["amount"],
        columns: { n: rowNumber() },
      }),
    ).toThrow('window: param "descending": "amount" is not one of the orderBy columns (at)');
    const named = aq.table({ k: [1], name: ["x"] });
    expect(() =>
      window(named, { partitionBy: [], orderBy: ["k"], columns: { s: cumulativeSum(col("name")) } }),
    ).toThrow('window: column "s": cumulativeSum(col("name")): expected numbers, got strings');
    expect(() =>
      window(named, { partitionBy: [], orderBy: ["k"], columns: { s: { fn: "lagg" } as never } }),
    ).toThrow('window: param "columns.s": expected a window function');
    expect(() => window(named, { partitionBy: ["nope"], orderBy: ["k"], columns: { n: rank() } })).toThrow(
      'window: missing column "nope"',
    );
  });

  it("says in its contract what it needs and adds", () => {
    expect(
      pipe(orders)
        .transform(window, { partitionBy: ["customer"], orderBy: ["at"], columns: { n: rowNumber() } })
        .check(),
    ).toEqual(["customer", "at", "amount", "n"]);
    expect(() =>
      window(orders, { partitionBy: [], orderBy: ["at"], columns: { p: lag(col("price")) } }),
    ).toThrow('window: missing column "price"');
  });

  it("agrees with a sort-based reference on random tables with nulls and duplicate keys", () => {
    fc.assert(
      fc.property(orderRows, fc.boolean(), fc.integer({ min: 0, max: 2 }), (rows, down, offset) => {
        const out = window(ordersTable(rows), {
          partitionBy: ["customer_id"],
          orderBy: ["amount"],
          descending: down ? ["amount"] : [],
          columns: {
            nth: rowNumber(),
            place: rank(),
            before: lag(col("status"), offset),
            after: lead(col("amount"), offset),
            running: cumulativeSum(col("amount")),
          },
        });
        // reference: per partition (null keys together), sort by amount then status, ordered_at; walk it
        const sign = down ? -1 : 1;
        const byOrder = (a: OrderRow, b: OrderRow) =>
          sign * compareValues(a.amount, b.amount) ||
          compareValues(a.status, b.status) ||
          compareValues(a.ordered_at, b.ordered_at);
        const expected = rows.map((row, index) => {
          const partition = rows
            .map((r, i) => ({ r, i }))
            .filter(({ r }) => r.customer_id === row.customer_id)
            .sort((a, b) => byOrder(a.r, b.r) || a.i - b.i);
          const k = partition.findIndex(({ i }) => i === index);
          const amounts = partition.slice(0, k + 1).flatMap(({ r }) => (r.amount === null ? [] : [r.amount]));
          return {
            ...row,
            nth: k + 1,
            place: partition.findIndex(({ r }) => r.amount === row.amount) + 1,
            before: partition[k - offset]?.r.status ?? null,
            after: partition[k + offset]?.r.amount ?? null,
            running: amounts.length === 0 ? null : amounts.reduce((a, b) => a + b, 0),
          };
        });
        expect(out.objects()).toEqual(expected);
      }),
    );
  });

  it("orders a large partitioned table (sorted by radix on its number columns) as the reference does", () => {
    fc.assert(
      fc.property(fc.array(orderRow, { minLength: 600, maxLength: 900 }), fc.boolean(), (rows, down) => {
        const out = window(ordersTable(rows), {
          partitionBy: ["customer_id"],
          orderBy: ["ordered_at", "amount"],
          descending: down ? ["ordered_at"] : [],
          columns: { nth: rowNumber() },
        });
        // reference: a row's number is 1 + the rows of its partition ordered before it
        const sign = down ? -1 : 1;
        const before = (a: OrderRow, i: number, b: OrderRow, j: number) =>
          (sign * compareValues(a.ordered_at, b.ordered_at) ||
            compareValues(a.amount, b.amount) ||
            compareValues(a.status, b.status) ||
            i - j) < 0;
        const expected = rows.map((row, index) => {
          let earlier = 0;
          rows.forEach((other, i) => {
            if (other.customer_id === row.customer_id && before(other, i, row, index)) earlier++;
          });
          return earlier + 1;
        });
        expect(out.array("nth")).toEqual(expected);
      }),
      { numRuns: 15 },
    );
  });
});
