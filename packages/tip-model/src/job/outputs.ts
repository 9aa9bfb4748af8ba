import { constants } from "node:fs";
import { access, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Table, TraceEntry } from "@tablepipe/core";
import { writeOutputFolder, writeTable } from "@tablepipe/io";
import type { FeatureImportance, FittedRegressor, ModelParams, RegressionMetrics } from "@tablepipe/models";
import { z } from "zod";
import type { TipAmountModelConfig } from "../config";
import { taxiTripSchema } from "../data/index";
import { renderReport } from "../report/index";

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

/** `output_dir` cannot be written: a user error, printed as one line by the CLI. */
export class OutputDirError extends Error {
  override readonly name = "OutputDirError";
  readonly userFacing = true as const;
}

async function existing(path: string): Promise<{ isDirectory(): boolean } | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw new OutputDirError(`cannot write output_dir: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Check, before any work is done, that `dir` can become the output folder: it is a folder or does not exist
 * yet, the nearest existing folder above it is a folder (not a file), and that folder is writable. Creates
 * nothing. Throws an {@link OutputDirError} saying what is in the way.
 * @example await checkOutputDir(job.config.output_dir); // then run for an hour
 */
export async function checkOutputDir(dir: string): Promise<void> {
  const target = resolve(dir);
  const found = await existing(target);
  if (found !== undefined && !found.isDirectory()) {
    throw new OutputDirError(`cannot write output_dir ${target}: it is a file, not a folder`);
  }
  let ancestor = dirname(target);
  for (;;) {
    const stats = await existing(ancestor);
    if (stats !== undefined) {
      if (!stats.isDirectory()) {
        throw new OutputDirError(`cannot write output_dir ${target}: ${ancestor} is a file, not a folder`);
      }
      break;
    }
    if (dirname(ancestor) === ancestor) return;
    ancestor = dirname(ancestor);
  }
  try {
    await access(ancestor, constants.W_OK);
  } catch {
    throw new OutputDirError(`cannot write output_dir ${target}: no permission to write in ${ancestor}`);
  }
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** RMSE, MAE and R² on the training and the test set. */
export interface TipModelMetrics {
  training: RegressionMetrics;
  test: RegressionMetrics;
}

/** What a finished run hands to {@link writeJobOutputs}. */
export interface RunOutputs {
  readonly outputDir: string;
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
}

/**
 * Write a run's outputs into `output_dir`: the model with its config and input row counts, the metrics,
 * the test predictions and the HTML report. The folder is written under a temporary name and renamed into
 * place when complete. Returns the folder's absolute path.
 */
export async function writeJobOutputs(run: RunOutputs): Promise<string> {
  const { model, metrics, importances, predictions } = run;
  const outputDir = resolve(run.outputDir);
  await writeOutputFolder(outputDir, async (dir) => {
    await writeFile(
      join(dir, OUTPUT_FILES.model),
      json({
        model: model.name,
        params: model.params,
        features: model.features,
        label: model.label,
        fitted: model.toJSON(),
        config: run.config,
        rows: run.rows,
      }),
    );
    await writeFile(join(dir, OUTPUT_FILES.metrics), json({ ...metrics, feature_importances: importances }));
    await writeTable(predictions, join(dir, OUTPUT_FILES.predictions), { schema: predictionsSchema });
    const html = await renderReport({
      title: "Tip amount model",
      generatedFrom: run.dataDescription,
      config: { ...run.config },
      funnel: [...run.funnel],
      metrics,
      importances: [...importances],
      predictions: {
        actual: Float64Array.from(predictions.array(run.labelColumn) as ArrayLike<number>),
        predicted: Float64Array.from(predictions.array("prediction") as ArrayLike<number>),
      },
      model: { name: model.name, params: { ...model.params } },
    });
    await writeFile(join(dir, OUTPUT_FILES.report), html);
  });
  return outputDir;
}
