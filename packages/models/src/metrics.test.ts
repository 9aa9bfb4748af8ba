import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { regressionMetrics, regressionMetricsOf } from "./metrics";

describe("regressionMetrics (Spark's RegressionEvaluator)", () => {
  it("computes RMSE, MAE and R²", () => {
    const data = table({ y: [1, 2, 3, 4], prediction: [1, 3, 2, 4] });
    const m = regressionMetrics(data, { label: "y" });
    expect(m.count).toBe(4);
    expect(m.rmse).toBeCloseTo(Math.sqrt(2 / 4), 15);
    expect(m.mae).toBeCloseTo(0.5, 15);
    // SStot = 1.5² + 0.5² + 0.5² + 1.5² = 5
    expect(m.r2).toBeCloseTo(1 - 2 / 5, 15);
  });

  it("uses a named prediction column and handles perfect and constant cases like Spark", () => {
    const perfect = regressionMetrics(table({ y: [1, 5], p: [1, 5] }), { label: "y", prediction: "p" });
    expect(perfect).toEqual({ rmse: 0, mae: 0, r2: 1, count: 2 });
    expect(regressionMetricsOf([2, 2], [2, 2]).r2).toBeNaN();
    expect(regressionMetricsOf([2, 2], [1, 3]).r2).toBe(Number.NEGATIVE_INFINITY);
  });

  it("rejects missing values and empty tables, naming the column", () => {
    expect(() => regressionMetrics(table({ y: [1, null], prediction: [1, 2] }), { label: "y" })).toThrow(
      'regressionMetrics: label column "y" has a missing value (null) at row 1',
    );
    expect(() => regressionMetrics(table({ y: [1, 2] }), { label: "y" })).toThrow(
      'regressionMetrics: prediction column "prediction" does not exist',
    );
    expect(() => regressionMetrics(table({ y: [], prediction: [] }), { label: "y" })).toThrow("no rows");
  });
});
