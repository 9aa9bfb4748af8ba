import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evenlySpacedIndices, samplePredictions } from "./sample";

describe("evenlySpacedIndices", () => {
  it("returns every index when there are at most max", () => {
    expect(evenlySpacedIndices(3, 5)).toEqual([0, 1, 2]);
    expect(evenlySpacedIndices(0, 5)).toEqual([]);
  });

  it("spreads max indices from the first to the last", () => {
    expect(evenlySpacedIndices(10, 4)).toEqual([0, 3, 6, 9]);
    expect(evenlySpacedIndices(10, 1)).toEqual([0]);
    expect(evenlySpacedIndices(10, 0)).toEqual([]);
  });

  it("always gives at most max distinct ascending indices within bounds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 3_000 }), (length, max) => {
        const indices = evenlySpacedIndices(length, max);
        expect(indices.length).toBe(Math.min(length, max));
        const bad = indices.findIndex(
          (index, i) =>
            !Number.isInteger(index) || index < 0 || index >= length || (i > 0 && index <= indices[i - 1]!),
        );
        expect(bad).toBe(-1);
        if (indices.length >= 1) expect(indices[0]).toBe(0);
        if (indices.length >= 2) expect(indices[indices.length - 1]).toBe(length - 1);
      }),
    );
  });

  it("is deterministic", () => {
    expect(evenlySpacedIndices(123_457, 2_000)).toEqual(evenlySpacedIndices(123_457, 2_000));
  });
});

describe("samplePredictions", () => {
  it("keeps at most max points, pairing actual and predicted by index", () => {
    const actual = Float64Array.from({ length: 10_000 }, (_, i) => i);
    const predicted = Float64Array.from({ length: 10_000 }, (_, i) => i * 2);
    const sample = samplePredictions(actual, predicted, 2_000);
    expect(sample.points).toHaveLength(2_000);
    expect(sample.finiteRows).toBe(10_000);
    expect(sample.points[0]).toEqual({ actual: 0, predicted: 0 });
    expect(sample.points[1_999]).toEqual({ actual: 9_999, predicted: 19_998 });
    for (const point of sample.points) expect(point.predicted).toBe(point.actual * 2);
  });

  it("leaves out rows with a NaN or infinite value and counts them", () => {
    const sample = samplePredictions([1, Number.NaN, 3, 4], [1, 2, Number.POSITIVE_INFINITY, 4], 10);
    expect(sample.points).toEqual([
      { actual: 1, predicted: 1 },
      { actual: 4, predicted: 4 },
    ]);
    expect(sample.nonFiniteRows).toBe(2);
  });

  it("handles no rows", () => {
    expect(samplePredictions([], new Float64Array(0), 2_000)).toEqual({
      points: [],
      finiteRows: 0,
      nonFiniteRows: 0,
    });
  });

  it("rejects arrays of different lengths", () => {
    expect(() => samplePredictions([1, 2], [1], 10)).toThrow(/actual has 2 values but predicted has 1/);
  });
});
