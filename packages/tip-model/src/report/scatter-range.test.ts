import { describe, expect, it } from "vitest";
import { scatterRange } from "./scatter-range";

describe("scatterRange", () => {
  it("uses one padded range for both axes covering all ordinary points", () => {
    const points = Array.from({ length: 100 }, (_, i) => ({ actual: i / 10, predicted: i / 20 }));
    const range = scatterRange(points);
    expect(range.outside).toBe(0);
    expect(range.inside).toHaveLength(100);
    expect(range.domain[0]).toBeLessThan(0);
    expect(range.domain[1]).toBeGreaterThan(9.9);
  });

  it("leaves out far outliers and counts them", () => {
    const points = [
      ...Array.from({ length: 5_000 }, (_, i) => ({ actual: (i % 100) / 10, predicted: (i % 50) / 10 })),
      { actual: 400, predicted: 3 },
    ];
    const range = scatterRange(points);
    expect(range.outside).toBe(1);
    expect(range.domain[1]).toBeLessThan(11);
    expect(range.inside.every((point) => point.actual <= range.domain[1])).toBe(true);
  });

  it("handles no points and a single value", () => {
    expect(scatterRange([])).toEqual({ domain: [0, 1], inside: [], outside: 0 });
    const one = scatterRange([{ actual: 2, predicted: 2 }]);
    expect(one.domain).toEqual([1.5, 2.5]);
    expect(one.outside).toBe(0);
  });
});
