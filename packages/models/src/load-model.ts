import { loadGradientBoostedTrees } from "./gbt";
import type { GradientBoostedTreesParams } from "./gbt-params";
import { loadLinearRegression } from "./linear";
import type { LinearRegressionParams } from "./linear-params";
import type { GradientBoostedTreesJson, LinearRegressionJson, RandomForestJson } from "./model-json";
import { modelJsonBaseSchema, parseJson } from "./model-json-parsing";
import { loadRandomForest } from "./random-forest";
import type { RandomForestParams } from "./random-forest-params";
import type { FittedRegressor } from "./regressor";

/** Params of any built-in model. */
export type ModelParams = RandomForestParams | GradientBoostedTreesParams | LinearRegressionParams;

/**
 * Rebuilds a fitted model from `toJSON()` output (e.g. after JSON.stringify / JSON.parse); it predicts
 * exactly as the original. Throws a ModelError naming what is wrong with malformed JSON.
 * @example const model = loadModel(JSON.parse(await readFile("model.json", "utf8")))
 */
export function loadModel(json: RandomForestJson): FittedRegressor<RandomForestParams>;
export function loadModel(json: GradientBoostedTreesJson): FittedRegressor<GradientBoostedTreesParams>;
export function loadModel(json: LinearRegressionJson): FittedRegressor<LinearRegressionParams>;
export function loadModel(json: unknown): FittedRegressor<ModelParams>;
export function loadModel(json: unknown): FittedRegressor<ModelParams> {
  const envelope = parseJson("loadModel", modelJsonBaseSchema, json);
  switch (envelope.model) {
    case "randomForest":
      return loadRandomForest(json);
    case "gradientBoostedTrees":
      return loadGradientBoostedTrees(json);
    case "linearRegression":
      return loadLinearRegression(json);
  }
}
