// The README example of @tablepipe/models (see core.ts for how it is checked).
// #region example
import { randomForest, regressionMetrics, trainTestSplit } from "@tablepipe/models";
import * as aq from "arquero";

export function modelsExample() {
  const distance = Array.from({ length: 200 }, (_, i) => 0.5 + (i % 20));
  const trips = aq.table({ trip_distance: distance, tip_amount: distance.map((d) => 1 + 0.5 * d) });
  const { training, test } = trainTestSplit(trips, { testFraction: 0.2, seed: 42 });
  const model = randomForest({ numTrees: 10, maxDepth: 4, seed: 42 }).fit(training, {
    features: ["trip_distance"],
    label: "tip_amount",
  });
  return regressionMetrics(model.withPredictions(test), { label: "tip_amount" }); // { rmse, mae, r2, count }
}
// #endregion example
