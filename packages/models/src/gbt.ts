import type { ColumnTable } from "arquero";
import * as z from "zod";
import type { FitSpec } from "./columns";
import type { GradientBoostedTreesParams } from "./gbt-params";
import { GRADIENT_BOOSTED_TREES, gradientBoostedTreesParams } from "./gbt-params";
import type { FittedModelInfo } from "./model-envelope";
import { createFittedModel, createRegressor, fittedInfo, readModelJson } from "./model-envelope";
import type { GradientBoostedTreesJson } from "./model-json";
import { finiteNumber, treeEnsembleJsonSchema } from "./model-json-parsing";
import { ModelError } from "./params";
import type { FittedRegressor, Regressor } from "./regressor";
import type { RegressionTree } from "./tree";
import { addTreePredictions, addTreePredictionsBinned } from "./tree";
import { treesFromJson, treeToJson } from "./tree-json";
import { startTreeEnsemble } from "./tree-training";

/**
 * Gradient-boosted regression trees with squared error, as Spark's GBTRegressor: the first tree is fitted
 * to the label (weight 1), each next tree to the negative gradient 2 × (label − prediction) (weight stepSize).
 * @example gradientBoostedTrees({ maxIter: 20, stepSize: 0.1, maxDepth: 4 }).fit(trips, { features, label })
 */
export function gradientBoostedTrees(
  params?: Partial<GradientBoostedTreesParams>,
): Regressor<GradientBoostedTreesParams> {
  return createRegressor(GRADIENT_BOOSTED_TREES, gradientBoostedTreesParams(params), fitGradientBoostedTrees);
}

function fitGradientBoostedTrees(
  params: GradientBoostedTreesParams,
  table: ColumnTable,
  spec: FitSpec,
): FittedRegressor<GradientBoostedTreesParams> {
  // Every tree is fitted alone, so featureSubset "auto" means "all", as in Spark.
  const trainer = startTreeEnsemble(GRADIENT_BOOSTED_TREES, table, spec, params, 1);
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
    const grown = trainer.grow(target, false, m === 0 ? "labels" : "gradients 2 × (label − prediction)");
    const treeWeight = m === 0 ? 1 : params.stepSize;
    if (m + 1 < params.maxIter)
      addTreePredictionsBinned(grown, binned.codes, numFeatures, treeWeight, prediction);
    treeWeights.push(treeWeight);
  }
  const info = fittedInfo(GRADIENT_BOOSTED_TREES, params, spec, rows, trainer.importances(false));
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
  model: z.literal(GRADIENT_BOOSTED_TREES),
  treeWeights: z.array(finiteNumber),
});

/** Rebuilds fitted gradient-boosted trees from their JSON (see loadModel). */
export function loadGradientBoostedTrees(json: unknown): FittedRegressor<GradientBoostedTreesParams> {
  const { context, parsed, info } = readModelJson(
    GRADIENT_BOOSTED_TREES,
    gbtJsonSchema,
    json,
    gradientBoostedTreesParams,
    ["importances"],
  );
  if (parsed.treeWeights.length !== parsed.trees.length) {
    throw new ModelError(`${context}: treeWeights must have one entry per tree`);
  }
  return gbtModel(info, treesFromJson(context, parsed.trees, info.features.length), parsed.treeWeights);
}
