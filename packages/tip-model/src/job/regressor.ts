import {
  gradientBoostedTrees,
  linearRegression,
  type ModelParams,
  type Regressor,
  randomForest,
} from "@tablepipe/models";
import type { TipAmountModelConfig } from "../config";

/**
 * The regressor the config asks for: the guide's random forest (feature subset "auto", bootstrap), its
 * playground's gradient-boosted trees, or linear regression.
 */
export function regressorFor(config: TipAmountModelConfig): Regressor<ModelParams> {
  switch (config.model) {
    case "random-forest":
      return randomForest({
        numTrees: config.num_trees,
        maxDepth: config.max_depth,
        maxBins: config.max_bins,
        featureSubset: "auto",
        bootstrap: true,
        seed: config.seed,
      });
    case "gbt":
      return gradientBoostedTrees({
        maxIter: config.max_iter,
        stepSize: config.step_size,
        maxDepth: config.max_depth,
        maxBins: config.max_bins,
        seed: config.seed,
      });
    case "linear":
      return linearRegression();
    default:
      throw new Error(`unknown model ${JSON.stringify(config.model satisfies never)}`);
  }
}
