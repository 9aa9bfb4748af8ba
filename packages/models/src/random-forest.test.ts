import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { loadModel } from "./load-model";
import { regressionMetrics } from "./metrics";
import type { RandomForestJson } from "./model-json";
import { randomForest } from "./random-forest";
import { linearTable, noisyTable, stepTable } from "./test-tables";

const features = ["a", "b", "k", "d"];

describe("randomForest", () => {
  it("finds a step exactly with one depth-1 tree", () => {
    const model = randomForest({ numTrees: 1, maxDepth: 1 }).fit(stepTable(), {
      features: ["noise", "x"],
      label: "y",
    });
    const tree = (model.toJSON() as RandomForestJson).trees[0];
    expect(tree).toEqual({
      feature: [1, -1, -1],
      threshold: [9.5, 0, 0],
      left: [1, -1, -1],
      right: [2, -1, -1],
      value: [3, 1, 5],
    });
    expect(Array.from(model.predict(table({ x: [-1, 9, 9.5, 9.6, 100], noise: [0, 0, 0, 0, 0] })))).toEqual([
      1, 1, 1, 5, 5,
    ]);
    expect(model.featureImportances()).toEqual([
      { feature: "x", importance: 1 },
      { feature: "noise", importance: 0 },
    ]);
  });

  it("fits a noise-free linear target with R² > 0.9", () => {
    const train = linearTable(3000, 1);
    const test = linearTable(1000, 2);
    const model = randomForest({ numTrees: 20, maxDepth: 8 }).fit(train, {
      features: ["a", "b", "c"],
      label: "y",
    });
    const metrics = regressionMetrics(model.withPredictions(test), { label: "y" });
    expect(metrics.r2).toBeGreaterThan(0.9);
    expect(metrics.count).toBe(1000);
    const [first] = model.featureImportances();
    expect(first?.feature).toBe("a");
  });

  it("predicts a constant label exactly, without splits", () => {
    const data = table({ x: [1, 2, 3, 4, 5, 6], y: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1] });
    const model = randomForest({ numTrees: 3 }).fit(data, { features: ["x"], label: "y" });
    for (const tree of (model.toJSON() as RandomForestJson).trees) {
      expect(tree.feature).toEqual([-1]);
      expect(tree.value).toEqual([0.1]);
    }
    // The forest averages its trees as Spark does, (0.1 + 0.1 + 0.1) / 3, which rounds.
    for (const p of model.predict(data)) expect(p).toBeCloseTo(0.1, 15);
    expect(model.featureImportances()).toEqual([{ feature: "x", importance: 0 }]);
  });

  it("fits a single row", () => {
    const model = randomForest({ numTrees: 5 }).fit(table({ x: [3], y: [7.5] }), {
      features: ["x"],
      label: "y",
    });
    expect(Array.from(model.predict(table({ x: [-10, 3, 10] })))).toEqual([7.5, 7.5, 7.5]);
    expect(model.trainingRows).toBe(1);
  });

  it("never splits on a feature with one value", () => {
    const data = stepTable().derive({ one: () => 1 });
    const model = randomForest({ numTrees: 5, featureSubset: "all" }).fit(data, {
      features: ["one", "x"],
      label: "y",
    });
    for (const tree of (model.toJSON() as RandomForestJson).trees) expect(tree.feature).not.toContain(0);
    expect(model.featureImportances().find((f) => f.feature === "one")?.importance).toBe(0);
  });

  it("has importances that sum to 1, largest first", () => {
    const model = randomForest({ numTrees: 10, maxDepth: 4 }).fit(noisyTable(2000), { features, label: "y" });
    const importances = model.featureImportances();
    expect(importances.map((f) => f.feature).sort()).toEqual([...features].sort());
    expect(importances.reduce((s, f) => s + f.importance, 0)).toBeCloseTo(1, 12);
    for (let i = 1; i < importances.length; i++) {
      expect((importances[i - 1]?.importance ?? 0) >= (importances[i]?.importance ?? 0)).toBe(true);
    }
  });

  it("is deterministic: same data and seed give the same model, bit for bit", () => {
    const data = noisyTable(1500);
    const fit = (seed: number) =>
      JSON.stringify(
        randomForest({ numTrees: 5, maxDepth: 5, seed }).fit(data, { features, label: "y" }).toJSON(),
      );
    expect(fit(42)).toBe(fit(42));
    expect(fit(42)).not.toBe(fit(43));
  });

  it("gives the same model on every run and machine (golden values)", () => {
    const model = randomForest({ numTrees: 3, maxDepth: 3, seed: 42 }).fit(noisyTable(500), {
      features,
      label: "y",
    });
    const tree = (model.toJSON() as RandomForestJson).trees[0];
    expect({ feature: tree?.feature, threshold: tree?.threshold }).toMatchInlineSnapshot(`
      {
        "feature": [
          1,
          1,
          0,
          3,
          2,
          1,
          0,
          -1,
          -1,
          -1,
          -1,
          -1,
          -1,
          -1,
          -1,
        ],
        "threshold": [
          0.6487577449297532,
          0.39924627891741693,
          3.2369287905748934,
          0.3068820972694084,
          1.5,
          0.7955663395114243,
          6.490549800219014,
          0,
          0,
          0,
          0,
          0,
          0,
          0,
          0,
        ],
      }
    `);
    expect(Array.from(model.predict(noisyTable(3, 1)))).toMatchInlineSnapshot(`
      [
        3.029125338271344,
        0.5388394842595229,
        0.4385427428000746,
      ]
    `);
  });

  it("round-trips through JSON with identical predictions", () => {
    const data = noisyTable(1000);
    const model = randomForest({ numTrees: 4, maxDepth: 6, featureSubset: 0.5 }).fit(data, {
      features,
      label: "y",
    });
    const text = JSON.stringify(model.toJSON());
    const loaded = loadModel(JSON.parse(text));
    expect(loaded.name).toBe("randomForest");
    expect(loaded.params).toEqual(model.params);
    expect(loaded.features).toEqual(features);
    expect(loaded.label).toBe("y");
    expect(loaded.featureImportances()).toEqual(model.featureImportances());
    expect(Array.from(loaded.predict(noisyTable(300, 9)))).toEqual(
      Array.from(model.predict(noisyTable(300, 9))),
    );
    expect(JSON.stringify(loaded.toJSON())).toBe(text);
  });

  it("respects minInstancesPerNode", () => {
    const data = stepTable();
    const model = randomForest({ numTrees: 1, maxDepth: 5, minInstancesPerNode: 11 }).fit(data, {
      features: ["x"],
      label: "y",
    });
    expect((model.toJSON() as RandomForestJson).trees[0]?.feature).toEqual([-1]);
  });

  it("predicts in the table's row order, also for filtered and ordered tables", () => {
    const data = noisyTable(500);
    const model = randomForest({ numTrees: 3 }).fit(data, { features, label: "y" });
    const all = model.predict(data);
    const ordered = data.derive({ row: () => 0 }).orderby("a");
    const withPredictions = model.withPredictions(ordered);
    const expected = Array.from(model.predict(ordered.reify()));
    expect(withPredictions.array("prediction")).toEqual(expected);
    const filtered = data.filter((row: { k: number }) => row.k === 2);
    expect(filtered.numRows()).toBeLessThan(500);
    expect(Array.from(model.predict(filtered))).toEqual(
      Array.from(all).filter((_, i) => data.get("k", i) === 2),
    );
  });

  it("rejects missing or non-numeric features, naming the column and row", () => {
    const spec = { features: ["x", "z"], label: "y" };
    const withNull = table({ x: [1, 2, 3], z: [1, null, 3], y: [1, 2, 3] });
    expect(() => randomForest().fit(withNull, spec)).toThrow(
      'randomForest: feature column "z" has a missing value (null) at row 1',
    );
    const withNaN = table({ x: [1, 2, Number.NaN], z: [1, 2, 3], y: [1, 2, 3] });
    expect(() => randomForest().fit(withNaN, spec)).toThrow(
      'feature column "x" has a missing value (NaN) at row 2',
    );
    const text = table({ x: [1, 2, 3], z: ["N", "Y", "N"], y: [1, 2, 3] });
    expect(() => randomForest().fit(text, spec)).toThrow(
      'feature column "z" is not numeric: row 0 holds string "N"',
    );
    const missing = table({ x: [1, 2, 3], y: [1, 2, 3] });
    expect(() => randomForest().fit(missing, spec)).toThrow(
      'feature column "z" does not exist; columns: x, y',
    );
    const badLabel = table({ x: [1, 2, 3], z: [1, 2, 3], y: [1, undefined, 3] });
    expect(() => randomForest().fit(badLabel, spec)).toThrow(
      'label column "y" has a missing value (undefined) at row 1',
    );
    const filtered = table({ x: [1, 2, 3, 4], z: [9, 9, null, 9], y: [1, 2, 3, 4] }).filter(
      (d: { x: number }) => d.x > 1,
    );
    expect(() => randomForest().fit(filtered, spec)).toThrow(
      'feature column "z" has a missing value (null) at row 1',
    );
    const model = randomForest().fit(table({ x: [1, 2], z: [1, 2], y: [1, 2] }), spec);
    expect(() => model.predict(table({ x: [1], z: [Number.POSITIVE_INFINITY] }))).toThrow(
      'randomForest.predict: feature column "z" has a non-finite value (Infinity) at row 0',
    );
  });

  it("rejects bad params and specs, naming them", () => {
    expect(() => randomForest({ maxDepth: 0 })).toThrow(
      "randomForest: maxDepth must be an integer >= 1 and <= 30, got 0",
    );
    expect(() => randomForest({ numTrees: 0 })).toThrow(
      "randomForest: numTrees must be an integer >= 1, got 0",
    );
    expect(() => randomForest({ numTrees: 2.5 })).toThrow(
      "randomForest: numTrees must be an integer >= 1, got 2.5",
    );
    expect(() => randomForest({ maxBins: 1 })).toThrow(
      "randomForest: maxBins must be an integer >= 2 and <= 256, got 1",
    );
    expect(() => randomForest({ featureSubset: 1.5 })).toThrow("randomForest: featureSubset must be");
    expect(() => randomForest({ featureSubset: "half" as "all" })).toThrow(
      'featureSubset must be "auto", "all"',
    );
    expect(() => randomForest({ subsamplingRate: 0 })).toThrow(
      "randomForest: subsamplingRate must be a number in (0, 1], got 0",
    );
    expect(() => randomForest({ numTree: 3 } as object)).toThrow('randomForest: unknown param "numTree"');
    const data = table({ x: [1, 2], y: [1, 2] });
    expect(() => randomForest().fit(data, { features: [], label: "y" })).toThrow(
      "features must be a non-empty array",
    );
    expect(() => randomForest().fit(data, { features: ["x", "y"], label: "y" })).toThrow(
      'label column "y" is also listed as a feature',
    );
    expect(() =>
      randomForest().fit(
        data.filter(() => false),
        { features: ["x"], label: "y" },
      ),
    ).toThrow("no rows");
  });

  it("exposes name and params with defaults for logging", () => {
    const regressor = randomForest({ numTrees: 10, maxDepth: 4 });
    expect(regressor.name).toBe("randomForest");
    expect(regressor.params).toEqual({
      numTrees: 10,
      maxDepth: 4,
      maxBins: 32,
      minInstancesPerNode: 1,
      featureSubset: "auto",
      bootstrap: true,
      subsamplingRate: 1,
      seed: 42,
    });
  });

  it("refuses to overwrite an existing column with predictions", () => {
    const data = table({ x: [1, 2], y: [1, 2] });
    const model = randomForest().fit(data, { features: ["x"], label: "y" });
    expect(() => model.withPredictions(data, "y")).toThrow('column "y" already exists');
    expect(model.withPredictions(data, "yhat").columnNames()).toEqual(["x", "y", "yhat"]);
  });
});
