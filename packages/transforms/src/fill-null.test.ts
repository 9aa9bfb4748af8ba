import { pipe, StepFailedError, typedTable } from "@tablepipe/core";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { fillNull } from "./fill-null";
import { countingStep } from "./internal/counting-step";
import { orderRows, ordersTable } from "./internal/test-support";

describe("fillNull", () => {
  it("replaces null, undefined and NaN in place; present values, other columns and row order unchanged", () => {
    const t = aq.table({
      amount: Float64Array.of(1, Number.NaN, 3),
      status: ["paid", null, undefined],
      gift: [null, true, false],
      at: [new Date(5), null, new Date(Number.NaN)],
      empty: [null, null, null],
    });
    const out = fillNull(t, { columns: { amount: 0, status: "unknown", gift: false, at: 7, empty: "x" } });
    expect(out.columnNames()).toEqual(["amount", "status", "gift", "at", "empty"]);
    expect(out.column("amount")).toEqual(Float64Array.of(1, 0, 3)); // still typed
    expect(out.array("status")).toEqual(["paid", "unknown", "unknown"]);
    expect(out.array("gift")).toEqual([false, true, false]);
    expect(out.array("at")).toEqual([new Date(5), new Date(7), new Date(7)]);
    expect(out.array("empty")).toEqual(["x", "x", "x"]);
    expect(t.array("status")).toEqual(["paid", null, undefined]);
  });

  it("refuses a value of another type than the column's, naming step, column, a row's value and the value", () => {
    const t = aq.table({ amount: [null, 10], status: ["paid", null] });
    expect(() => fillNull(t, { columns: { amount: "none" } })).toThrow(
      'fillNull: column "amount" holds numbers (row 1: 10), but the fill value "none" is a string; expected a number',
    );
    expect(() => fillNull(t, { columns: { status: 0 } })).toThrow(
      'fillNull: column "status" holds strings (row 0: "paid"), but the fill value 0 is a number; expected a string',
    );
    expect(() => fillNull(t, { columns: { status: null as unknown as string } })).toThrow(
      'fillNull: param "columns.status": expected a string, a finite number or a boolean; got null',
    );
  });

  it("names an infinite or NaN fill value as itself, not as JSON's null", () => {
    const t = aq.table({ v: [1.5, null] });
    for (const [value, shown] of [
      [Number.POSITIVE_INFINITY, "Infinity"],
      [Number.NEGATIVE_INFINITY, "-Infinity"],
      [Number.NaN, "NaN"],
    ] as const) {
      expect(() => fillNull(t, { columns: { v: value } })).toThrow(
        `fillNull: param "columns.v": expected a string, a finite number or a boolean; got ${shown}`,
      );
    }
  });

  it("refuses a value of another kind than a declared column's type before any row is read", () => {
    // declared, but holding only nulls: the run alone would fill them
    const orders = typedTable(
      aq.table({ discount: [null, null], status: [null, null], gift: [null, null], at: [null, null] }),
      z.object({
        discount: z.number().nullable(),
        status: z.string().nullable(),
        gift: z.boolean().nullable(),
        at: z.date().nullable(),
      }),
    );
    const first = countingStep();
    const before = first.step;
    const fill = (columns: Record<string, string | number | boolean>) =>
      pipe(orders).transform(before).transform(fillNull, { columns });
    expect(() => fill({ discount: "zero" }).check()).toThrow(StepFailedError);
    expect(() => fill({ discount: "zero" }).run()).toThrow(
      'fillNull: column "discount" holds numbers (declared float), but the fill value "zero" is a string; ' +
        "expected a number",
    );
    expect(() => fill({ status: 0 }).run()).toThrow(
      'fillNull: column "status" holds strings (declared string), but the fill value 0 is a number; expected a string',
    );
    expect(() => fill({ gift: "no" }).run()).toThrow(/column "gift" holds booleans \(declared boolean\)/);
    expect(() => fill({ at: "never" }).run()).toThrow(/column "at" holds numbers \(declared timestamp\)/);
    expect(() => fillNull(orders, { columns: { discount: "zero" } })).toThrow(
      /holds numbers \(declared float\)/,
    );
    expect(first.runs()).toBe(0);
    const filled = fill({ discount: 0, status: "none", gift: false, at: 7 }).run().table;
    expect(filled.objects()).toEqual([
      { discount: 0, status: "none", gift: false, at: 7 },
      { discount: 0, status: "none", gift: false, at: 7 },
    ]);
    expect(first.runs()).toBe(1);
  });

  it("with no column to fill, gives the table unchanged (every row kept)", () => {
    const t = aq.table({ a: [null, 1], b: ["x", null] });
    const out = fillNull(t, { columns: {} });
    expect(out.objects()).toEqual(t.objects());
  });

  it("says in its contract what it needs, and adds or removes nothing", () => {
    const t = aq.table({ a: [null], b: [1] });
    expect(
      pipe(t)
        .transform(fillNull, { columns: { a: 0 } })
        .check(),
    ).toEqual(["a", "b"]);
    expect(() => fillNull(t, { columns: { c: 0 } })).toThrow('fillNull: missing column "c"; available: a, b');
  });

  it("agrees with a row-by-row reference on random tables with nulls", () => {
    fc.assert(
      fc.property(orderRows, (rows) => {
        const out = fillNull(ordersTable(rows), { columns: { amount: -1, status: "none", customer_id: 0 } });
        expect(out.objects()).toEqual(
          rows.map((r) => ({
            customer_id: r.customer_id ?? 0,
            status: r.status ?? "none",
            amount: r.amount ?? -1,
            ordered_at: r.ordered_at,
          })),
        );
      }),
    );
  });
});
