import { basename, resolve } from "node:path";
import { type CliOutput, getLogger, runCli } from "@tablepipe/job";
import * as z from "zod";
import { DEFAULT_SAMPLE_ROWS, tipAmountModelFields, withConfigChecks } from "./config";
import { SAMPLE_FILES, writeSample } from "./data/index";
import { prepareFlagConditions, runFlagConditions } from "./flag-conditions";
import { interruptible } from "./interrupts";
import { inputPaths } from "./job/data-sources";
import { OUTPUT_FILES, predictionsSchema } from "./job/outputs";
import { openPreparedOutput } from "./job/prepared-output";
import { TipAmountModel } from "./job/tip-amount-model";
import { checkLogFile } from "./log-file-check";
import { readProgressReporter } from "./progress";
import { runSummary } from "./run-summary";
import { tipModelVersion } from "./version";

/** `tip-model prepare`: the job's data and filter settings (no model, training or output folder) plus --out. */
export const PrepareConfig = withConfigChecks(
  tipAmountModelFields
    .pick({
      history_start_month: true,
      history_end_month: true,
      first_evening_hour: true,
      last_evening_hour: true,
      n_first_daily_rides_to_keep: true,
      seed: true,
      data_dir: true,
      trips: true,
      zones: true,
      sample_rows: true,
      drop_invalid_rows: true,
      stream_read: true,
      overwrite: true,
      engine: true,
      duckdb_database: true,
      duckdb_memory_limit: true,
      duckdb_read: true,
      spark_remote: true,
    })
    .extend({
      seed: tipAmountModelFields.shape.seed.describe(
        "seed of the built-in generated sample (used only when no data is given)",
      ),
      overwrite: tipAmountModelFields.shape.overwrite.describe(
        "replace --out even when tablepipe did not write it, or it changed since (other files of its folder are never touched)",
      ),
      out: z.string().describe("file to write the prepared table to (.csv or .parquet)"),
    }),
);

/** `tip-model sample`: how many generated trips, with which seed, into which folder. */
export const SampleConfig = z.object({
  rows: z
    .int()
    .min(1)
    .default(DEFAULT_SAMPLE_ROWS)
    .describe("number of trips to generate (the same default as run's --sample-rows)"),
  seed: z.int().default(42).describe("seed of the generator"),
  out: z
    .string()
    .default("tip-model-sample")
    .describe("folder to write taxi_trip_data.csv and taxi_zone_geo.csv to"),
  overwrite: z
    .boolean()
    .default(false)
    .describe(
      "write into a folder that holds files tablepipe did not write (they are kept), replacing same-named ones and files changed since tablepipe wrote them",
    ),
});

/** Where the commands print their results (the last line says where the output is). */
export interface CommandOutput {
  stdout?: CliOutput;
  stderr?: CliOutput;
}

/**
 * The `tip-model` command line: `run` (default), `prepare`, `sample`, each with `--help`. Resolves to the
 * exit code: 0 ok, 2 bad flags, 1 any other error (printed as one line).
 *
 * @example process.exitCode = await runTipModelCli(["--n-first-daily-rides-to-keep", "5", "--test-fraction", "0.01"]);
 */
export function runTipModelCli(argv: readonly string[], output: CommandOutput = {}): Promise<number> {
  const stdout = output.stdout ?? process.stdout;
  return runCli(argv, {
    programName: "tip-model",
    description: "The NYC taxi tip-amount model: extract, transform, train, validate, load.",
    defaultCommand: "run",
    version: tipModelVersion(),
    ...output,
    commands: {
      run: {
        description:
          "Run the whole job: read the trips and zones, filter them, train the model, validate it on held-out rows, and write the model, metrics, predictions and report to --output-dir.",
        summary: "the whole job, from data to model and report",
        examples: [
          { command: "tip-model run", description: "train on the built-in generated sample" },
          {
            command: "tip-model run --n-first-daily-rides-to-keep 5 --test-fraction 0.01",
            description: "keep 5 rides per pickup zone and day; hold out 1% of the rows for validation",
          },
          {
            command: "tip-model run --data-dir data --model gbt --output-dir out",
            description:
              "read taxi_trip_data.csv and taxi_zone_geo.csv from data/, train gradient-boosted trees",
          },
        ],
        schema: withConfigChecks(tipAmountModelFields),
        flagConditions: runFlagConditions,
        checkLogFile: (file, config) =>
          checkLogFile(file, config, [{ label: "--output-dir", path: config.output_dir, kind: "folder" }]),
        run: (config) =>
          interruptible(async (signal) => {
            const progress = readProgressReporter(output.stderr);
            const started = performance.now();
            const job = new TipAmountModel(config, {
              onReadProgress: progress.onProgress,
              commandLine: ["tip-model", ...argv].join(" "),
              signal,
            });
            try {
              await job.run();
            } finally {
              progress.done();
            }
            for (const line of runSummary(job, performance.now() - started)) stdout.write(`${line}\n`);
            stdout.write(`report: ${resolve(job.outputDir ?? config.output_dir, OUTPUT_FILES.report)}\n`);
          }),
      },
      prepare: {
        description:
          "Read the trips and zones and filter them (the job's extract and transform, no training), then write the prepared table, sorted by pickup zone and time, to --out.",
        summary: "write the filtered, prepared table; no training",
        examples: [
          {
            command: "tip-model prepare --out prepared.parquet",
            description: "prepare the built-in generated sample",
          },
          {
            command: "tip-model prepare --data-dir data --n-first-daily-rides-to-keep 5 --out prepared.csv",
            description: "prepare the files in data/, keeping 5 rides per pickup zone and day",
          },
        ],
        schema: PrepareConfig,
        flagConditions: prepareFlagConditions,
        checkLogFile: (file, config) =>
          checkLogFile(file, config, [{ label: "--out", path: config.out, kind: "file" }]),
        run: ({ out, ...config }) =>
          interruptible(async (signal) => {
            const folder = await openPreparedOutput(out, {
              overwrite: config.overwrite,
              inputs: inputPaths(config),
            });
            try {
              const progress = readProgressReporter(output.stderr);
              const job = new TipAmountModel(config, { onReadProgress: progress.onProgress, signal });
              try {
                await job.extract({ streamTrips: config.stream_read });
                await job.transform();
              } finally {
                progress.done();
              }
              const prepared = job.table("prepared_data");
              if (prepared.numRows() === 0) {
                getLogger("tip-model").warn(
                  `0 prepared rows: the filters kept nothing of ${JSON.stringify(job.inputRows)} input rows; writing an empty table`,
                );
              }
              await folder.writeTable(basename(out), prepared, {
                schema: predictionsSchema.omit({ prediction: true }),
              });
              stdout.write(`prepared: ${resolve(out)} (${prepared.numRows()} rows)\n`);
            } finally {
              await folder.close();
            }
          }),
      },
      sample: {
        description:
          "Write a seeded, generated sample in the guide's layout (taxi_trip_data.csv, taxi_zone_geo.csv) to a folder.",
        summary: "write a generated sample of trips and zones",
        examples: [
          { command: "tip-model sample --out data", description: "write the default sample to data/" },
          {
            command: "tip-model sample --rows 1000000 --seed 7 --out data && tip-model run --data-dir data",
            description: "write a million trips, then train on them",
          },
        ],
        schema: SampleConfig,
        checkLogFile: (file, config) =>
          checkLogFile(file, {}, [{ label: "--out", path: config.out, kind: "folder" }]),
        run: async ({ rows, seed, out, overwrite }) => {
          const written = await writeSample({
            rows,
            seed,
            dir: out,
            output: { label: "--out", overwrite, overwriteLabel: "--overwrite" },
          });
          stdout.write(
            `sample: ${resolve(out, SAMPLE_FILES.trips)} (${written.tripRows} rows), ${resolve(out, SAMPLE_FILES.zones)}\n`,
          );
        },
      },
    },
  });
}
