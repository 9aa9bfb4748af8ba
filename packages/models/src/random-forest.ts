import type { ColumnTable } from "arquero";
import { z } from "zod";
import type { FitSpec } from "./columns";
import type { FittedModelInfo } from "./model-envelope";
import { createFittedModel, createRegressor, fittedInfo, readModelJson } from "./model-envelope";
import type { RandomForestJson } from "./model-json";
import { treeEnsembleJsonSchema, treesFromJson, treeToJson } from "./model-json";
import type { FeatureSubset } from "./params";
import { paramFields, parseParams } from "./params";
import type { FittedRegressor, Regressor } from "./regressor";
import type { RegressionTree } from "./tree";
import { addTreePredictions } from "./tree";
import { startTreeEnsemble } from "./tree-training";

const NAME = "randomForest";

/** Random forest params; defaults are Spark's RandomForestRegressor defaults, with seed 42. */
export interface RandomForestParams {
  /** Number of trees (default 20). */
  numTrees: number;
  /** Maximum tree depth, 1-30 (default 5). */
  maxDepth: number;
  /** Maximum bins per feature for split candidates, 2-256 (default 32). */
  maxBins: number;
  /** Minimum sample weight in each child of a split (default 1). */
  minInstancesPerNode: number;
  /** Features considered per node (default "auto": "onethird" for a forest, "all" for one tree). */
  featureSubset: FeatureSubset;
  /** Bootstrap each tree: Poisson(subsamplingRate) weight per row, as Spark (default true; needs numTrees > 1). */
  bootstrap: boolean;
  /** Fraction of rows per tree (default 1). */
  subsamplingRate: number;
  /** Seed for binning, sampling and feature draws (default 42). */
  seed: number;
}

const schema = z.strictObject({
  numTrees: z.number().int().min(1).default(20).describe("an integer >= 1"),
  maxDepth: paramFields.maxDepth(5),
  maxBins: paramFields.maxBins(),
  minInstancesPerNode: paramFields.minInstancesPerNode(),
  featureSubset: paramFields.featureSubset("auto"),
  bootstrap: z.boolean().default(true).describe("a boolean"),
  subsamplingRate: paramFields.subsamplingRate(),
  seed: paramFields.seed(),
});

/** Validates random forest params and fills defaults; throws a ModelError naming a bad param. */
export function randomForestParams(params?: Partial<RandomForestParams>): RandomForestParams {
  return parseParams(NAME, schema, params);
}

/**
 * A random forest of regression trees grown from feature histograms, the way Spark grows them.
 * @example randomForest({ numTrees: 10, maxDepth: 4, seed: 42 }).fit(trips, { features, label: "tip_amount" })
 */
export function randomForest(params?: Partial<RandomForestParams>): Regressor<RandomForestParams> {
  return createRegressor(NAME, randomForestParams(params), fitRandomForest);
}

function fitRandomForest(
  params: RandomForestParams,
  table: ColumnTable,
  spec: FitSpec,
): FittedRegressor<RandomForestParams> {
  const trainer = startTreeEnsemble(NAME, table, spec, params, params.numTrees);
  const withReplacement = params.bootstrap && params.numTrees > 1;
  for (let t = 0; t < params.numTrees; t++) trainer.grow(trainer.data.label, withReplacement);
  const info = fittedInfo(NAME, params, spec, trainer.data.rows, trainer.importances(true));
  return randomForestModel(info, trainer.trees);
}

/** Prediction = the mean of the trees' predictions. */
function randomForestModel(
  info: FittedModelInfo<RandomForestParams>,
  trees: readonly RegressionTree[],
): FittedRegressor<RandomForestParams> {
  const numFeatures = info.features.length;
  return createFittedModel<RandomForestJson>(
    info,
    (x, rows) => {
      const out = new Float64Array(rows);
      for (const tree of trees) addTreePredictions(tree, x, numFeatures, 1, out);
      const count = trees.length;
      for (let i = 0; i < rows; i++) out[i] = (out[i] as number) / count;
      return out;
    },
    () => ({ trees: trees.map(treeToJson) }),
  );
}

const forestJsonSchema = treeEnsembleJsonSchema.extend({ model: z.literal(NAME) });

/** Rebuilds a fitted random forest from its JSON (see loadModel). */
export function loadRandomForest(json: unknown): FittedRegressor<RandomForestParams> {
  const { context, parsed, info } = readModelJson(NAME, forestJsonSchema, json, randomForestParams, [
    "importances",
  ]);
  return randomForestModel(info, treesFromJson(context, parsed.trees, info.features.length));
}
