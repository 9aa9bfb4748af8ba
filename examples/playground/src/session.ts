import { tmpdir } from "node:os";
import { join } from "node:path";
import { type REPLServer, start } from "node:repl";
import type { Readable, Writable } from "node:stream";
import { inspect } from "node:util";
import * as core from "@tablepipe/core";
import { parseConfig } from "@tablepipe/job";
import * as models from "@tablepipe/models";
import {
  addFeatures,
  filterData,
  runFlagConditions,
  TipAmountModel,
  tipAmountModelFields,
  withConfigChecks,
} from "@tablepipe/tip-model";
import * as transforms from "@tablepipe/transforms";
import * as aq from "arquero";
import * as z from "zod";
import { notebookPreparedData } from "./notebook";

/** The REPL's prompt (the stdin test waits for it). */
export const PROMPT = "tablepipe> ";

/**
 * The tip model's config with the playground's defaults: a small generated sample, so every stage reruns in
 * well under a second, and output to a scratch folder, not the working directory.
 */
export const PlaygroundConfig = withConfigChecks(
  tipAmountModelFields.extend({
    sample_rows: tipAmountModelFields.shape.sample_rows
      .unwrap()
      .default(20_000)
      .describe("rows of the built-in generated sample, when no data is given"),
    output_dir: z
      .string()
      .default(join(tmpdir(), "tablepipe-playground"))
      .describe("folder the model, metrics, predictions and report go to"),
    overwrite: tipAmountModelFields.shape.overwrite
      .unwrap()
      .default(true)
      .describe(
        "write into the scratch output folder even when it holds files tablepipe did not record (older runs): they are kept; same-named ones, and outputs changed since tablepipe wrote them, are replaced",
      ),
  }),
);

/** Where the session reads and writes. */
export interface SessionStreams {
  input: Readable;
  output: Writable;
  /** Help and the banner go here. */
  info: Writable;
  /** Whether to colour values and edit lines (a terminal). */
  terminal: boolean;
}

/** A table shows as its shape (`Table: 20 cols x 5364 rows`); `print()` shows its rows. */
function writer(colors: boolean) {
  return (value: unknown): string =>
    core.isTable(value) ? `[${value[Symbol.toStringTag]}]` : inspect(value, { colors, depth: 3 });
}

/**
 * The trip tables' time-stamp columns, for `show`/`describe`/`printSchema`: the job's tables are derived by
 * transforms and do not remember the schema they were read with yet (tables from `readTable` do).
 */
const TRIP_TIMES: core.DisplaySchema = { pickup_datetime: "timestamp", dropoff_datetime: "timestamp" };

/** What the session puts in scope, besides the job. */
function scope(job: TipAmountModel): Record<string, unknown> {
  return {
    job,
    config: job.config,
    TipAmountModel,
    aq,
    op: aq.op,
    escape: aq.escape,
    pipe: core.pipe,
    formatTimestamp: core.formatTimestamp,
    show: (table: core.DisplayableTable, n?: number, options: core.ShowOptions = {}) =>
      core.show(table, n, { schema: TRIP_TIMES, ...options }),
    describe: (table: core.DisplayableTable) => core.describe(table, { schema: TRIP_TIMES }),
    printSchema: (table: core.DisplayableTable) => core.printSchema(table, { schema: TRIP_TIMES }),
    transforms,
    filterData,
    addFeatures,
    gradientBoostedTrees: models.gradientBoostedTrees,
    randomForest: models.randomForest,
    linearRegression: models.linearRegression,
    regressionMetrics: models.regressionMetrics,
    notebookPreparedData,
  };
}

const BANNER = `tablepipe playground: the tip-amount job, on the built-in sample
in scope: job (a TipAmountModel, sample extracted), config (= job.config), TipAmountModel,
  gradientBoostedTrees, randomForest, linearRegression, regressionMetrics, pipe, transforms (general),
  filterData, addFeatures (the tip model's steps),
  aq, op, escape, formatTimestamp, show, describe, printSchema, notebookPreparedData (the guide's stage-0 query)
try: await job.run()   then   show(job.tables.training, 5)   (.help for REPL commands, .exit to leave)
`;

// #region openPlayground
/**
 * Open the playground: parse the flags into a config (`--sample-rows 5000`, `--model gbt`, ...: the tip
 * model's flags, refused as `tip-model run` refuses a flag the chosen mode ignores), build the job, extract the
 * sample, and start a Node REPL (top-level `await` works) with the job and the library in scope. Resolves to
 * the REPL, or `undefined` after printing `--help`.
 */
export async function openPlayground(
  argv: readonly string[],
  streams: SessionStreams,
): Promise<REPLServer | undefined> {
  const parsed = parseConfig(PlaygroundConfig, argv, {
    command: "pnpm playground",
    description: "A REPL with the tip-amount job, its config and the sample loaded.",
    // the flags `tip-model run` refuses for the chosen model, engine or data (`--num-trees` with `--model linear`)
    flagConditions: runFlagConditions,
  });
  if (parsed.kind === "help") {
    streams.info.write(parsed.text);
    return undefined;
  }
  const job = new TipAmountModel(parsed.config);
  await job.extract();
  streams.info.write(BANNER);
  const server = start({
    prompt: PROMPT,
    input: streams.input,
    output: streams.output,
    terminal: streams.terminal,
    useColors: streams.terminal,
    writer: writer(streams.terminal),
    preview: false,
  });
  Object.assign(server.context, scope(job));
  return server;
}
// #endregion openPlayground
