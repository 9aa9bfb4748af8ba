import {
  col,
  count,
  countDistinct,
  eq,
  first,
  last,
  max,
  mean,
  median,
  min,
  pipe,
  schemaOf,
  stddev,
  sum,
  typedTable,
} from "@tablepipe/core";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregate } from "./aggregate";
import { filter } from "./filter";
import { PIVOT_AGGREGATES, type PivotAggregate, pivot } from "./pivot";
import { unpivot } from "./unpivot";

type Row = Record<string, unknown>;
const rowsOf = (table: aq.ColumnTable): Row[] => table.objects() as Row[];

const long = typedTable(
  aq.table({
    site: ["b", "a", "b", "a", "b", null],
    month: ["jan", "jan", "feb", "jan", "jan", "feb"],
    amount: [1, 2, 3, null, 4, 5],
  }),
  {
    site: { type: "string", nullable: true },
    month: { type: "string", nullable: false },
    amount: { type: "int", nullable: true },
  },
);
const byMonth = {
  by: ["site"],
  namesFrom: "month",
  valuesFrom: "amount",
  names: ["jan", "feb", "mar"],
} as const;

describe("pivot", () => {
  it("makes one row per by key, in order of first appearance, and a column per declared name", () => {
    const out = pivot(long, { ...byMonth, aggregate: "sum" });
    expect(out.columnNames()).toEqual(["site", "jan", "feb", "mar"]);
    expect(out.objects()).toEqual([
      { site: "b", jan: 5, feb: 3, mar: null },
      { site: "a", jan: 2, feb: null, mar: null },
      { site: null, jan: null, feb: 5, mar: null },
    ]);
  });

  it("counts the values that are there (0 for a name without rows), and takes the first row's value", () => {
    expect(pivot(long, { ...byMonth, aggregate: "count" }).objects()).toEqual([
      { site: "b", jan: 2, feb: 1, mar: 0 },
      { site: "a", jan: 1, feb: 0, mar: 0 },
      { site: null, jan: 0, feb: 1, mar: 0 },
    ]);
    const firsts = pivot(aq.table({ k: ["x", "x", "x"], n: ["a", "a", "b"], v: [null, 1, 2] }), {
      by: ["k"],
      namesFrom: "n",
      valuesFrom: "v",
      names: ["a", "b"],
      aggregate: "first",
    });
    expect(firsts.objects()).toEqual([{ k: "x", a: null, b: 2 }]);
    const lasts = aq.table({ k: ["x", "x", "x", "x"], n: ["a", "a", "b", "a"], v: [3, 1, 2, null] });
    const cells = { by: ["k"], namesFrom: "n", valuesFrom: "v", names: ["a", "b"] } as const;
    expect(pivot(lasts, { ...cells, aggregate: "last" }).objects()).toEqual([{ k: "x", a: null, b: 2 }]);
    expect(pivot(lasts, { ...cells, aggregate: "median" }).objects()).toEqual([{ k: "x", a: 2, b: 2 }]);
    expect(pivot(lasts, { ...cells, aggregate: "countDistinct" }).objects()).toEqual([
      { k: "x", a: 2, b: 1 },
    ]);
  });

  it("gives one row without by, even for no rows", () => {
    const none = {
      by: [],
      namesFrom: "month",
      valuesFrom: "amount",
      names: ["jan"],
      ignoreUndeclared: true,
    } as const;
    expect(pivot(long, { ...none, aggregate: "max" }).objects()).toEqual([{ jan: 4 }]);
    expect(
      pivot(
        long.filter(() => false),
        { ...none, aggregate: "count" },
      ).objects(),
    ).toEqual([{ jan: 0 }]);
    expect(
      pivot(
        long.filter(() => false),
        { ...byMonth, aggregate: "count" },
      ).numRows(),
    ).toBe(0);
  });

  it("declares its types: the by columns', and each name's as aggregate's measure of the values", () => {
    const types = (fn: PivotAggregate) =>
      schemaOf(pivot(long, { ...byMonth, names: ["jan"], aggregate: fn, ignoreUndeclared: true }));
    expect(types("sum")).toEqual({
      site: { type: "string", nullable: true },
      jan: { type: "int", nullable: true },
    });
    expect(types("count").jan).toEqual({ type: "int", nullable: false });
    expect(types("mean").jan).toEqual({ type: "float", nullable: true });
    expect(types("first").jan).toEqual({ type: "int", nullable: true });
    expect(types("last").jan).toEqual({ type: "int", nullable: true });
    expect(types("countDistinct").jan).toEqual({ type: "int", nullable: false });
    expect(types("stddev").jan).toEqual({ type: "float", nullable: true });
    expect(types("median").jan).toEqual({ type: "float", nullable: true });
  });

  it("equals a filter on each name and an aggregate of the same measure, for every measure", () => {
    const measures = { sum, mean, min, max, first, last, count, countDistinct, stddev, median } as const;
    const row = fc.record({
      k: fc.option(fc.constantFrom(1, 2, 3), { freq: 4 }),
      n: fc.constantFrom("x", "y", "z"),
      v: fc.option(fc.constantFrom(0.1, 0.2, 1e16, -1e16, -0, 3, Number.NaN), { freq: 4 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.constantFrom(...PIVOT_AGGREGATES), (rows, fn) => {
        const t = aq.table({ k: rows.map((r) => r.k), n: rows.map((r) => r.n), v: rows.map((r) => r.v) });
        const wide = pivot(t, {
          by: ["k"],
          namesFrom: "n",
          valuesFrom: "v",
          names: ["x", "y", "z"],
          aggregate: fn,
        });
        const groups = aggregate(t, { by: ["k"], measures: {} });
        expect(rowsOf(wide).map((r) => r.k)).toEqual(rowsOf(groups).map((r) => r.k));
        for (const name of ["x", "y", "z"]) {
          const cells = aggregate(filter(t, { where: eq(col("n"), name) }), {
            by: ["k"],
            measures: { cell: measures[fn](col("v")) },
          });
          const at = new Map(rowsOf(cells).map((r) => [r.k, r.cell] as const));
          const none = fn === "count" || fn === "countDistinct" ? 0 : null;
          const expected = rowsOf(groups).map((r) => (at.has(r.k) ? at.get(r.k) : none));
          const missing = (x: unknown) => x === null || x === undefined || Number.isNaN(x);
          const got = rowsOf(wide).map((r) => r[name]);
          const same = got.every((x, i) => (missing(x) ? missing(expected[i]) : Object.is(x, expected[i])));
          expect(same, `${fn} of ${name}: ${got} vs ${expected}`).toBe(true);
        }
      }),
    );
  });

  it("is an error naming the value and the row when a name is not declared, unless asked to leave such rows out", () => {
    const p = {
      by: ["site"],
      namesFrom: "month",
      valuesFrom: "amount",
      names: ["jan"],
      aggregate: "sum",
    } as const;
    expect(() => pivot(long, p)).toThrow(
      'pivot: column "month" holds "feb" at row 2, which is not a declared name ("jan"); declare it in names, or pass ignoreUndeclared: true to leave such rows out',
    );
    const missing = aq.table({ k: [1, 1], n: ["a", null], v: [1, 2] });
    expect(() =>
      pivot(missing, { by: ["k"], namesFrom: "n", valuesFrom: "v", names: ["a"], aggregate: "sum" }),
    ).toThrow('pivot: column "n" holds a missing value at row 1, which is not a declared name ("a")');
    // left out before grouping: the null site, whose only row is a "feb", has no row
    expect(pivot(long, { ...p, ignoreUndeclared: true }).objects()).toEqual([
      { site: "b", jan: 5 },
      { site: "a", jan: 2 },
    ]);
  });

  it("refuses a name declared twice or named like a by column, no name, and a names column that is not strings", () => {
    expect(() => pivot(long, { ...byMonth, names: ["jan", "jan"], aggregate: "sum" })).toThrow(
      'pivot: the name "jan" is declared twice; declare it once',
    );
    const names: string[] = ["site"]; // a literal list would not compile
    expect(() => pivot(long, { ...byMonth, names, aggregate: "sum" })).toThrow(
      'pivot: the declared name "site" is also a by column; name it otherwise',
    );
    // before any row is read
    const clash = pipe(long).transform(pivot, { ...byMonth, names, aggregate: "sum" });
    expect(() => clash.check()).toThrow(/the declared name "site" is also a by column/);
    expect(() => pivot(long, { ...byMonth, names: [], aggregate: "sum" })).toThrow(
      /expected at least one name/,
    );
    const numbers: aq.ColumnTable = long;
    expect(() =>
      pipe(numbers)
        .transform(pivot, {
          by: [],
          namesFrom: "amount",
          valuesFrom: "amount",
          names: ["1"],
          aggregate: "sum",
        })
        .check(),
    ).toThrow(/"amount"/);
  });

  it("undoes an unpivot (sum of one value per cell)", () => {
    const wide = typedTable(aq.table({ site: ["a", "b"], jan: [1.5, null], feb: [-0, 3] }), {
      site: { type: "string", nullable: false },
      jan: { type: "float", nullable: true },
      feb: { type: "float", nullable: false },
    });
    const back = pipe(wide)
      .transform(unpivot, { columns: ["jan", "feb"], nameColumn: "month", valueColumn: "amount" })
      .transform(pivot, { ...byMonth, names: ["jan", "feb"], aggregate: "first" })
      .run().table;
    expect(back.objects()).toEqual(wide.objects());
    expect(Object.is(back.get("feb", 0), -0)).toBe(true);
  });
});
