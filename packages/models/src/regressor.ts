import type { ColumnTable } from "arquero";
import type { FitSpec } from "./columns";
import type { ModelJson } from "./model-json";

/** One feature's share of a model's importance. */
export interface FeatureImportance {
  readonly feature: string;
  /** Non-negative; a model's importances sum to 1 (all 0 when it learned no split). */
  readonly importance: number;
}

/** An untrained model: a name and validated params, ready to fit on a table. */
export interface Regressor<P extends object = object> {
  /** Model name for logs, e.g. "randomForest". */
  readonly name: string;
  /** The params with defaults filled in. */
  readonly params: Readonly<P>;
  /**
   * Trains on `table`: features and label must be numeric columns without null/NaN.
   * @example randomForest({ numTrees: 10 }).fit(trips, { features: ["trip_distance"], label: "tip_amount" })
   */
  fit(table: ColumnTable, spec: FitSpec): FittedRegressor<P>;
}

/** A trained model: predicts, explains itself and serialises to plain JSON. */
export interface FittedRegressor<P extends object = object> {
  readonly name: string;
  readonly params: Readonly<P>;
  /** Feature columns, in the order the model uses them. */
  readonly features: readonly string[];
  /** The label column it was trained on. */
  readonly label: string;
  /** Number of rows it was trained on. */
  readonly trainingRows: number;
  /** One prediction per row of `table` (in the table's row order); the feature columns must be present. */
  predict(table: ColumnTable): Float64Array;
  /** `table` with a new column of predictions (default "prediction"); throws if that column exists. */
  withPredictions(table: ColumnTable, column?: string): ColumnTable;
  /** Importance per feature, largest first (ties in feature order). */
  featureImportances(): FeatureImportance[];
  /** Plain JSON; `loadModel(JSON.parse(JSON.stringify(model.toJSON())))` predicts identically. */
  toJSON(): ModelJson;
}
