import type { ColumnTable } from "arquero";
import { z } from "zod";
import type { FitSpec } from "./columns";
import { featuresPerNode } from "./feature-subset";
import { ensembleImportances, treeFeatureGains } from "./importances";
import type { GradientBoostedTreesJson } from "./model-json";
import {
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  modelJsonBaseSchema,
  parseJson,
  treeFromJson,
  treeToJson,
} from "./model-json";
import type { FeatureSubset } from "./params";
import { ModelError, paramFields, parseParams } from "./params";
import { deriveSeed, Random } from "./prng";
import type { FittedRegressor, Regressor } from "./regressor";
import { createFittedModel } from "./regressor";
import { drawSampleWeights } from "./sampling";
import type { RegressionTree } from "./tree";
import { addTreePredictions, addTreePredictionsBinned } from "./tree";
import { createTreeWorkspace, growTree } from "./tree-builder";
import { prepareTreeTraining } from "./tree-training";

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
  return Object.freeze(parseParams(NAME, schema, params));
}

/**
 * Gradient-boosted regression trees with squared error, as Spark's GBTRegressor: the first tree is fitted
 * to the label (weight 1), each next tree to the negative gradient 2 × (label − prediction) (weight stepSize).
 * @example gradientBoostedTrees({ maxIter: 20, stepSize: 0.1, maxDepth: 4 }).fit(trips, { features, label })
 */
export function gradientBoostedTrees(
  params?: Partial<GradientBoostedTreesParams>,
): Regressor<GradientBoostedTreesParams> {
  const resolved = gradientBoostedTreesParams(params);
  return Object.freeze({
    name: NAME,
    params: resolved,
    fit: (table: ColumnTable, spec: FitSpec) => fitGradientBoostedTrees(resolved, table, spec),
  });
}

function fitGradientBoostedTrees(
  params: GradientBoostedTreesParams,
  table: ColumnTable,
  spec: FitSpec,
): FittedRegressor<GradientBoostedTreesParams> {
  const data = prepareTreeTraining(NAME, table, spec, params.maxBins, params.seed);
  const { rows, numFeatures, binned, label } = data;
  const options = {
    maxDepth: params.maxDepth,
    minInstancesPerNode: params.minInstancesPerNode,
    featuresPerNode: featuresPerNode(params.featureSubset, numFeatures, 1),
  };
  const workspace = createTreeWorkspace(binned);
  const weights = new Float64Array(rows);
  const inBag = new Uint32Array(rows);
  const prediction = new Float64Array(rows);
  const residual = new Float64Array(rows);
  const trees: RegressionTree[] = [];
  const treeWeights: number[] = [];
  const gains: Float64Array[] = [];
  for (let m = 0; m < params.maxIter; m++) {
    let target = label;
    if (m > 0) {
      // Squared error: Spark's gradient is -2 (label - prediction); trees fit its negative.
      for (let i = 0; i < rows; i++) residual[i] = 2 * ((label[i] as number) - (prediction[i] as number));
      target = residual;
    }
    const rng = new Random(deriveSeed(params.seed, m));
    const count = drawSampleWeights(params.subsamplingRate, false, rng, weights, inBag);
    const grown = growTree(binned, target, weights, inBag.subarray(0, count), options, rng, workspace);
    const treeWeight = m === 0 ? 1 : params.stepSize;
    if (m + 1 < params.maxIter)
      addTreePredictionsBinned(grown, binned.codes, numFeatures, treeWeight, prediction);
    trees.push(grown.tree);
    treeWeights.push(treeWeight);
    gains.push(treeFeatureGains(grown, numFeatures));
  }
  const importances = ensembleImportances(gains, numFeatures, false);
  return gbtModel(params, [...spec.features], spec.label, rows, trees, treeWeights, importances);
}

function gbtModel(
  params: GradientBoostedTreesParams,
  features: string[],
  label: string,
  trainingRows: number,
  trees: readonly RegressionTree[],
  treeWeights: readonly number[],
  importances: Float64Array,
): FittedRegressor<GradientBoostedTreesParams> {
  const numFeatures = features.length;
  return createFittedModel({
    name: NAME,
    params,
    features,
    label,
    trainingRows,
    importances,
    predictMatrix(x, rows) {
      const out = new Float64Array(rows);
      trees.forEach((tree, m) => {
        addTreePredictions(tree, x, numFeatures, treeWeights[m] as number, out);
      });
      return out;
    },
    toJSON(): GradientBoostedTreesJson {
      return {
        format: MODEL_FORMAT,
        version: MODEL_FORMAT_VERSION,
        model: NAME,
        params: { ...params },
        features: [...features],
        label,
        trainingRows,
        importances: Array.from(importances),
        trees: trees.map(treeToJson),
        treeWeights: [...treeWeights],
      };
    },
  });
}

const gbtJsonSchema = modelJsonBaseSchema.extend({
  model: z.literal(NAME),
  trees: z.array(z.unknown()).min(1),
  treeWeights: z.array(z.number().refine(Number.isFinite)),
});

/** Rebuilds fitted gradient-boosted trees from their JSON (see loadModel). */
export function loadGradientBoostedTrees(json: unknown): FittedRegressor<GradientBoostedTreesParams> {
  const context = `loadModel(${NAME})`;
  const parsed = parseJson(context, gbtJsonSchema, json);
  const params = gradientBoostedTreesParams(parsed.params as Partial<GradientBoostedTreesParams>);
  const numFeatures = parsed.features.length;
  if (parsed.importances.length !== numFeatures) {
    throw new ModelError(`${context}: importances must have one entry per feature`);
  }
  if (parsed.treeWeights.length !== parsed.trees.length) {
    throw new ModelError(`${context}: treeWeights must have one entry per tree`);
  }
  const trees = parsed.trees.map((tree, index) => treeFromJson(context, tree, numFeatures, index));
  return gbtModel(
    params,
    parsed.features,
    parsed.label,
    parsed.trainingRows,
    trees,
    parsed.treeWeights,
    Float64Array.from(parsed.importances),
  );
}
