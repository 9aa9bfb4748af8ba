import { describe, expect, it } from "vitest";
import { binFeatures, binOf, splitThresholds, valueCounts } from "./binning";

describe("valueCounts", () => {
  it("counts small-range integers and arbitrary doubles alike", () => {
    const ints = valueCounts(Float64Array.of(3, 1, 3, -2, 3));
    expect(Array.from(ints.values)).toEqual([-2, 1, 3]);
    expect(Array.from(ints.counts)).toEqual([1, 1, 3]);
    const doubles = valueCounts(Float64Array.of(0.5, 1e9, 0.5, -3.25));
    expect(Array.from(doubles.values)).toEqual([-3.25, 0.5, 1e9]);
    expect(Array.from(doubles.counts)).toEqual([1, 2, 1]);
  });
});

describe("splitThresholds (Spark's findSplitsForContinuousFeature)", () => {
  it("uses every midpoint when there are few distinct values", () => {
    expect(Array.from(splitThresholds(valueCounts(Float64Array.of(1, 1, 2, 3)), 31))).toEqual([1.5, 2.5]);
  });

  it("has no threshold for a single value", () => {
    expect(splitThresholds(valueCounts(Float64Array.of(7, 7, 7)), 31).length).toBe(0);
  });

  it("places quantile thresholds between values when there are many", () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(Array.from(splitThresholds(valueCounts(values), 3))).toEqual([25.5, 50.5, 75.5]);
  });

  it("keeps a threshold strictly below the next value for neighbouring doubles", () => {
    const a = 1;
    const b = 1 + Number.EPSILON;
    const [t] = splitThresholds(valueCounts(Float64Array.of(a, b)), 1);
    expect(t).toBe(a);
    expect(a <= (t as number) && b > (t as number)).toBe(true);
  });
});

describe("binFeatures", () => {
  it("bins so that code <= b exactly when value <= thresholds[b]", () => {
    const rows = 500;
    const x = new Float64Array(rows * 2);
    for (let i = 0; i < rows; i++) {
      x[i * 2] = Math.sin(i) * 100;
      x[i * 2 + 1] = i % 3;
    }
    const binned = binFeatures(x, 2, 8, 1);
    expect(Array.from(binned.numBins)).toEqual([8, 3]);
    for (let f = 0; f < 2; f++) {
      const t = binned.thresholds[f] as Float64Array;
      for (let i = 0; i < rows; i++) {
        const v = x[i * 2 + f] as number;
        const code = binned.codes[i * 2 + f] as number;
        expect(code).toBe(binOf(t, v));
        for (let b = 0; b < t.length; b++) expect(code <= b).toBe(v <= (t[b] as number));
      }
    }
  });

  it("caps the bins at the number of rows, like Spark", () => {
    const binned = binFeatures(Float64Array.of(1, 2, 3), 1, 32, 1);
    expect(Array.from(binned.thresholds[0] as Float64Array)).toEqual([1.5, 2.5]);
    expect(binFeatures(Float64Array.of(5), 1, 32, 1).numBins[0]).toBe(1);
  });
});
