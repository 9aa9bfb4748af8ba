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
  /** The same metrics for predicting the training set's mean label on the test set: what the model must beat. */
  readonly baseline?: ReportMetricSet;
  /** When and how the run happened. */
  readonly run?: ReportRun;
  /** The prepared table, column by column. */
  readonly columns?: readonly ReportColumn[];
  /** The other files the run wrote beside the report (linked by relative path). */
  readonly files?: readonly ReportFile[];
}

/** When and how a run happened, and what it read. */
export interface ReportRun {
  /** When the run started, as text (e.g. `2026-12-02 01:28:21 UTC`). */
  readonly startedAt: string;
  readonly durationMs: number;
  /** The version of the package that made the report. */
  readonly version: string;
  /** The command line, as typed (or the API call that ran the job). */
  readonly commandLine: string;
  /** Rows read per input table. */
  readonly inputs: Readonly<Record<string, number>>;
}

/** One column of a table in summary. */
export interface ReportColumn {
  readonly name: string;
  /** `int`, `float`, `string`, `boolean` or `timestamp`. */
  readonly type: string;
  readonly nulls: number;
  /** The smallest and largest value as text (time stamps as `2018-02-04 18:00:00`); empty when all are null. */
  readonly min: string;
  readonly max: string;
}

/** A file written beside the report. */
export interface ReportFile {
  /** Its name in the output folder, e.g. `predictions.csv`. */
  readonly name: string;
  readonly bytes: number;
}

/** Options of `renderReport`. */
export interface RenderReportOptions {
  /** Most points drawn in the predicted-vs-actual scatter (evenly spaced rows); default 2,000. */
  readonly maxPoints?: number;
  /** Bins of the residual histogram; default 40. */
  readonly residualBins?: number;
}
