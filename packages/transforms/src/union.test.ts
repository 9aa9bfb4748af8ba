import { pipe } from "@tablepipe/core";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { orderRows, ordersTable } from "./internal/test-support";
import { union } from "./union";

describe("union", () => {
  const january = aq.table({ id: [1, 2], status: ["paid", null], amount: Float64Array.of(10, 5) });

  it("appends the other's rows, columns matched by name in any order; every row kept", () => {
    const february = aq.table({ amount: Float64Array.of(7, 10), id: [3, 1], status: ["open", "paid"] });
    const out = union(january, { other: february });
    expect(out.columnNames()).toEqual(["id", "status", "amount"]);
    expect(out.objects()).toEqual([
      { id: 1, status: "paid", amount: 10 },
      { id: 2, status: null, amount: 5 },
      { id: 3, status: "open", amount: 7 },
      { id: 1, status: "paid", amount: 10 },
    ]);
    expect(out.column("amount")).toBeInstanceOf(Float64Array);
    expect(union(january, { other: january.filter((d: { id: number }) => d.id > 1) }).array("id")).toEqual([
      1, 2, 2,
    ]);
    expect(pipe(january).transform(union, { other: february }).check()).toEqual(["id", "status", "amount"]);
  });

  it("names the missing and extra columns, and a column of two types", () => {
    expect(() =>
      union(january, { other: aq.table({ id: [3], amount: [1], note: ["x"], tag: ["y"] }) }),
    ).toThrow(
      'union: the other table lacks "status" and has extra columns "note", "tag"; expected the same columns as ' +
        "the input (id, status, amount)",
    );
    expect(() => union(january, { other: aq.table({ id: ["3"], status: [null], amount: [1] }) })).toThrow(
      'union: column "id" holds numbers in the input (row 0) but strings in the other table (row 0); expected one type',
    );
    const onlyNulls = aq.table({ id: [null], status: [null], amount: [null] });
    expect(union(january, { other: onlyNulls }).numRows()).toBe(3);
  });

  it("agrees with concatenated rows on random tables, whatever the other's column order", () => {
    fc.assert(
      fc.property(orderRows, orderRows, (a, b) => {
        const other = ordersTable(b).select("ordered_at", "amount", "status", "customer_id");
        const out = union(ordersTable(a), { other });
        expect(out.columnNames()).toEqual(["customer_id", "status", "amount", "ordered_at"]);
        expect(out.objects()).toEqual([...a, ...b]);
      }),
    );
  });
});
