import { describe, expect, it } from "vitest";
import { Discrete, Quantiles } from "./distributions";

describe("Discrete", () => {
  it("picks outcomes in proportion to their weights", () => {
    const d = new Discrete([1, 0, 3]);
    expect(d.size).toBe(3);
    expect(d.pick(0)).toBe(0);
    expect(d.pick(0.2499)).toBe(0);
    expect(d.pick(0.25)).toBe(2);
    expect(d.pick(0.999999)).toBe(2);
    expect(d.probability(0)).toBeCloseTo(0.25);
    expect(d.probability(1)).toBe(0);
  });

  it("never picks a zero-weight outcome at either end", () => {
    const d = new Discrete([0, 2, 0]);
    expect(d.pick(0)).toBe(1);
    expect(d.pick(0.9999999)).toBe(1);
  });

  it("rejects negative, NaN and all-zero weights", () => {
    expect(() => new Discrete([1, -1])).toThrow(RangeError);
    expect(() => new Discrete([Number.NaN])).toThrow(RangeError);
    expect(() => new Discrete([0, 0])).toThrow(/all be 0/);
  });
});

describe("Quantiles", () => {
  const q = new Quantiles([
    [0, 0],
    [0.5, 2],
    [1, 10],
  ]);

  it("interpolates linearly between the given quantiles", () => {
    expect(q.at(0)).toBe(0);
    expect(q.at(0.25)).toBe(1);
    expect(q.at(0.5)).toBe(2);
    expect(q.at(0.75)).toBe(6);
  });

  it("rejects points that do not span [0, 1] or do not increase", () => {
    expect(() => new Quantiles([[0, 1]])).toThrow(RangeError);
    expect(
      () =>
        new Quantiles([
          [0, 2],
          [1, 1],
        ]),
    ).toThrow(/increase/);
  });
});
