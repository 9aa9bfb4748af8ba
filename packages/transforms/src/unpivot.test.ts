import { pipe, schemaOf, typedTable } from "@tablepipe/core";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unpivot } from "./unpivot";

const sales = typedTable(aq.table({ site: ["a", "b"], jan: [1, null], feb: [2, 3] }), {
  site: { type: "string", nullable: false },
  jan: { type: "int", nullable: true },
  feb: { type: "int", nullable: false },
});
const months = { columns: ["jan", "feb"], nameColumn: "month", valueColumn: "amount" } as const;

describe("unpivot", () => {
  it("makes one row per listed column of each row, in row order then the listed order, keeping the others", () => {
    const out = unpivot(sales, months);
    expect(out.columnNames()).toEqual(["site", "month", "amount"]);
    expect(out.objects()).toEqual([
      { site: "a", month: "jan", amount: 1 },
      { site: "a", month: "feb", amount: 2 },
      { site: "b", month: "jan", amount: null },
      { site: "b", month: "feb", amount: 3 },
    ]);
    expect(sales.columnNames()).toEqual(["site", "jan", "feb"]);
    const reversed = unpivot(sales, { ...months, columns: ["feb", "jan"] });
    expect(reversed.array("month")).toEqual(["feb", "jan", "feb", "jan"]);
  });

  it("keeps missing values, or drops them with dropMissing (NaN too)", () => {
    const t = aq.table({ id: [1, 2], x: [Number.NaN, 4], y: [5, null] });
    const kept = unpivot(t, { columns: ["x", "y"], nameColumn: "k", valueColumn: "v" });
    expect(kept.numRows()).toBe(4);
    expect(Number.isNaN(kept.get("v", 0))).toBe(true);
    const dropped = unpivot(t, { columns: ["x", "y"], nameColumn: "k", valueColumn: "v", dropMissing: true });
    expect(dropped.objects()).toEqual([
      { id: 1, k: "y", v: 5 },
      { id: 2, k: "x", v: 4 },
    ]);
  });

  it("declares its output types: the name a string, the value the listed type, nullable if any listed column is", () => {
    const schema = schemaOf(unpivot(sales, months));
    expect(schema).toEqual({
      site: { type: "string", nullable: false },
      month: { type: "string", nullable: false },
      amount: { type: "int", nullable: true },
    });
    const dropped = schemaOf(unpivot(sales, { ...months, dropMissing: true }));
    expect(dropped.amount).toEqual({ type: "int", nullable: false });
    const whole = schemaOf(unpivot(sales, { ...months, columns: ["feb"] }));
    expect(whole.amount).toEqual({ type: "int", nullable: false });
  });

  it("refuses listed columns of different declared types before any row is read, naming them", () => {
    // a plain ColumnTable: the compiler would refuse the step on the typed one
    const mixed: aq.ColumnTable = typedTable(aq.table({ jan: [1], feb: [2.5], note: ["x"] }), {
      jan: { type: "int", nullable: false },
      feb: { type: "float", nullable: false },
      note: { type: "string", nullable: false },
    });
    const p = pipe(mixed).transform(unpivot, { columns: ["jan", "feb"], nameColumn: "m", valueColumn: "v" });
    expect(() => p.check()).toThrow(
      'unpivot(jan+feb, m, v): the listed columns must share one type, but they are "jan" (int), "feb" (float)',
    );
    expect(() => p.run()).toThrow(/"jan" \(int\), "feb" \(float\)/);
  });

  it("refuses values of different kinds in a plain table, naming the column, row and value", () => {
    const t = aq.table({ a: [null, 1], b: [null, "x"] });
    expect(() => unpivot(t, { columns: ["a", "b"], nameColumn: "k", valueColumn: "v" })).toThrow(
      'unpivot: column "b" holds "x" (a string) at row 1, but column "a" holds numbers (row 1); expected one type in every listed column',
    );
  });

  it("refuses no column, a column listed twice, one name for both new columns, and a new name in use", () => {
    const t = aq.table({ a: [1], b: [2] });
    expect(() => unpivot(t, { columns: [], nameColumn: "k", valueColumn: "v" })).toThrow(
      "unpivot: expected at least one column to unpivot, got none",
    );
    expect(() => unpivot(t, { columns: ["a", "a"], nameColumn: "k", valueColumn: "v" })).toThrow(
      'unpivot: column "a" is listed twice; list it once',
    );
    expect(() => unpivot(t, { columns: ["a"], nameColumn: "k", valueColumn: "k" })).toThrow(
      'unpivot: nameColumn and valueColumn are both "k"; expected two different names',
    );
    expect(() => unpivot(t, { columns: ["a"], nameColumn: "b", valueColumn: "v" })).toThrow(
      /step "unpivot" adds column "b", but the table already has "b"/,
    );
    expect(() => unpivot(t, { columns: ["c"], nameColumn: "k", valueColumn: "v" })).toThrow(
      /missing column "c"/,
    );
    // before any row is read
    const twice = pipe(t).transform(unpivot, { columns: ["a", "a"], nameColumn: "k", valueColumn: "v" });
    expect(() => twice.check()).toThrow(/column "a" is listed twice/);
  });

  it("reads the rows a view shows, in its order", () => {
    const t = aq.table({ id: [1, 2, 3], x: [10, 20, 30], y: [11, 21, 31] }).orderby(aq.desc("id"));
    const long = unpivot(
      t.filter((d: { id: number }) => d.id !== 2),
      {
        columns: ["x", "y"],
        nameColumn: "k",
        valueColumn: "v",
      },
    );
    expect(long.objects()).toEqual([
      { id: 3, k: "x", v: 30 },
      { id: 3, k: "y", v: 31 },
      { id: 1, k: "x", v: 10 },
      { id: 1, k: "y", v: 11 },
    ]);
  });

  it("gives as many rows as input rows times listed columns, less the missing ones when asked", () => {
    const cell = fc.option(fc.integer({ min: -3, max: 3 }), { freq: 3 });
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { maxLength: 20 }), fc.boolean(), (rows, drop) => {
        const t = aq.table({
          a: rows.map((r) => r[0]),
          b: rows.map((r) => r[1]),
          c: rows.map((r) => r[2]),
        });
        const out = unpivot(t, { columns: ["b", "c"], nameColumn: "k", valueColumn: "v", dropMissing: drop });
        const expected = rows.flatMap((r) =>
          [
            { a: r[0], k: "b", v: r[1] },
            { a: r[0], k: "c", v: r[2] },
          ].filter((row) => !drop || row.v !== null),
        );
        expect(out.objects()).toEqual(expected);
      }),
    );
  });
});
