/** The shapes of model JSON (what `toJSON()` writes and `loadModel` reads); parsing is in model-json-parsing. */
import type { GradientBoostedTreesParams } from "./gbt-params";
import type { LinearRegressionParams } from "./linear-params";
import type { RandomForestParams } from "./random-forest-params";

/** Identifies tablepipe model JSON. */
export const MODEL_FORMAT = "tablepipe.model";
/** The model JSON version this code writes and reads. */
export const MODEL_FORMAT_VERSION = 1;

/** A regression tree as plain JSON: parallel arrays indexed by node (root 0, children after parents). */
export interface TreeJson {
  /** Split feature index, -1 for a leaf. */
  feature: number[];
  /** value <= threshold goes left (0 for a leaf). */
  threshold: number[];
  left: number[];
  right: number[];
  /** Node prediction (used at leaves). */
  value: number[];
}

/** Fields every model JSON has. */
export interface ModelJsonBase {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_FORMAT_VERSION;
  features: string[];
  label: string;
  trainingRows: number;
  /** Importance per feature, in feature order. */
  importances: number[];
}

/** A random forest: prediction = mean of the trees. */
export interface RandomForestJson extends ModelJsonBase {
  model: "randomForest";
  params: RandomForestParams;
  trees: TreeJson[];
}

/** Gradient-boosted trees: prediction = Σ treeWeights[m] × trees[m]. */
export interface GradientBoostedTreesJson extends ModelJsonBase {
  model: "gradientBoostedTrees";
  params: GradientBoostedTreesParams;
  trees: TreeJson[];
  treeWeights: number[];
}

/** A linear model: prediction = intercept + Σ coefficients[f] × feature f. */
export interface LinearRegressionJson extends ModelJsonBase {
  model: "linearRegression";
  params: LinearRegressionParams;
  coefficients: number[];
  intercept: number;
}

/** Any model's JSON, discriminated by `model`. */
export type ModelJson = RandomForestJson | GradientBoostedTreesJson | LinearRegressionJson;
