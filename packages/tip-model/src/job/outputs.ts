import { constants } from "node:fs";
import { access, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { writeOutputFolder, writeTable } from "@tablepipe/core";
import { z } from "zod";
import { taxiTripSchema } from "../data/index";
import { renderReport } from "../report/index";
import type { TipAmountModel } from "./tip-amount-model";

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

/**
 * Write the job's outputs into `output_dir`: the model with its config and input row counts, the metrics,
 * the test predictions and the HTML report. The folder is written under a temporary name and renamed into
 * place when complete. Returns the folder's absolute path.
 */
export async function writeJobOutputs(job: TipAmountModel): Promise<string> {
  const model = job.fittedModel();
  const metrics = job.metrics;
  const importances = job.importances;
  if (metrics === undefined || importances === undefined)
    throw new Error("no metrics yet: run validate() first");
  const predictions = job.table("predictions");
  const outputDir = resolve(job.config.output_dir);
  await writeOutputFolder(outputDir, async (dir) => {
    const rows = {
      input: job.inputRows,
      prepared: job.table("prepared_data").numRows(),
      training: job.table("training").numRows(),
      test: job.table("test").numRows(),
    };
    await writeFile(
      join(dir, OUTPUT_FILES.model),
      json({
        model: model.name,
        params: model.params,
        features: model.features,
        label: model.label,
        fitted: model.toJSON(),
        config: job.config,
        rows,
      }),
    );
    await writeFile(join(dir, OUTPUT_FILES.metrics), json({ ...metrics, feature_importances: importances }));
    await writeTable(predictions, join(dir, OUTPUT_FILES.predictions), { schema: predictionsSchema });
    const html = await renderReport({
      title: "Tip amount model",
      generatedFrom: job.dataDescription,
      config: { ...job.config },
      funnel: [...(job.traces.transform ?? []), ...(job.traces.train ?? [])],
      metrics,
      importances,
      predictions: {
        actual: Float64Array.from(predictions.array(job.labelCol) as ArrayLike<number>),
        predicted: Float64Array.from(predictions.array("prediction") as ArrayLike<number>),
      },
      model: { name: model.name, params: { ...model.params } },
    });
    await writeFile(join(dir, OUTPUT_FILES.report), html);
  });
  return outputDir;
}
