import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { trainingMeanBaseline } from "./baseline";

describe("trainingMeanBaseline", () => {
  it("scores the training mean predicted for every test row", () => {
    const training = aq.table({ tip: [1, 2, 3, null] }); // mean 2 (null skipped)
    const test = aq.table({ tip: [0, 4] }); // errors -2, +2
    const baseline = trainingMeanBaseline(training, test, "tip");
    expect(baseline.count).toBe(2);
    expect(baseline.rmse).toBeCloseTo(2, 12);
    expect(baseline.mae).toBeCloseTo(2, 12);
    expect(baseline.r2).toBeCloseTo(0, 12); // the test mean equals the training mean here
  });
});
