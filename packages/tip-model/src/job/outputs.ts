import { stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { columnArray, type Table, type TraceEntry } from "@tablepipe/core";
import {
  checkOutputFolder,
  type OpenOutputFolderOptions,
  type OutputFolder,
  openOutputFolder,
} from "@tablepipe/io";
import type { FeatureImportance, FittedRegressor, ModelParams, RegressionMetrics } from "@tablepipe/models";
import * as z from "zod";
import type { TipAmountModelConfig } from "../config";
import { taxiTripSchema } from "../data/index";
import { renderReport } from "../report/render-report";
import type { ReportColumn, ReportFile, ReportInput, ReportRun } from "../report/types";

/** The files `load()` writes. */
export const OUTPUT_FILES = {
  model: "model.json",
  metrics: "metrics.json",
  predictions: "predictions.csv",
  report: "report.html",
} as const;

/** The columns of predictions.csv: the prepared trip, its features, and the prediction. */
export const predictionsSchema = taxiTripSchema.extend({
  month: z.int(),
  day_of_week: z.int(),
  day_of_month: z.int(),
  store_and_fwd_flag_is_N: z.int(),
  prediction: z.number(),
});

/** How the job's output folder is checked and opened: where it goes and what it may not clash with. */
export interface JobOutputTarget {
  /** The folder (`--output-dir`). */
  readonly output_dir: string;
  /** Allow tablepipe's files beside files it did not write (`--overwrite`); nothing is ever deleted. */
  readonly overwrite?: boolean | undefined;
  /** Input files and folders, which the output folder may not be nor hold. */
  readonly inputs?: readonly string[];
}

function outputOptions(target: JobOutputTarget): OpenOutputFolderOptions {
  return {
    label: "--output-dir",
    overwriteLabel: "--overwrite",
    files: Object.values(OUTPUT_FILES),
    overwrite: target.overwrite === true,
    inputs: target.inputs ?? [],
  };
}

/**
 * Check, before any work is done and creating nothing, that `output_dir` may receive the job's outputs (see
 * `checkOutputFolder` of @tablepipe/io); throws an `OutputPathError` saying what is in the way.
 * @example await checkOutputDir({ output_dir: "out", inputs: ["data"] }); // then run for an hour
 */
export function checkOutputDir(target: JobOutputTarget): Promise<void> {
  return checkOutputFolder(target.output_dir, outputOptions(target));
}

/** Open `output_dir` for the job's outputs: checked, locked against other runs, stale temporary files swept. */
export function openJobOutputs(
  target: JobOutputTarget,
  hooks: Pick<OpenOutputFolderOptions, "beforeStep"> = {},
): Promise<OutputFolder> {
  return openOutputFolder(target.output_dir, { ...outputOptions(target), ...hooks });
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** RMSE, MAE and R² on the training and the test set. */
export interface TipModelMetrics {
  training: RegressionMetrics;
  test: RegressionMetrics;
}

/** What a finished run hands to {@link writeJobOutputs}. */
export interface RunOutputs {
  readonly config: TipAmountModelConfig;
  readonly model: FittedRegressor<ModelParams>;
  readonly metrics: TipModelMetrics;
  readonly importances: readonly FeatureImportance[];
  /** The test set with its predictions. */
  readonly predictions: Table;
  readonly labelColumn: string;
  readonly rows: {
    readonly input: Readonly<Record<string, number>>;
    readonly prepared: number;
    readonly training: number;
    readonly test: number;
  };
  /** Where the data came from, in words. */
  readonly dataDescription: string;
  /** The transform and train funnels. */
  readonly funnel: readonly TraceEntry[];
  /** Test metrics of predicting the training mean for every row: what the model must beat. */
  readonly baseline?: RegressionMetrics;
  /** When and how the run happened (for the report). */
  readonly run?: ReportRun;
  /** The prepared table, column by column (for the report). */
  readonly columns?: readonly ReportColumn[];
}

/** What {@link writeJobOutputs} wrote: the folder and each file with its size. */
export interface WrittenOutputs {
  readonly dir: string;
  readonly files: readonly ReportFile[];
}

/**
 * The actual and predicted values of a predictions table (its `label` and `prediction` columns), as the report's
 * prediction charts take them.
 * @example predictionArrays(predictions, "tip_amount") // { actual: Float64Array [...], predicted: Float64Array [...] }
 */
function predictionArrays(predictions: Table, label: string): ReportInput["predictions"] {
  return { actual: float64Values(predictions, label), predicted: float64Values(predictions, "prediction") };
}

/**
 * A number column as the table shows it, as a `Float64Array`: the table's own when it holds one (the report
 * only reads it), else a copy (arquero's `array()` would call a closure per row).
 */
function float64Values(table: Table, name: string): Float64Array {
  const values = columnArray(table, name);
  return values instanceof Float64Array ? values : Float64Array.from(values as ArrayLike<number>);
}

/**
 * Write a run's outputs into the open output folder `out`: the model with its config and input row counts, the
 * metrics, the test predictions and the HTML report, each file written atomically. Returns the folder's path.
 */
export async function writeJobOutputs(run: RunOutputs, out: OutputFolder): Promise<WrittenOutputs> {
  const { model, metrics, importances, predictions } = run;
  const text = (content: string) => (path: string) => writeFile(path, content);
  await out.write(
    OUTPUT_FILES.model,
    text(
      json({
        model: model.name,
        params: model.params,
        features: model.features,
        label: model.label,
        fitted: model.toJSON(),
        config: run.config,
        rows: run.rows,
      }),
    ),
  );
  await out.write(OUTPUT_FILES.metrics, text(json({ ...metrics, feature_importances: importances })));
  await out.writeTable(OUTPUT_FILES.predictions, predictions, { schema: predictionsSchema });
  const html = await renderReport({
    title: "Tip amount model",
    generatedFrom: run.dataDescription,
    config: { ...run.config },
    funnel: [...run.funnel],
    importances: [...importances],
    predictions: predictionArrays(predictions, run.labelColumn),
    metrics,
    model: { name: model.name, params: { ...model.params } },
    ...(run.baseline === undefined ? {} : { baseline: run.baseline }),
    ...(run.run === undefined ? {} : { run: run.run }),
    ...(run.columns === undefined ? {} : { columns: run.columns }),
    files: await sizesOf(out.dir, [OUTPUT_FILES.model, OUTPUT_FILES.metrics, OUTPUT_FILES.predictions]),
  });
  await out.write(OUTPUT_FILES.report, text(html));
  return { dir: out.dir, files: await sizesOf(out.dir, Object.values(OUTPUT_FILES)) };
}

async function sizesOf(dir: string, names: readonly string[]): Promise<ReportFile[]> {
  return Promise.all(names.map(async (name) => ({ name, bytes: (await stat(join(dir, name))).size })));
}
