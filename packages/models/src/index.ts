export type { FitSpec } from "./columns";
export type { GradientBoostedTreesParams } from "./gbt";
export { gradientBoostedTrees } from "./gbt";
export type { LinearRegressionParams } from "./linear";
export { linearRegression } from "./linear";
export type { ModelParams } from "./load-model";
export { loadModel } from "./load-model";
export type { MetricColumns, RegressionMetrics } from "./metrics";
export { regressionMetrics, regressionMetricsOf } from "./metrics";
export type {
  GradientBoostedTreesJson,
  LinearRegressionJson,
  ModelJson,
  ModelJsonBase,
  RandomForestJson,
  TreeJson,
} from "./model-json";
export type { FeatureSubset } from "./params";
export { ModelError } from "./params";
export type { RandomForestParams } from "./random-forest";
export { randomForest } from "./random-forest";
export type { FeatureImportance, FittedRegressor, Regressor } from "./regressor";
export { deriveSeed, SeededRandom } from "./seeded-random";
export type { SplitOptions, SplitTables } from "./split";
export { trainTestSplit } from "./split";
