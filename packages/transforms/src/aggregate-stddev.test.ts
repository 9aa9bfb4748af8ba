import { col, stddev } from "@tablepipe/core";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { aggregate } from "./aggregate";

/** The stddev of `amount` in each group of `key` (one group when no keys are given). */
function spreads(amount: (number | null)[], key?: number[]): unknown[] {
  const table = aq.table(key === undefined ? { amount } : { key, amount });
  const by = key === undefined ? [] : ["key"];
  const out = aggregate(table, { by, measures: { spread: stddev(col("amount")) } });
  return Array.from(out.array("spread") as ArrayLike<unknown>);
}

describe("aggregate stddev", () => {
  it("is null for a group holding an infinity, with or without keys", () => {
    expect(spreads([1, Number.POSITIVE_INFINITY, 3])).toEqual([null]);
    expect(spreads([Number.NEGATIVE_INFINITY, 2])).toEqual([null]);
    expect(spreads([1, Number.POSITIVE_INFINITY, 3, 5], [1, 1, 2, 2])).toEqual([null, Math.SQRT2]);
  });

  it("is finite and exact for huge values whose squares overflow", () => {
    expect(spreads([1e308, 1e308])).toEqual([0]);
    const [spread] = spreads([1e200, -1e200, 1e200]) as number[];
    expect(spread).toBeCloseTo(2e200 / Math.sqrt(3), -188);
    expect(spreads([3e300, 5e300, 3e300, 5e300], [1, 1, 2, 2])).toEqual([
      Math.SQRT2 * 1e300,
      Math.SQRT2 * 1e300,
    ]);
  });

  it("keeps tiny values whose squares underflow", () => {
    const [spread = 0] = spreads([1e-200, 3e-200]) as number[];
    expect(spread / (Math.SQRT2 * 1e-200)).toBeCloseTo(1, 14);
  });

  it("is Infinity when the true value is past the largest double", () => {
    expect(spreads([-1.7e308, 1.7e308])).toEqual([Number.POSITIVE_INFINITY]);
  });

  it("gives ordinary data the two-pass result bit for bit, nulls skipped, null for fewer than two", () => {
    const values = [0.1, 0.2, null, 0.7, 1e10, -3.5];
    const numbers = values.filter((x): x is number => x !== null);
    const mean = numbers.reduce((a, b) => a + b, 0) / numbers.length;
    const squares = numbers.reduce((a, x) => a + (x - mean) * (x - mean), 0);
    expect(spreads(values)).toEqual([Math.sqrt(squares / (numbers.length - 1))]);
    expect(spreads([5, null])).toEqual([null]);
  });
});
