export type { FitSpec } from "./columns";
export { gradientBoostedTrees } from "./gbt";
export type { GradientBoostedTreesParams } from "./gbt-params";
export { linearRegression } from "./linear";
export type { LinearRegressionParams } from "./linear-params";
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
export { randomForest } from "./random-forest";
export type { RandomForestParams } from "./random-forest-params";
export type { FeatureImportance, FittedRegressor, Regressor } from "./regressor";
export { deriveSeed, SeededRandom } from "./seeded-random";
export type { SplitOptions, SplitTables } from "./split";
export { trainTestSplit } from "./split";
