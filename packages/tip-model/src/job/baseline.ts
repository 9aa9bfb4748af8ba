import { columnArray } from "@tablepipe/core";
import { type RegressionMetrics, regressionMetricsOf } from "@tablepipe/models";
import type { ColumnTable } from "arquero";

/**
 * The metrics on the test set of the simplest model: predict the training set's mean label for every row. A
 * model whose test RMSE is not below this one's has learnt nothing. Rows with a missing label are skipped.
 * @example trainingMeanBaseline(training, test, "tip_amount").rmse // 2.31
 */
export function trainingMeanBaseline(
  training: ColumnTable,
  test: ColumnTable,
  label: string,
): RegressionMetrics {
  const mean = meanOf(columnArray(training, label));
  const actual = columnArray(test, label);
  const labels: number[] = [];
  for (let i = 0; i < actual.length; i++) {
    const value = actual[i];
    if (typeof value === "number" && Number.isFinite(value)) labels.push(value);
  }
  return regressionMetricsOf(labels, new Float64Array(labels.length).fill(mean));
}

function meanOf(values: ArrayLike<unknown>): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value === "number" && Number.isFinite(value)) {
      sum += value;
      count++;
    }
  }
  return count === 0 ? Number.NaN : sum / count;
}
