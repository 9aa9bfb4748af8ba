import { col, measureParam, median, pipe, quantile, schemaOf, typedTable } from "@tablepipe/core";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addGroupMeasures } from "./add-group-measures";
import { aggregate } from "./aggregate";

/** The measure of `x` in each group of `key` (one group when no keys are given). */
function measured(
  measure: (of: ReturnType<typeof col<"x">>) => ReturnType<typeof median<ReturnType<typeof col<"x">>>>,
  x: (number | null)[],
  key?: number[],
): unknown[] {
  const table = aq.table(key === undefined ? { x } : { key, x });
  const out = aggregate(table, { by: key === undefined ? [] : ["key"], measures: { m: measure(col("x")) } });
  return Array.from(out.array("m") as ArrayLike<unknown>);
}

const medianOf = (x: (number | null)[], key?: number[]) => measured((of) => median(of), x, key);
const quantileOf = (q: number, x: (number | null)[], key?: number[]) =>
  measured((of) => quantile(of, q), x, key);

/** The definition, written plainly: sorted numbers, position (n - 1) q, NumPy's interpolation, the median's mean. */
function reference(values: readonly (number | null)[], q: "median" | number): number | null {
  const sorted = values.filter((v): v is number => v !== null && !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * (q === "median" ? 0.5 : q);
  const i = Math.floor(position);
  const t = position - i;
  const [a, b] = [sorted[i]!, sorted[i + 1]!];
  let value: number;
  if (t === 0) value = a;
  else if (q === "median") value = (a + b) / 2;
  else value = t < 0.5 ? a + (b - a) * t : b - (b - a) * (1 - t);
  return Number.isNaN(value) ? null : value + 0;
}

describe("aggregate median and quantile", () => {
  it("gives the middle value, or the mean of the two middle values, nulls and NaN skipped", () => {
    expect(medianOf([3, 1, 2])).toEqual([2]);
    expect(medianOf([4, 1, 3, 2])).toEqual([2.5]);
    expect(medianOf([null, 7, Number.NaN])).toEqual([7]);
    expect(medianOf([5, 1, 100, 2, 3, 4], [1, 1, 2, 2, 2, 2])).toEqual([3, 3.5]);
    expect(medianOf([null, Number.NaN])).toEqual([null]);
    expect(medianOf([])).toEqual([null]);
  });

  it("interpolates a quantile between the two values around (n - 1) × q, as NumPy's linear method", () => {
    expect(quantileOf(0.25, [4, 3, 2, 1])).toEqual([1.75]);
    expect(quantileOf(0, [4, 3, 2, 1])).toEqual([1]);
    expect(quantileOf(1, [4, 3, 2, 1])).toEqual([4]);
    expect(quantileOf(0.5, [1, 2, 3, 4, 5])).toEqual([3]);
    expect(quantileOf(0.9, [1, 2, 10], [1, 1, 2])).toEqual([1.9, 10]);
  });

  it("gives a zero as 0, and null where the interpolation meets both infinities", () => {
    expect(Object.is(medianOf([-0])[0], 0)).toBe(true);
    expect(Object.is(quantileOf(0.5, [-0, -0, 0])[0], 0)).toBe(true);
    expect(medianOf([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY])).toEqual([null]);
    expect(quantileOf(0.5, [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY])).toEqual([null]);
    // a whole position takes the value there, even beside an infinity
    expect(quantileOf(0.5, [1, 2, Number.POSITIVE_INFINITY])).toEqual([2]);
    expect(medianOf([Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 1])).toEqual([
      Number.POSITIVE_INFINITY,
    ]);
    // the median's mean, as NumPy's, overflows where the two values' sum does
    expect(medianOf([Number.MAX_VALUE, Number.MAX_VALUE])).toEqual([Number.POSITIVE_INFINITY]);
    expect(quantileOf(0.5, [Number.MAX_VALUE, Number.MAX_VALUE])).toEqual([Number.MAX_VALUE]);
  });

  it("equals the plain definition on random groups of doubles, whatever the row order", () => {
    const value = fc.oneof(
      fc.double({ noDefaultInfinity: true }),
      fc.integer({ min: -5, max: 5 }),
      fc.constant(null),
    );
    const rows = fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), value), { maxLength: 60 });
    const q = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.1, 0.5, 0.75, 1));
    fc.assert(
      fc.property(rows, q, (pairs, fraction) => {
        const key = pairs.map(([k]) => k);
        const x = pairs.map(([, v]) => v);
        const groups = [...new Set(key)];
        const of = (g: number) => x.filter((_, i) => key[i] === g);
        const got = { m: medianOf(x, key), q: quantileOf(fraction, x, key) };
        expect(got.m).toEqual(groups.map((g) => reference(of(g), "median")));
        expect(got.q).toEqual(groups.map((g) => reference(of(g), fraction)));
        // one group of every row: past the short runs sorted by insertion
        expect(medianOf(x)).toEqual([reference(x, "median")]);
        expect(quantileOf(fraction, x)).toEqual([reference(x, fraction)]);
        const reversed = quantileOf(fraction, [...x].reverse(), [...key].reverse());
        expect(new Set(reversed.map((v) => String(v)))).toEqual(new Set(got.q.map((v) => String(v))));
      }),
    );
  });

  it("reads a time stamp as its epoch milliseconds, a float, as mean does", () => {
    const at = [Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 3), Date.UTC(2024, 0, 2)];
    const table = typedTable(aq.table({ at }), { at: { type: "timestamp", nullable: false } });
    const out = aggregate(table, {
      by: [],
      measures: { mid: median(col("at")), p: quantile(col("at"), 0.75) },
    });
    expect(out.objects()).toEqual([{ mid: Date.UTC(2024, 0, 2), p: Date.UTC(2024, 0, 2, 12) }]);
    expect(schemaOf(out).mid).toEqual({ type: "float", nullable: true });
    expect(schemaOf(out).p).toEqual({ type: "float", nullable: true });
  });

  it("spreads each group's median to its rows with addGroupMeasures", () => {
    const table = aq.table({ k: ["a", "b", "a", "a"], x: [1, 5, 3, 10] });
    const out = addGroupMeasures(table, { by: ["k"], measures: { mid: median(col("x")) } });
    expect(Array.from(out.array("mid") as ArrayLike<number>)).toEqual([3, 5, 3, 3]);
  });

  it("refuses a fraction outside 0..1 and a measure of strings, naming them", () => {
    expect(() => quantile(col("x"), 1.5)).toThrow("quantile: q must be a number from 0 to 1; got 1.5");
    expect(() => quantile(col("x"), Number.NaN)).toThrow("got NaN");
    expect(measureParam().safeParse({ fn: "quantile", of: col("x"), q: -0.1 }).success).toBe(false);
    expect(measureParam().safeParse({ fn: "quantile", of: col("x") }).success).toBe(false);
    expect(measureParam().safeParse({ fn: "median", of: col("x"), q: 0.5 }).success).toBe(false);
    expect(measureParam().safeParse(quantile(col("x"), 0.3)).success).toBe(true);
    const x = aq.table({ x: [1, 2] });
    const bad = (m: object) => () =>
      aggregate(x, { by: [], measures: { m: m as ReturnType<typeof median> } });
    expect(bad({ fn: "quantile", of: col("x"), q: 2 })).toThrow(
      `aggregate: param "measures.m": expected quantile's q, a number from 0 to 1 (quantile(col(...), 0.9)); got`,
    );
    expect(bad({ fn: "median", of: col("x"), q: 0.5 })).toThrow("expected no q: only quantile takes one");
    const names = aq.table({ s: ["a", "b"] });
    expect(() => aggregate(names, { by: [], measures: { m: median(col("s")) } })).toThrow(
      'aggregate: measure "m": median(col("s")): expected numbers, got strings',
    );
    const p = pipe(names).transform(aggregate, { by: [], measures: { m: quantile(col("s"), 0.5) } });
    expect(() => p.run()).toThrow('measure "m": quantile(col("s"), 0.5): expected numbers');
  });
});
