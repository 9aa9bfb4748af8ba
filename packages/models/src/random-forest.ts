import type { ColumnTable } from "arquero";
import * as z from "zod";
import type { FitSpec } from "./columns";
import type { FittedModelInfo } from "./model-envelope";
import { createFittedModel, createRegressor, fittedInfo, readModelJson } from "./model-envelope";
import type { RandomForestJson } from "./model-json";
import { treeEnsembleJsonSchema } from "./model-json-parsing";
import type { RandomForestParams } from "./random-forest-params";
import { RANDOM_FOREST, randomForestParams } from "./random-forest-params";
import type { FittedRegressor, Regressor } from "./regressor";
import type { RegressionTree } from "./tree";
import { addTreePredictions } from "./tree";
import { treesFromJson, treeToJson } from "./tree-json";
import { startTreeEnsemble } from "./tree-training";

/**
 * A random forest of regression trees grown from feature histograms, the way Spark grows them.
 * @example randomForest({ numTrees: 10, maxDepth: 4, seed: 42 }).fit(trips, { features, label: "tip_amount" })
 */
export function randomForest(params?: Partial<RandomForestParams>): Regressor<RandomForestParams> {
  return createRegressor(RANDOM_FOREST, randomForestParams(params), fitRandomForest);
}

function fitRandomForest(
  params: RandomForestParams,
  table: ColumnTable,
  spec: FitSpec,
): FittedRegressor<RandomForestParams> {
  const trainer = startTreeEnsemble(RANDOM_FOREST, table, spec, params, params.numTrees);
  const withReplacement = params.bootstrap && params.numTrees > 1;
  for (let t = 0; t < params.numTrees; t++) trainer.grow(trainer.data.label, withReplacement, "labels");
  const info = fittedInfo(RANDOM_FOREST, params, spec, trainer.data.rows, trainer.importances(true));
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

const forestJsonSchema = treeEnsembleJsonSchema.extend({ model: z.literal(RANDOM_FOREST) });

/** Rebuilds a fitted random forest from its JSON (see loadModel). */
export function loadRandomForest(json: unknown): FittedRegressor<RandomForestParams> {
  const { context, parsed, info } = readModelJson(RANDOM_FOREST, forestJsonSchema, json, randomForestParams, [
    "importances",
  ]);
  return randomForestModel(info, treesFromJson(context, parsed.trees, info.features.length));
}
