import { pipe } from "@tablepipe/core";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { orderRows, ordersTable } from "./internal/test-support";
import { rename } from "./rename";

describe("rename", () => {
  const t = aq.table({ a: [1, 2], b: ["x", null], c: [true, false] });

  it("renames in place, keeping values, rows and the other columns; names may be swapped", () => {
    const out = rename(t, { columns: { a: "id" } });
    expect(out.columnNames()).toEqual(["id", "b", "c"]);
    expect(out.objects()).toEqual([
      { id: 1, b: "x", c: true },
      { id: 2, b: null, c: false },
    ]);
    expect(rename(t, { columns: { a: "b", b: "a" } }).objects()).toEqual([
      { b: 1, a: "x", c: true },
      { b: 2, a: null, c: false },
    ]);
    expect(t.columnNames()).toEqual(["a", "b", "c"]);
  });

  it("says in its contract what it needs, adds and removes", () => {
    expect(
      pipe(t)
        .transform(rename, { columns: { a: "id" } })
        .check(),
    ).toEqual(["b", "c", "id"]);
    expect(() => rename(t, { columns: { d: "e" } })).toThrow(
      'rename: missing column "d"; available: a, b, c',
    );
  });

  it("refuses a new name another column keeps, or two columns renamed to one name", () => {
    expect(() => rename(t, { columns: { a: "b" } })).toThrow(
      'step "rename" adds column "b", but the table already has "b"',
    );
    expect(() => rename(t, { columns: { a: "x", b: "x" } })).toThrow(
      'rename: "a" and "b" are both renamed to "x"; expected one each',
    );
  });

  it("keeps every value: renaming there and back is the identity", () => {
    fc.assert(
      fc.property(orderRows, (rows) => {
        const input = ordersTable(rows);
        const there = rename(input, { columns: { customer_id: "who", amount: "how_much" } });
        expect(there.columnNames()).toEqual(["who", "status", "how_much", "ordered_at"]);
        expect(there.array("who")).toEqual(input.array("customer_id"));
        const back = rename(there, { columns: { who: "customer_id", how_much: "amount" } });
        expect(back.objects()).toEqual(rows);
      }),
    );
  });
});
