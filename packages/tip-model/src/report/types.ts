import type { TraceEntry } from "@tablepipe/core";

/** Regression metrics on one data set. */
export interface ReportMetricSet {
  readonly rmse: number;
  readonly mae: number;
  readonly r2: number;
  /** Rows the metrics were computed on. */
  readonly count: number;
}

/** One feature's share of the model's importance (the list is sorted descending and sums to 1). */
export interface ReportImportance {
  readonly feature: string;
  readonly importance: number;
}

/** Everything the run report shows; the job fills it after `validate`. */
export interface ReportInput {
  readonly title: string;
  /** Where the data came from, e.g. "generated sample, 100,000 trips (seed 42)". */
  readonly generatedFrom: string;
  /** The job's resolved config, shown as a small table. */
  readonly config: Readonly<Record<string, unknown>>;
  /** The pipe's trace: the funnel of rows through every step. */
  readonly funnel: readonly TraceEntry[];
  readonly metrics: { readonly training: ReportMetricSet; readonly test: ReportMetricSet };
  readonly importances: readonly ReportImportance[];
  /** Test-set labels and predictions, index-aligned. */
  readonly predictions: {
    readonly actual: Float64Array | readonly number[];
    readonly predicted: Float64Array | readonly number[];
  };
  readonly model: { readonly name: string; readonly params: Readonly<Record<string, unknown>> };
}

/** Options of `renderReport`. */
export interface RenderReportOptions {
  /** Most points drawn in the predicted-vs-actual scatter (evenly spaced rows); default 2,000. */
  readonly maxPoints?: number;
  /** Bins of the residual histogram; default 40. */
  readonly residualBins?: number;
}
