import type { ColumnTable } from "arquero";
import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { gradientBoostedTrees } from "./gbt";
import { normalizeToOne } from "./importances";
import { linearRegression } from "./linear";
import { loadModel } from "./load-model";
import type { LinearRegressionJson, TreeJson } from "./model-json";
import { randomForest } from "./random-forest";
import type { FittedRegressor, Regressor } from "./regressor";

const oneToEight = [1, 2, 3, 4, 5, 6, 7, 8];

/** Fits `y` on the table's other columns. */
function fitY(regressor: Regressor, data: ColumnTable): FittedRegressor {
  return regressor.fit(data, { features: data.columnNames().filter((c) => c !== "y"), label: "y" });
}

/** The model's JSON after a JSON round trip, reloaded (throws when a number did not survive). */
function reloaded(model: FittedRegressor): FittedRegressor {
  return loadModel(JSON.parse(JSON.stringify(model.toJSON())));
}

describe("linearRegression on values doubles cannot sum or square", () => {
  it("refuses a feature whose squared deviations overflow, instead of giving it coefficient 0", () => {
    const data = table({ x: oneToEight.map((v) => v * 1e155), y: oneToEight });
    const message =
      'linearRegression: feature column "x" has values too large to square in doubles: the sum of their squared ' +
      "deviations from the mean overflows (its largest value: 8e+155 at row 7); scale the column first, e.g. " +
      "divide it by 1e+155";
    expect(() => fitY(linearRegression(), data)).toThrow(message);
    expect(() => fitY(linearRegression({ fitIntercept: false }), data)).toThrow(message);
    // scaled as the message says, it fits y = x exactly and reloads
    const model = fitY(linearRegression(), table({ x: oneToEight, y: oneToEight }));
    expect(Array.from(reloaded(model).predict(table({ x: [2, 9] })))).toEqual([
      expect.closeTo(2, 9),
      expect.closeTo(9, 9),
    ]);
    expect(model.featureImportances()).toEqual([{ feature: "x", importance: 1 }]);
  });

  it("refuses, without an intercept, a feature whose squares overflow though its deviations do not", () => {
    const data = table({ x: [1, 1.5, 2, 2.5].map((v) => v * 1e154), y: [1, 2, 3, 4] });
    expect(fitY(linearRegression(), data).predict(data)[3]).toBeCloseTo(4, 9);
    expect(() => fitY(linearRegression({ fitIntercept: false }), data)).toThrow(
      'linearRegression: feature column "x" has values too large to square in doubles: the sum of their squares ' +
        "overflows (its largest value: 2.5e+154 at row 3); scale the column first, e.g. divide it by 1e+154",
    );
  });

  it("refuses a feature whose sum overflows", () => {
    const data = table({ x: oneToEight.map((v) => v * (1e308 / 8)), y: oneToEight });
    expect(() => fitY(linearRegression(), data)).toThrow(
      'linearRegression: feature column "x" has values too large to sum in doubles: their sum overflows (its ' +
        "largest value: 1e+308 at row 7); scale the column first, e.g. divide it by 1e+308",
    );
  });

  it("refuses a varying feature whose squared deviations round to 0, instead of treating it as constant", () => {
    const data = table({ x: oneToEight.map((v) => v * 1e-170), y: oneToEight });
    expect(() => fitY(linearRegression(), data)).toThrow(
      'linearRegression: feature column "x" has values too small to square in doubles: their squared deviations ' +
        "from the mean round to 0, as if it were constant (its largest value: 8e-170 at row 7); scale the column " +
        "first, e.g. multiply it by 1e+170",
    );
  });

  it("refuses a label whose least-squares sums overflow, naming it", () => {
    const data = table({ x: oneToEight, y: oneToEight.map((v) => v * 2e307) });
    expect(() => fitY(linearRegression(), data)).toThrow(
      'linearRegression: label column "y" has values too large for the least-squares sums in doubles: they ' +
        "overflow (its largest value: 1.6e+308 at row 7); scale the column first, e.g. divide it by 1e+308",
    );
  });

  it("refuses a coefficient or an intercept that overflows, naming the feature", () => {
    const close = table({ x: oneToEight.map((v) => v * 1e-150), y: oneToEight.map((v) => v * 1e160) });
    expect(() => fitY(linearRegression(), close)).toThrow(
      'linearRegression: feature column "x" has values too close together for doubles: its coefficient ' +
        "overflows, the label changing by about 2.3e+160 over 2.3e-150 of it (its largest value: 8e-150 at row 7); " +
        "scale the column first, e.g. multiply it by 1000",
    );
    const offset = table({ x: oneToEight.map((v) => 1e10 + v * 1e-5), y: oneToEight.map((v) => v * 1e300) });
    expect(() => fitY(linearRegression(), offset)).toThrow(
      /^linearRegression: the intercept overflows doubles: feature column "x" has coefficient 9\.9\d*e\+304 and mean 1000000000\d\.\d+, whose product passes the largest double; center the column first \(subtract its mean\)$/,
    );
    // without an intercept the same fit is finite and reloads
    const json = reloaded(
      fitY(linearRegression({ fitIntercept: false }), offset),
    ).toJSON() as LinearRegressionJson;
    expect(json.coefficients[0]).toBeGreaterThan(1e290);
  });
});

describe("tree ensembles on labels too large to square", () => {
  const hugeLabels = table({ x: oneToEight, y: oneToEight.map((v) => v * 1e155) });

  it("refuse labels whose split scores overflow, instead of never splitting", () => {
    const forest = randomForest({ numTrees: 3, maxDepth: 2 });
    expect(() => fitY(forest, hugeLabels)).toThrow(
      'randomForest: label column "y" has values too large to square in doubles: tree 0 scores its splits by ' +
        "squaring sums of its labels minus the first one, and those reach 5.0e+155 (6.7e+153 at most) (its largest " +
        "value: 8e+155 at row 7); scale the column first, e.g. divide it by 1e+155",
    );
    expect(() => fitY(gradientBoostedTrees({ maxIter: 2 }), hugeLabels)).toThrow(
      /^gradientBoostedTrees: label column "y" has values too large to square in doubles: tree 0 scores its splits/,
    );
    // scaled as the message says, the same trees split
    const scaled = table({ x: oneToEight, y: oneToEight });
    const tree = (reloaded(fitY(forest, scaled)).toJSON() as { trees: TreeJson[] }).trees[0] as TreeJson;
    expect(tree.feature[0]).toBe(0);
  });

  it("refuse labels whose deviations are not even finite, instead of leaves of ±Infinity", () => {
    const spread = table({ x: oneToEight, y: oneToEight.map((v) => (v <= 4 ? -1e308 : 1e308)) });
    for (const regressor of [randomForest({ numTrees: 2 }), gradientBoostedTrees({ maxIter: 2 })]) {
      expect(() => fitY(regressor, spread)).toThrow(
        `${regressor.name}: label column "y" has values too large to square in doubles: tree 0 scores its splits by ` +
          "squaring sums of its labels minus the first one, and those reach Infinity (6.7e+153 at most) (its " +
          "largest value: -1e+308 at row 0); scale the column first, e.g. divide it by 1e+308",
      );
    }
  });

  it("refuse boosting whose gradients 2 × (label − prediction) grow too large, naming the tree", () => {
    const data = table({ x: [0, 1, 2], c: [0, 1, 1], y: [0, 3e153, 0] });
    expect(() => fitY(gradientBoostedTrees({ maxIter: 3, maxDepth: 1, stepSize: 1 }), data)).toThrow(
      'gradientBoostedTrees: label column "y" has values too large to square in doubles: tree 2 scores its splits ' +
        "by squaring sums of its gradients 2 × (label − prediction) minus the first one, and those reach 9.0e+153 " +
        "(6.7e+153 at most) (its largest value: 3e+153 at row 1); scale the column first, e.g. divide it by 1e+153",
    );
  });

  it("give boosted trees whose raw gains sum past the largest double the importances of the label scaled down", () => {
    // stepSize 1 with the gradient's factor 2 overshoots: every tree keeps a gain near 1e307
    const data = table({ x: [0, 1, 2, 3], c: [1, 0, 1, 1], y: [1.4e153, -1.9e153, -0.7e153, 0.3e153] });
    const boosted = gradientBoostedTrees({ maxIter: 100, maxDepth: 2, stepSize: 1 });
    const model = reloaded(fitY(boosted, data));
    const small = fitY(boosted, data.derive({ y: (d: { y: number }) => d.y * 2 ** -500 }));
    expect(model.toJSON().importances).toEqual(small.toJSON().importances);
    expect(model.toJSON().importances[1]).toBeGreaterThan(0.01);
  });
});

describe("normalizeToOne", () => {
  it("keeps the ratios of entries whose sum overflows", () => {
    expect(Array.from(normalizeToOne(Float64Array.of(1e308, 0, 1e308)))).toEqual([0.5, 0, 0.5]);
  });
});
