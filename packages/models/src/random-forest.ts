import type { ColumnTable } from "arquero";
import { z } from "zod";
import type { FitSpec } from "./columns";
import { featuresPerNode } from "./feature-subset";
import { ensembleImportances, treeFeatureGains } from "./importances";
import type { RandomForestJson } from "./model-json";
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
import { addTreePredictions } from "./tree";
import { createTreeWorkspace, growTree } from "./tree-builder";
import { prepareTreeTraining } from "./tree-training";

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
  return Object.freeze(parseParams(NAME, schema, params));
}

/**
 * A random forest of regression trees grown from feature histograms, the way Spark grows them.
 * @example randomForest({ numTrees: 10, maxDepth: 4, seed: 42 }).fit(trips, { features, label: "tip_amount" })
 */
export function randomForest(params?: Partial<RandomForestParams>): Regressor<RandomForestParams> {
  const resolved = randomForestParams(params);
  return Object.freeze({
    name: NAME,
    params: resolved,
    fit: (table: ColumnTable, spec: FitSpec) => fitRandomForest(resolved, table, spec),
  });
}

function fitRandomForest(
  params: RandomForestParams,
  table: ColumnTable,
  spec: FitSpec,
): FittedRegressor<RandomForestParams> {
  const data = prepareTreeTraining(NAME, table, spec, params.maxBins, params.seed);
  const { rows, numFeatures, binned, label } = data;
  const options = {
    maxDepth: params.maxDepth,
    minInstancesPerNode: params.minInstancesPerNode,
    featuresPerNode: featuresPerNode(params.featureSubset, numFeatures, params.numTrees),
  };
  const withReplacement = params.bootstrap && params.numTrees > 1;
  const workspace = createTreeWorkspace(binned);
  const weights = new Float64Array(rows);
  const inBag = new Uint32Array(rows);
  const trees: RegressionTree[] = [];
  const gains: Float64Array[] = [];
  for (let t = 0; t < params.numTrees; t++) {
    const rng = new Random(deriveSeed(params.seed, t));
    const count = drawSampleWeights(params.subsamplingRate, withReplacement, rng, weights, inBag);
    const grown = growTree(binned, label, weights, inBag.subarray(0, count), options, rng, workspace);
    trees.push(grown.tree);
    gains.push(treeFeatureGains(grown, numFeatures));
  }
  const importances = ensembleImportances(gains, numFeatures, true);
  return randomForestModel(params, [...spec.features], spec.label, rows, trees, importances);
}

function randomForestModel(
  params: RandomForestParams,
  features: string[],
  label: string,
  trainingRows: number,
  trees: readonly RegressionTree[],
  importances: Float64Array,
): FittedRegressor<RandomForestParams> {
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
      for (const tree of trees) addTreePredictions(tree, x, numFeatures, 1, out);
      const count = trees.length;
      for (let i = 0; i < rows; i++) out[i] = (out[i] as number) / count;
      return out;
    },
    toJSON(): RandomForestJson {
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
      };
    },
  });
}

const forestJsonSchema = modelJsonBaseSchema.extend({
  model: z.literal(NAME),
  trees: z.array(z.unknown()).min(1),
});

/** Rebuilds a fitted random forest from its JSON (see loadModel). */
export function loadRandomForest(json: unknown): FittedRegressor<RandomForestParams> {
  const context = `loadModel(${NAME})`;
  const parsed = parseJson(context, forestJsonSchema, json);
  const params = randomForestParams(parsed.params as Partial<RandomForestParams>);
  const numFeatures = parsed.features.length;
  if (parsed.importances.length !== numFeatures) {
    throw new ModelError(`${context}: importances must have one entry per feature`);
  }
  const trees = parsed.trees.map((tree, index) => treeFromJson(context, tree, numFeatures, index));
  return randomForestModel(
    params,
    parsed.features,
    parsed.label,
    parsed.trainingRows,
    trees,
    Float64Array.from(parsed.importances),
  );
}
