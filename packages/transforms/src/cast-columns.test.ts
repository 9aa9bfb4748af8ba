import { pipe, schemaOf, typedTable } from "@tablepipe/core";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { castColumns } from "./cast-columns";

describe("castColumns", () => {
  const t = aq.table({
    id: ["1", "2", null],
    price: ["2.5", " -3.75 ", "10"],
    paid: ["true", "FALSE", null],
    at: ["2018-02-04 18:00:00", null, "2018-02-04T18:30:00"],
    n: [1.9, -1.9, null],
  });

  it("casts in place, nulls staying null; other columns and the row order unchanged", () => {
    const out = castColumns(t, {
      columns: { id: "int", price: "float", paid: "boolean", at: "timestamp", n: "string" },
    });
    expect(out.columnNames()).toEqual(["id", "price", "paid", "at", "n"]);
    expect(out.array("id")).toEqual([1, 2, null]);
    expect(out.column("price")).toEqual(Float64Array.of(2.5, -3.75, 10)); // no null: typed
    expect(out.array("paid")).toEqual([true, false, null]);
    expect(out.array("at")).toEqual([Date.UTC(2018, 1, 4, 18), null, Date.UTC(2018, 1, 4, 18, 30)]);
    expect(out.array("n")).toEqual(["1.9", "-1.9", null]);
    expect(castColumns(t, { columns: { n: "int" } }).array("n")).toEqual([1, -1, null]); // toward zero
    const zeros = castColumns(aq.table({ z: [-0.5, -0.2], s: ["-0.5", "-0"] }), {
      columns: { z: "int", s: "int" },
    });
    const negativeZeros = (name: string) => Array.from(zeros.array(name), (v) => Object.is(v, -0));
    expect([...negativeZeros("z"), ...negativeZeros("s")]).toEqual([false, false, false, false]); // an int holds no -0
    expect(t.array("id")).toEqual(["1", "2", null]);
  });

  it("with no column to cast, gives the table unchanged (every row kept), as SQL does", () => {
    const k = typedTable(aq.table({ k: [1, 2] }), { k: { type: "int", nullable: true } });
    const out = pipe(k).transform(castColumns, { columns: {} }).run().table;
    expect(out.objects()).toEqual([{ k: 1 }, { k: 2 }]);
    expect(schemaOf(out)).toEqual(schemaOf(k));
    expect(castColumns(t, { columns: {} }).objects()).toEqual(t.objects());
  });

  it("names the step, the column, the row and the value that cannot be cast", () => {
    const bad = aq.table({ qty: ["1", null, "2", "two"] });
    expect(() => castColumns(bad, { columns: { qty: "int" } })).toThrow(
      'castColumns: column "qty": cast(col("qty"), "int"): cannot convert "two" to int (row 3)',
    );
    expect(() => castColumns(aq.table({ ok: ["yes"] }), { columns: { ok: "boolean" } })).toThrow(
      'cannot convert "yes" to boolean (row 0)',
    );
    // the row as the table shows it: a filtered view counts its visible rows
    expect(() =>
      castColumns(
        bad.filter((d: { qty: string | null }) => d.qty !== null),
        { columns: { qty: "float" } },
      ),
    ).toThrow('cannot convert "two" to float (row 2)');
    expect(() => castColumns(bad, { columns: { qty: "decimal" as "int" } })).toThrow(
      'castColumns: param "columns.qty": expected one of int, float, string, boolean, timestamp',
    );
  });

  it("refuses a time-stamp text with a zone (Z or an offset), naming it, as readTable does: never shifted to UTC", () => {
    const zoned = aq.table({ at: ["2018-02-04 18:00:00", null, "2018-02-04T18:00:00-05:00"] });
    expect(() => castColumns(zoned, { columns: { at: "timestamp" } })).toThrow(
      'castColumns: column "at": cast(col("at"), "timestamp"): cannot convert "2018-02-04T18:00:00-05:00" to timestamp (row 2): it carries a zone (Z or an offset)',
    );
  });

  it("refuses to int a number past 2^63 in magnitude or an infinity, from numbers or text, naming it", () => {
    const big = aq.table({ x: [1.5, -(2 ** 63), 1e20], s: ["1", "-Infinity", "1e20"] });
    const expected = "expected a number from -2^63 to below 2^63";
    expect(() => castColumns(big, { columns: { x: "int" } })).toThrow(
      `castColumns: column "x": cast(col("x"), "int"): cannot convert 100000000000000000000 to int (row 2): ${expected}`,
    );
    expect(() => castColumns(big, { columns: { s: "int" } })).toThrow(
      `cannot convert "-Infinity" to int (row 1): ${expected}`,
    );
    expect(castColumns(big.slice(0, 2), { columns: { x: "int" } }).array("x")).toEqual([1, -(2 ** 63)]);
    expect(castColumns(big, { columns: { x: "float" } }).array("x")).toEqual([1.5, -(2 ** 63), 1e20]);
  });

  it("says in its contract what it needs, and adds or removes nothing", () => {
    expect(
      pipe(t)
        .transform(castColumns, { columns: { id: "int" } })
        .check(),
    ).toEqual(["id", "price", "paid", "at", "n"]);
    expect(() => castColumns(t, { columns: { qty: "int" } })).toThrow('castColumns: missing column "qty"');
  });

  it("agrees with a cell-by-cell reference on random text, nulls and numbers", () => {
    const cell = fc.option(
      fc.oneof(
        fc.integer({ min: -50, max: 50 }).map(String),
        fc.double({ min: -100, max: 100, noNaN: true }).map(String),
        fc.constantFrom("true", "False", " 7 ", "x", ""),
      ),
      { freq: 4 },
    );
    fc.assert(
      fc.property(
        fc.array(cell, { maxLength: 12 }),
        fc.constantFrom("int", "float", "boolean"),
        (cells, to) => {
          const reference = cells.map((c): number | boolean | null | "error" => {
            if (c === null) return null;
            if (to === "boolean") {
              const b = c.trim().toLowerCase();
              return b === "true" ? true : b === "false" ? false : "error";
            }
            const x = c.trim() === "" ? Number.NaN : Number(c);
            if (Number.isNaN(x)) return "error";
            return to === "int" ? Math.trunc(x) + 0 : x; // an int's zero is 0, never -0
          });
          const table = aq.table({ v: cells });
          const firstError = reference.indexOf("error");
          if (firstError >= 0) {
            expect(() => castColumns(table, { columns: { v: to } })).toThrow(`(row ${firstError})`);
          } else {
            expect([...castColumns(table, { columns: { v: to } }).array("v")]).toEqual(reference);
          }
        },
      ),
    );
  });
});
