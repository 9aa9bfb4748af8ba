import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { loadModel } from "./load-model";
import type { RandomForestJson } from "./model-json";
import { randomForest } from "./random-forest";
import { stepTable } from "./test-tables";

const forestJson = (): RandomForestJson =>
  randomForest({ numTrees: 2, maxDepth: 2 })
    .fit(stepTable(), { features: ["x"], label: "y" })
    .toJSON() as RandomForestJson;

describe("loadModel", () => {
  it("rejects JSON that is not a tablepipe model", () => {
    expect(() => loadModel({})).toThrow("loadModel: invalid model JSON at format");
    expect(() => loadModel({ ...forestJson(), version: 2 })).toThrow(
      "loadModel: invalid model JSON at version",
    );
    expect(() => loadModel({ ...forestJson(), model: "svm" })).toThrow(
      "loadModel: invalid model JSON at model",
    );
  });

  it("rejects malformed trees instead of looping or reading out of range", () => {
    const json = forestJson();
    const tree = json.trees[0];
    if (tree === undefined) throw new Error("no tree");
    const loop = { ...tree, left: tree.left.map((l) => Math.min(l, 0)) };
    expect(() => loadModel({ ...json, trees: [loop] })).toThrow(
      "loadModel(randomForest): tree 0 node 0 is malformed",
    );
    const outOfRange = { ...tree, feature: tree.feature.map((f) => (f >= 0 ? 3 : f)) };
    expect(() => loadModel({ ...json, trees: [outOfRange] })).toThrow("tree 0 node 0 is malformed");
    const short = { ...tree, value: [] };
    expect(() => loadModel({ ...json, trees: [short] })).toThrow("equally long");
  });

  it("validates the stored params like the constructor does", () => {
    expect(() => loadModel({ ...forestJson(), params: { ...forestJson().params, maxDepth: 0 } })).toThrow(
      "randomForest: maxDepth must be an integer >= 1 and <= 30, got 0",
    );
  });

  it("loads a model whose predict checks the feature columns", () => {
    const model = loadModel(forestJson());
    expect(() => model.predict(table({ z: [1] }))).toThrow(
      'randomForest.predict: feature column "x" does not exist',
    );
  });
});
