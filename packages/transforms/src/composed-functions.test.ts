import { between, clip, col, div, nullIf, pipe, schemaOf, typedTable } from "@tablepipe/core";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { derive } from "./derive";
import { filter } from "./filter";

const fares = typedTable(aq.table({ fare: [5, -3, null, 250, 0, Number.NaN], tip: [1, 1, 1, 50, 2, 1] }), {
  fare: { type: "float", nullable: true },
  tip: { type: "float", nullable: false },
});

/** A column's values, missing ones (null, NaN) as null. */
const cells = (table: aq.ColumnTable, name: string) =>
  Array.from(table.array(name) as ArrayLike<unknown>, (v) =>
    v === null || v === undefined || (typeof v === "number" && Number.isNaN(v)) ? null : v,
  );

describe("between, clip and nullIf", () => {
  it("between keeps the values from low to high, both ends included; a missing value is not kept", () => {
    const kept = filter(fares, { where: between(col("fare"), 0, 250) });
    expect(cells(kept, "fare")).toEqual([5, 250, 0]);
  });

  it("clip limits the values to low..high and keeps a missing value missing, of the column's type", () => {
    const out = derive(fares, { columns: { fare: clip(col("fare"), 0, 100) } });
    expect(cells(out, "fare")).toEqual([5, 0, null, 100, 0, null]);
    expect(schemaOf(out).fare).toEqual({ type: "float", nullable: true });
  });

  it("clip refuses literal bounds the wrong way round (pandas swaps them); bounds from columns are as they are", () => {
    expect(() => clip(col("fare"), 10, 0)).toThrow(
      "clip: low 10 is above high 0, so every value would be 0; write the lower bound first",
    );
    expect(() => clip(col("name"), "z", "a")).toThrow('clip: low "z" is above high "a"');
    expect(() => clip(col("fare"), 0, 0)).not.toThrow();
    const bounds = aq.table({ x: [5, 5], low: [10, 0], high: [0, 10] });
    expect(cells(derive(bounds, { columns: { c: clip(col("x"), col("low"), col("high")) } }), "c")).toEqual([
      0, 5,
    ]);
  });

  it("nullIf makes a zero divisor missing, so the quotient is missing", () => {
    const out = derive(fares, { columns: { rate: div(col("tip"), nullIf(col("fare"), 0)) } });
    expect(cells(out, "rate")).toEqual([0.2, -1 / 3, null, 0.2, null, null]);
  });

  it("agree with their definitions on random numbers, nulls and bounds", () => {
    const value = fc.option(fc.oneof(fc.integer({ min: -20, max: 20 }), fc.double({ noNaN: true })), {
      freq: 5,
    });
    fc.assert(
      fc.property(fc.array(value, { maxLength: 30 }), value, value, (x, low, high) => {
        const table = aq.table({ x });
        // literal bounds the wrong way round are refused (tested below): clip between the ordered ones
        const swapped = low !== null && high !== null && low > high;
        if (swapped) expect(() => clip(col("x"), low, high)).toThrow(RangeError);
        [low, high] = swapped ? [high, low] : [low, high];
        const out = pipe(table)
          .transform(derive, {
            columns: {
              c: clip(col("x"), low, high),
              n: nullIf(col("x"), low),
              b: between(col("x"), low, high),
            },
          })
          .value();
        const atLeastLow = (v: number) => (low === null ? v : Math.max(v, low));
        const clipped = x.map((v) => {
          if (v === null) return null;
          const c = high === null ? atLeastLow(v) : Math.min(atLeastLow(v), high);
          return c + 0;
        });
        expect(cells(out, "c").map((v) => (v === null ? null : (v as number) + 0))).toEqual(clipped);
        expect(cells(out, "n")).toEqual(x.map((v) => (v === null || v === low ? null : v)));
        // three-valued AND: false beats null
        const compare = (v: number | null, bound: number | null, ok: (a: number, b: number) => boolean) =>
          v === null || bound === null ? null : ok(v, bound);
        const inside = x.map((v) => {
          const [a, b] = [compare(v, low, (p, q) => p >= q), compare(v, high, (p, q) => p <= q)];
          return a === false || b === false ? false : a === null || b === null ? null : true;
        });
        expect(cells(out, "b")).toEqual(inside);
      }),
    );
  });
});
