import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { gradientBoostedTrees } from "./gbt";
import { loadModel } from "./load-model";
import { regressionMetrics } from "./metrics";
import type { GradientBoostedTreesJson } from "./model-json";
import { linearTable, noisyTable, stepTable } from "./test-tables";

const features = ["a", "b", "k", "d"];

describe("gradientBoostedTrees", () => {
  it("finds a step exactly with one depth-1 tree, then adds nothing", () => {
    const model = gradientBoostedTrees({ maxIter: 3, maxDepth: 1 }).fit(stepTable(), {
      features: ["noise", "x"],
      label: "y",
    });
    const json = model.toJSON() as GradientBoostedTreesJson;
    expect(json.trees[0]).toEqual({
      feature: [1, -1, -1],
      threshold: [9.5, 0, 0],
      left: [1, -1, -1],
      right: [2, -1, -1],
      value: [3, 1, 5],
    });
    expect(json.trees[1]?.feature).toEqual([-1]);
    expect(json.treeWeights).toEqual([1, 0.1, 0.1]);
    expect(Array.from(model.predict(stepTable()))).toEqual(
      Array.from({ length: 20 }, (_, i) => (i < 10 ? 1 : 5)),
    );
  });

  it("fits later trees to Spark's negative gradient 2 × (label − prediction), weighted by stepSize", () => {
    // y = x for x in {0, 1, 2}: the first stump splits at 0.5 (ties go to the lowest threshold),
    // predicting 0 | 1.5; the second fits residuals 2 × (0, -0.5, 0.5) = (0, -1, 1) and splits at 1.5
    // into -0.5 | 1. Without Spark's factor 2, x = 2 would predict 1.55 instead of 1.6.
    const data = table({ x: [0, 0, 1, 1, 2, 2], y: [0, 0, 1, 1, 2, 2] });
    const model = gradientBoostedTrees({ maxIter: 2, maxDepth: 1, stepSize: 0.1 }).fit(data, {
      features: ["x"],
      label: "y",
    });
    const json = model.toJSON() as GradientBoostedTreesJson;
    expect(json.trees[0]?.threshold[0]).toBe(0.5);
    expect(json.trees[1]?.threshold[0]).toBe(1.5);
    expect(json.trees[1]?.value.slice(1)).toEqual([-0.5, 1]);
    const p = model.predict(table({ x: [0, 1, 2] }));
    expect(p[0]).toBeCloseTo(0 - 0.05, 15);
    expect(p[1]).toBeCloseTo(1.5 - 0.05, 15);
    expect(p[2]).toBeCloseTo(1.5 + 0.1, 15);
  });

  it("fits a noise-free linear target well and a noisy one better than the mean", () => {
    const linear = gradientBoostedTrees({ maxIter: 30, maxDepth: 4 }).fit(linearTable(2000), {
      features: ["a", "b", "c"],
      label: "y",
    });
    expect(regressionMetrics(linear.withPredictions(linearTable(500, 7)), { label: "y" }).r2).toBeGreaterThan(
      0.9,
    );
    const noisy = gradientBoostedTrees({ maxIter: 20, maxDepth: 4, subsamplingRate: 0.8 }).fit(
      noisyTable(2000),
      { features, label: "y" },
    );
    expect(regressionMetrics(noisy.withPredictions(noisyTable(500, 8)), { label: "y" }).r2).toBeGreaterThan(
      0.8,
    );
  });

  it("handles a constant label, a single row and a one-valued feature", () => {
    const constant = gradientBoostedTrees({ maxIter: 5 }).fit(table({ x: [1, 2, 3], y: [0.3, 0.3, 0.3] }), {
      features: ["x"],
      label: "y",
    });
    expect(Array.from(constant.predict(table({ x: [0, 5] })))).toEqual([0.3, 0.3]);
    expect(constant.featureImportances()).toEqual([{ feature: "x", importance: 0 }]);
    const single = gradientBoostedTrees().fit(table({ x: [1], y: [4] }), { features: ["x"], label: "y" });
    expect(Array.from(single.predict(table({ x: [9] })))).toEqual([4]);
    const oneValued = gradientBoostedTrees({ maxIter: 4 }).fit(stepTable().derive({ one: () => 2 }), {
      features: ["one", "x"],
      label: "y",
    });
    expect(oneValued.featureImportances()).toEqual([
      { feature: "x", importance: 1 },
      { feature: "one", importance: 0 },
    ]);
  });

  it("is deterministic, also with subsampling, and round-trips through JSON", () => {
    const data = noisyTable(1200);
    const regressor = gradientBoostedTrees({
      maxIter: 8,
      maxDepth: 3,
      subsamplingRate: 0.7,
      featureSubset: "sqrt",
      seed: 7,
    });
    const a = regressor.fit(data, { features, label: "y" });
    const b = regressor.fit(data, { features, label: "y" });
    const text = JSON.stringify(a.toJSON());
    expect(JSON.stringify(b.toJSON())).toBe(text);
    const loaded = loadModel(JSON.parse(text));
    expect(loaded.name).toBe("gradientBoostedTrees");
    expect(Array.from(loaded.predict(noisyTable(300, 4)))).toEqual(Array.from(a.predict(noisyTable(300, 4))));
    expect(JSON.stringify(loaded.toJSON())).toBe(text);
    const importances = a.featureImportances();
    expect(importances.reduce((s, f) => s + f.importance, 0)).toBeCloseTo(1, 12);
  });

  it("predicts its training rows as it saw them while boosting", () => {
    // Training uses bin codes, prediction raw values: the routes must agree.
    const data = noisyTable(800);
    const model = gradientBoostedTrees({ maxIter: 2, maxDepth: 6, stepSize: 1 }).fit(data, {
      features,
      label: "y",
    });
    const json = model.toJSON() as GradientBoostedTreesJson;
    const first = loadModel({ ...json, trees: json.trees.slice(0, 1), treeWeights: [1] });
    const p0 = first.predict(data);
    const y = data.array("y") as Float64Array;
    const residual = Array.from(y, (v, i) => 2 * (v - (p0[i] as number)));
    const secondTree = gradientBoostedTrees({ maxIter: 1, maxDepth: 6, seed: 43 }).fit(
      data.assign({ r: Float64Array.from(residual) }),
      { features, label: "r" },
    );
    expect((secondTree.toJSON() as GradientBoostedTreesJson).trees[0]).toEqual(json.trees[1]);
  });

  it("rejects bad params, naming them", () => {
    expect(() => gradientBoostedTrees({ stepSize: 0 })).toThrow(
      "gradientBoostedTrees: stepSize must be a number in (0, 1], got 0",
    );
    expect(() => gradientBoostedTrees({ stepSize: -0.1 })).toThrow(
      "gradientBoostedTrees: stepSize must be a number in (0, 1], got -0.1",
    );
    expect(() => gradientBoostedTrees({ maxIter: 0 })).toThrow(
      "gradientBoostedTrees: maxIter must be an integer >= 1, got 0",
    );
    expect(() => gradientBoostedTrees({ maxDepth: 0 })).toThrow(
      "gradientBoostedTrees: maxDepth must be an integer >= 1 and <= 30, got 0",
    );
    expect(() => gradientBoostedTrees({ seed: 1.5 })).toThrow(
      "gradientBoostedTrees: seed must be a safe integer, got 1.5",
    );
    const text = table({ x: ["a", "b"], y: [1, 2] });
    expect(() => gradientBoostedTrees().fit(text, { features: ["x"], label: "y" })).toThrow(
      'gradientBoostedTrees: feature column "x" is not numeric: row 0 holds string "a"',
    );
  });

  it("has Spark's defaults", () => {
    expect(gradientBoostedTrees().params).toEqual({
      maxIter: 20,
      stepSize: 0.1,
      maxDepth: 5,
      maxBins: 32,
      minInstancesPerNode: 1,
      subsamplingRate: 1,
      featureSubset: "all",
      seed: 42,
    });
  });
});
