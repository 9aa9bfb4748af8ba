import {
  add,
  caseWhen,
  col,
  gt,
  month,
  mul,
  pipe,
  StepFailedError,
  schemaOf,
  sub,
  typedTable,
} from "@tablepipe/core";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { derive } from "./derive";
import { countingStep } from "./internal/counting-step";
import { orderRows, ordersTable } from "./internal/test-support";

describe("derive", () => {
  it("adds columns from expressions on each row; each sees the input's columns", () => {
    const t = typedTable(
      aq.table({
        price: [2, 3],
        qty: [5, null],
        at: Float64Array.of(Date.UTC(2024, 2, 1), Date.UTC(2024, 11, 31)),
      }),
      {
        price: { type: "int", nullable: false },
        qty: { type: "int", nullable: true },
        at: { type: "timestamp", nullable: false },
      },
    );
    const out = derive(t, {
      columns: { total: mul(col("price"), col("qty")), m: month(col("at")), price: add(col("price"), 1) },
    });
    expect(out.columnNames()).toEqual(["price", "qty", "at", "total", "m"]);
    expect(out.array("total")).toEqual([10, null]);
    expect(out.column("m")).toEqual(Float64Array.of(3, 12)); // no null: typed
    expect(out.array("price")).toEqual([3, 4]);
    expect(t.array("price")).toEqual([2, 3]);
  });

  it("arithmetic on infinities that gives NaN gives a null, in a column declared nullable (not a contract error)", () => {
    const t = typedTable(aq.table({ x: [Number.POSITIVE_INFINITY, 2] }), {
      x: { type: "float", nullable: false },
    });
    const out = pipe(t)
      .transform(derive, { columns: { d: sub(col("x"), col("x")), z: mul(col("x"), 0) } })
      .run().table;
    expect(out.objects()).toEqual([
      { x: Number.POSITIVE_INFINITY, d: null, z: null },
      { x: 2, d: 0, z: 0 },
    ]);
    expect(schemaOf(out).d).toEqual({ type: "float", nullable: true });
  });

  it("with no column to compute, gives the table unchanged (every row kept), as SQL does", () => {
    const t = typedTable(aq.table({ k: [1, 2] }), { k: { type: "int", nullable: true } });
    const out = pipe(t).transform(derive, { columns: {} }).run().table;
    expect(out.objects()).toEqual([{ k: 1 }, { k: 2 }]);
    expect(schemaOf(out)).toEqual(schemaOf(t));
    expect(
      derive(
        aq.table({ k: [1, 2] }).filter((d: { k: number }) => d.k > 1),
        { columns: {} },
      ).objects(),
    ).toEqual([{ k: 2 }]);
  });

  it("names the step, the new column and the expression on a type error", () => {
    expect(() => derive(aq.table({ s: ["x"] }), { columns: { n: add(col("s"), 1) } })).toThrow(
      'derive: column "n": add(col("s"), 1): expected numbers, but column "s" holds strings',
    );
  });

  it("refuses an expression the declared column types refuse before any row is read, as the run would", () => {
    const first = countingStep();
    const before = first.step;
    const t = typedTable(aq.table({ s: [null] }), z.object({ s: z.string().nullable() }));
    const p = pipe(t)
      .transform(before)
      .transform(derive, { columns: { n: add(col("s"), 1) } });
    expect(() => p.check()).toThrow(StepFailedError);
    expect(() => p.run()).toThrow(
      /^derive: column "n": add\(col\("s"\), 1\): expected numbers, but column "s" holds strings$/,
    );
    expect(first.runs()).toBe(0);
  });

  it("agrees with a row-by-row reference", () => {
    fc.assert(
      fc.property(orderRows, (rows) => {
        const size = caseWhen([[gt(col("amount"), 7), "large"]], "small");
        const out = derive(ordersTable(rows), { columns: { size, double: mul(col("amount"), 2) } });
        expect(out.array("size")).toEqual(
          rows.map((r) => (r.amount !== null && r.amount > 7 ? "large" : "small")),
        );
        expect([...out.array("double")]).toEqual(rows.map((r) => (r.amount === null ? null : r.amount * 2)));
      }),
    );
  });
});
