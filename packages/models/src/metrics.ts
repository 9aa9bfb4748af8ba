import type { ColumnTable } from "arquero";
import { readNumericColumn } from "./columns";
import { ModelError } from "./params";

/** Regression quality, as Spark's RegressionEvaluator defines it. */
export interface RegressionMetrics {
  /** Root mean squared error: sqrt(Σ(y − ŷ)² / n). */
  readonly rmse: number;
  /** Mean absolute error: Σ|y − ŷ| / n. */
  readonly mae: number;
  /** 1 − Σ(y − ŷ)² / Σ(y − ȳ)²; NaN (perfect fit) or −Infinity when the label is constant, as in Spark. */
  readonly r2: number;
  /** Number of rows. */
  readonly count: number;
}

/** Label and prediction column names. */
export interface MetricColumns {
  /** The true values. */
  readonly label: string;
  /** The predicted values (default "prediction"). */
  readonly prediction?: string;
}

/**
 * RMSE, MAE and R² of a prediction column against a label column.
 * @example regressionMetrics(model.withPredictions(test), { label: "tip_amount" })
 */
export function regressionMetrics(table: ColumnTable, columns: MetricColumns): RegressionMetrics {
  const context = "regressionMetrics";
  if (table.numRows() === 0) throw new ModelError(`${context}: the table has no rows`);
  const label = readNumericColumn(table, context, "label", columns.label);
  const prediction = readNumericColumn(table, context, "prediction", columns.prediction ?? "prediction");
  return regressionMetricsOf(label, prediction);
}

/** RMSE, MAE and R² of predictions against labels given as arrays of equal, non-zero length. */
export function regressionMetricsOf(
  label: ArrayLike<number>,
  prediction: ArrayLike<number>,
): RegressionMetrics {
  const n = label.length;
  if (n === 0 || prediction.length !== n) {
    throw new ModelError(
      `regressionMetrics: need equally many labels and predictions (got ${n} and ${prediction.length})`,
    );
  }
  let sumLabel = 0;
  for (let i = 0; i < n; i++) sumLabel += label[i] as number;
  const meanLabel = sumLabel / n;
  let sse = 0;
  let sae = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    const y = label[i] as number;
    const e = y - (prediction[i] as number);
    sse += e * e;
    sae += Math.abs(e);
    const d = y - meanLabel;
    sst += d * d;
  }
  return { rmse: Math.sqrt(sse / n), mae: sae / n, r2: 1 - sse / sst, count: n };
}
