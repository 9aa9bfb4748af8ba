import { and, col, eq, gt, isNull, or, pipe, StepFailedError, typedTable } from "@tablepipe/core";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { filter } from "./filter";
import { countingStep } from "./internal/counting-step";
import { orderRows, ordersTable } from "./internal/test-support";

describe("filter", () => {
  it("keeps the rows where the condition is true: null and false drop the row", () => {
    const orders = aq.table({ amount: [5, 20, null, 30], status: ["paid", "paid", "paid", null] });
    const kept = filter(orders, { where: and(gt(col("amount"), 10), eq(col("status"), "paid")) });
    expect(kept.objects()).toEqual([{ amount: 20, status: "paid" }]);
    expect(filter(orders, { where: isNull(col("amount")) }).numRows()).toBe(1);
  });

  it("names the step and the columns an expression needs but the table lacks", () => {
    expect(() => filter(aq.table({ a: [1] }), { where: gt(col("amonut"), 1) })).toThrow(
      'filter: missing column "amonut"; available: a',
    );
    expect(() => filter(aq.table({ a: [1] }), { where: col("a") })).toThrow(
      'filter: col("a"): expected a condition (booleans), got numbers',
    );
    expect(() => filter(aq.table({ a: [1] }), { where: 3 as never })).toThrow(
      /filter: param "where": expected an expression/,
    );
  });

  it("refuses a condition the declared column types refuse before any row is read, as the run would", () => {
    const first = countingStep();
    const before = first.step;
    const orders = typedTable(
      aq.table({ status: [null], amount: [1] }),
      z.object({ status: z.string().nullable(), amount: z.number() }),
    );
    const where = (condition: Parameters<typeof filter>[1]["where"]) =>
      pipe(orders).transform(before).transform(filter, { where: condition });
    expect(() => where(gt(col("status"), 3)).check()).toThrow(StepFailedError);
    expect(() => where(gt(col("status"), 3)).run()).toThrow(
      'filter: gt(col("status"), 3): expected strings, but 3 gives numbers',
    );
    expect(() => where(col("amount")).run()).toThrow(
      /^filter: col\("amount"\): expected a condition \(booleans\), got numbers$/,
    );
    expect(first.runs()).toBe(0);
    // a plain table's types come from its values: the run decides (its column of nulls passes)
    expect(filter(aq.table({ status: [null] }), { where: gt(col("status"), 3) }).numRows()).toBe(0);
  });

  it("works on a filtered view, and never mutates its input", () => {
    const t = aq.table({ a: [1, 2, 3, 4] });
    const view = t.filter((d: { a: number }) => d.a > 1);
    expect(filter(view, { where: gt(col("a"), 2) }).array("a")).toEqual([3, 4]);
    expect(t.numRows()).toBe(4);
  });

  it("keeps exactly the rows a row-by-row SQL reading keeps, in input order", () => {
    fc.assert(
      fc.property(orderRows, (rows) => {
        const where = or(gt(col("amount"), 5), eq(col("status"), "open"));
        const kept = filter(ordersTable(rows), { where });
        const expected = rows.filter((r) => (r.amount !== null && r.amount > 5) || r.status === "open");
        expect(kept.objects()).toEqual(expected);
      }),
    );
  });
});
