import { pipe, schemaOf, typedTable } from "@tablepipe/core";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { orderRows, ordersTable } from "./internal/test-support";
import { rename } from "./rename";
import { select } from "./select";

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
    ).toEqual(["id", "b", "c"]);
    expect(() => rename(t, { columns: { d: "e" } })).toThrow(
      'rename: missing column "d"; available: a, b, c',
    );
  });

  it("declares its schema in the table's column order: a renamed column in its place (after a select too)", () => {
    const typed = typedTable(t, {
      a: { type: "int", nullable: false },
      b: { type: "string", nullable: true },
      c: { type: "boolean", nullable: false },
    });
    const p = pipe(typed)
      .transform(select, { columns: ["b", "a", "c"] })
      .transform(rename, { columns: { b: "B" } });
    expect(p.check()).toEqual(["B", "a", "c"]);
    const out = p.run().table;
    expect(out.columnNames()).toEqual(["B", "a", "c"]);
    expect(Object.keys(schemaOf(out))).toEqual(["B", "a", "c"]);
    expect(schemaOf(out).B).toEqual({ type: "string", nullable: true });
    const swapped = rename(typed, { columns: { a: "b", b: "a" } });
    expect(Object.keys(schemaOf(swapped))).toEqual(["b", "a", "c"]);
    expect(schemaOf(swapped).b).toEqual({ type: "int", nullable: false });
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
