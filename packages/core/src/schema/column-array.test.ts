import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { columnMisfit, firstMisfit } from "./conforms";
import { columnArray, inferColumnType, inferTableColumnType } from "./infer-schema";

describe("columnArray", () => {
  it("gives the rows a filtered or ordered view shows, in the backing array's kind", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true }), fc.boolean())),
        fc.boolean(),
        (rows, ordered) => {
          const base = aq.table({
            n: Int32Array.from(rows, ([n]) => n),
            x: Float64Array.from(rows, ([, x]) => x),
            s: rows.map(([n]) => (n > 0 ? `p${n}` : null)),
          });
          const kept = base.filter(aq.escape((d: { n: number }) => d.n % 2 === 0));
          const view = ordered ? kept.orderby("x") : kept;
          for (const name of ["n", "x", "s"]) {
            const values = columnArray(view, name);
            expect(Array.from(values)).toEqual(view.array(name) as unknown[]);
          }
          expect(columnArray(view, "n")).toBeInstanceOf(Int32Array);
          expect(columnArray(view, "x")).toBeInstanceOf(Float64Array);
          expect(Array.isArray(columnArray(view, "s"))).toBe(true);
        },
      ),
    );
  });

  it("returns an unfiltered column's own array without a copy, and [] for a column the table lacks", () => {
    const x = Float64Array.of(1, 2, 3);
    const table = aq.table({ x });
    expect(columnArray(table, "x")).toBe(x);
    expect(columnArray(table, "missing")).toEqual([]);
  });

  it("types a view's column as its rows copied into a table of their own are typed", () => {
    const table = aq
      .table({ n: Int32Array.of(1, 2, 3), x: Float64Array.of(1, Number.NaN, 3), s: ["a", null, "c"] })
      .filter(aq.escape((d: { n: number }) => d.n !== 2));
    for (const name of ["n", "x", "s"])
      expect(inferTableColumnType(table, name)).toEqual(inferColumnType(columnArray(table.reify(), name)));
    expect(inferTableColumnType(table, "x")).toEqual({ type: "float", nullable: false, fromValues: true });
  });
});

describe("columnMisfit", () => {
  it("checks the rows a view shows, in place, as firstMisfit checks them copied", () => {
    const cell = fc.constantFrom<unknown>(
      1,
      2.5,
      Number.NaN,
      null,
      "x",
      undefined,
      true,
      new Date(Number.NaN),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, fc.boolean())),
        fc.constantFrom("int", "float", "string", "boolean" as const),
        fc.boolean(),
        fc.boolean(),
        (rows, type, nullable, typed) => {
          const numbers = rows.map(([v]) => (typeof v === "number" ? v : Number.NaN));
          const values = typed ? Float64Array.from(numbers) : rows.map(([v]) => v);
          const keep = Uint8Array.from(rows, ([, k]) => (k ? 1 : 0));
          const view = aq.table({ v: values, keep }).filter((d: { keep: number }) => d.keep === 1);
          const expected = firstMisfit(columnArray(view, "v"), { type, nullable });
          const found = columnMisfit(view, "v", { type, nullable });
          expect(found?.row).toBe(expected?.row);
          expect(Object.is(found?.value, expected?.value)).toBe(true);
        },
      ),
    );
  });

  it("counts null, undefined, NaN and an invalid Date as missing in any column, and a wrong kind as a misfit", () => {
    const cells = ["a", Number.NaN, null, undefined, new Date(Number.NaN)];
    expect(firstMisfit(cells, { type: "string", nullable: true })).toBeUndefined();
    expect(firstMisfit(cells, { type: "string", nullable: false })?.row).toBe(1);
    expect(firstMisfit(["a", 1], { type: "string", nullable: true })).toEqual({ row: 1, value: 1 });
    expect(firstMisfit([1, "a"], { type: "int", nullable: true })).toEqual({ row: 1, value: "a" });
  });
});
