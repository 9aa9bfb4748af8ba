import { describe, expect, it } from "vitest";
import { residualHistogram, residualsOf } from "./residuals";

describe("residualsOf", () => {
  it("subtracts actual from predicted and drops non-finite results", () => {
    expect(Array.from(residualsOf([1, 2, Number.NaN], [1.5, 1, 3]))).toEqual([0.5, -1]);
  });
});

describe("residualHistogram", () => {
  it("counts every finite residual exactly once", () => {
    const values = Array.from({ length: 1_000 }, (_, i) => ((i * 37) % 101) / 10 - 5);
    const histogram = residualHistogram([...values, Number.NaN], 20);
    const counted = histogram.bins.reduce((sum, bin) => sum + bin.count, 0);
    expect(histogram.total).toBe(1_000);
    expect(counted).toBe(1_000);
    expect(histogram.bins.length).toBeLessThanOrEqual(21);
    for (let i = 1; i < histogram.bins.length; i++) {
      expect(histogram.bins[i]!.start).toBe(histogram.bins[i - 1]!.end);
    }
  });

  it("trims far outliers into the end bins and says how many", () => {
    const values = [...Array.from({ length: 999 }, (_, i) => (i % 10) / 10), 1_000];
    const histogram = residualHistogram(values, 10);
    expect(histogram.clamped).toBe(1);
    expect(histogram.bins[histogram.bins.length - 1]!.end).toBeLessThan(10);
    expect(histogram.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(1_000);
  });

  it("gives one range when all residuals are equal", () => {
    const histogram = residualHistogram([2, 2, 2], 10);
    expect(histogram.total).toBe(3);
    expect(histogram.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(3);
    expect(histogram.clamped).toBe(0);
  });

  it("gives one range when the residuals differ by (next to) nothing, and finite bins for huge ones", () => {
    const tiny = residualHistogram([-5e-324, 0, 5e-324], 40);
    expect(tiny.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(3);
    expect(tiny.bins[0]!.start).toBeLessThanOrEqual(-0.5);
    const huge = residualHistogram([-Number.MAX_VALUE, 0, 1, Number.MAX_VALUE], 40);
    expect(huge.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(4);
    expect(huge.bins.every((bin) => Number.isFinite(bin.start) && Number.isFinite(bin.end))).toBe(true);
    expect(huge.clamped).toBe(2);
  });

  it("is empty without residuals", () => {
    expect(residualHistogram([], 10)).toEqual({ bins: [], total: 0, clamped: 0 });
  });
});
