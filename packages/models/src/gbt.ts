import type { ColumnTable } from "arquero";
import { z } from "zod";
import type { FitSpec } from "./columns";
import type { FittedModelInfo } from "./model-envelope";
import { createFittedModel, createRegressor, fittedInfo, readModelJson } from "./model-envelope";
import type { GradientBoostedTreesJson } from "./model-json";
import { treeEnsembleJsonSchema, treesFromJson, treeToJson } from "./model-json";
import type { FeatureSubset } from "./params";
import { ModelError, paramFields, parseParams } from "./params";
import type { FittedRegressor, Regressor } from "./regressor";
import type { RegressionTree } from "./tree";
import { addTreePredictions, addTreePredictionsBinned } from "./tree";
import { startTreeEnsemble } from "./tree-training";

const NAME = "gradientBoostedTrees";

/** Gradient-boosted trees params (squared error); defaults are Spark's GBTRegressor defaults, with seed 42. */
export interface GradientBoostedTreesParams {
  /** Number of trees (boosting iterations, default 20). */
  maxIter: number;
  /** Learning rate in (0, 1] applied to every tree after the first (default 0.1). */
  stepSize: number;
  /** Maximum tree depth, 1-30 (default 5). */
  maxDepth: number;
  /** Maximum bins per feature for split candidates, 2-256 (default 32). */
  maxBins: number;
  /** Minimum sample weight in each child of a split (default 1). */
  minInstancesPerNode: number;
  /** Fraction of rows drawn (without replacement) for each tree (default 1). */
  subsamplingRate: number;
  /** Features considered per node (default "all"; "auto" is "all" here, as in Spark). */
  featureSubset: FeatureSubset;
  /** Seed for binning, subsampling and feature draws (default 42). */
  seed: number;
}

const schema = z.strictObject({
  maxIter: z.number().int().min(1).default(20).describe("an integer >= 1"),
  stepSize: z.number().gt(0).lte(1).default(0.1).describe("a number in (0, 1]"),
  maxDepth: paramFields.maxDepth(5),
  maxBins: paramFields.maxBins(),
  minInstancesPerNode: paramFields.minInstancesPerNode(),
  subsamplingRate: paramFields.subsamplingRate(),
  featureSubset: paramFields.featureSubset("all"),
  seed: paramFields.seed(),
});

/** Validates gradient-boosted trees params and fills defaults; throws a ModelError naming a bad param. */
export function gradientBoostedTreesParams(
  params?: Partial<GradientBoostedTreesParams>,
): GradientBoostedTreesParams {
  return parseParams(NAME, schema, params);
}

/**
 * Gradient-boosted regression trees with squared error, as Spark's GBTRegressor: the first tree is fitted
 * to the label (weight 1), each next tree to the negative gradient 2 × (label − prediction) (weight stepSize).
 * @example gradientBoostedTrees({ maxIter: 20, stepSize: 0.1, maxDepth: 4 }).fit(trips, { features, label })
 */
export function gradientBoostedTrees(
  params?: Partial<GradientBoostedTreesParams>,
): Regressor<GradientBoostedTreesParams> {
  return createRegressor(NAME, gradientBoostedTreesParams(params), fitGradientBoostedTrees);
}

function fitGradientBoostedTrees(
  params: GradientBoostedTreesParams,
  table: ColumnTable,
  spec: FitSpec,
): FittedRegressor<GradientBoostedTreesParams> {
  // Every tree is fitted alone, so featureSubset "auto" means "all", as in Spark.
  const trainer = startTreeEnsemble(NAME, table, spec, params, 1);
  const { rows, numFeatures, binned, label } = trainer.data;
  const prediction = new Float64Array(rows);
  const residual = new Float64Array(rows);
  const treeWeights: number[] = [];
  for (let m = 0; m < params.maxIter; m++) {
    let target = label;
    if (m > 0) {
      // Squared error: Spark's gradient is -2 (label - prediction); trees fit its negative.
      for (let i = 0; i < rows; i++) residual[i] = 2 * ((label[i] as number) - (prediction[i] as number));
      target = residual;
    }
    const grown = trainer.grow(target, false);
    const treeWeight = m === 0 ? 1 : params.stepSize;
    if (m + 1 < params.maxIter)
      addTreePredictionsBinned(grown, binned.codes, numFeatures, treeWeight, prediction);
    treeWeights.push(treeWeight);
  }
  const info = fittedInfo(NAME, params, spec, rows, trainer.importances(false));
  return gbtModel(info, trainer.trees, treeWeights);
}

/** Prediction = Σ treeWeights[m] × trees[m]. */
function gbtModel(
  info: FittedModelInfo<GradientBoostedTreesParams>,
  trees: readonly RegressionTree[],
  treeWeights: readonly number[],
): FittedRegressor<GradientBoostedTreesParams> {
  const numFeatures = info.features.length;
  return createFittedModel<GradientBoostedTreesJson>(
    info,
    (x, rows) => {
      const out = new Float64Array(rows);
      trees.forEach((tree, m) => {
        addTreePredictions(tree, x, numFeatures, treeWeights[m] as number, out);
      });
      return out;
    },
    () => ({ trees: trees.map(treeToJson), treeWeights: [...treeWeights] }),
  );
}

const gbtJsonSchema = treeEnsembleJsonSchema.extend({
  model: z.literal(NAME),
  treeWeights: z.array(z.number().refine(Number.isFinite)),
});

/** Rebuilds fitted gradient-boosted trees from their JSON (see loadModel). */
export function loadGradientBoostedTrees(json: unknown): FittedRegressor<GradientBoostedTreesParams> {
  const { context, parsed, info } = readModelJson(NAME, gbtJsonSchema, json, gradientBoostedTreesParams, [
    "importances",
  ]);
  if (parsed.treeWeights.length !== parsed.trees.length) {
    throw new ModelError(`${context}: treeWeights must have one entry per tree`);
  }
  return gbtModel(info, treesFromJson(context, parsed.trees, info.features.length), parsed.treeWeights);
}
