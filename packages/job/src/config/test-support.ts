import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as z from "zod";
import { ConfigError } from "./errors";
import { parseConfig } from "./parse-config";

/** The tip-model config of the guide (snake_case keys), with a model choice and a nested group; for tests. */
export const tipSchema = z
  .object({
    history_start_month: z
      .string()
      .regex(/^\d{6}$/)
      .default("201703")
      .describe("first month of history, exclusive (yyyyMM)"),
    history_end_month: z
      .string()
      .regex(/^\d{6}$/)
      .default("201811")
      .describe("last month of history, inclusive (yyyyMM)"),
    first_evening_hour: z.number().int().min(0).max(23).default(17).describe("first dropoff hour kept"),
    n_first_daily_rides_to_keep: z
      .number()
      .int()
      .min(1)
      .default(3)
      .describe("rides kept per pickup zone and day"),
    test_fraction: z.number().gt(0).lt(1).default(0.2).describe("share of rows held out for testing"),
    model: z.enum(["random-forest", "gbt", "linear"]).default("random-forest").describe("regressor to train"),
    data_dir: z.string().optional().describe("folder with the input CSV files"),
    verbose: z.boolean().default(false).describe("log every step"),
    cache: z.boolean().default(true).describe("reuse prepared data"),
    random_forest: z
      .object({
        num_trees: z.number().int().positive().default(10).describe("number of trees"),
        bootstrap: z.boolean().default(true).describe("sample rows with replacement"),
      })
      .default({ num_trees: 10, bootstrap: true })
      .describe("Random forest"),
  })
  .refine((c) => c.history_start_month < c.history_end_month, {
    message: "must be before the end month",
    path: ["history_start_month"],
  });

/** The same kind of config with camelCase keys. */
export const camelSchema = z.object({
  historyStartMonth: z.string().default("201703").describe("first month"),
  nFirstDailyRidesToKeep: z.number().int().min(1).default(3).describe("rides per day"),
  useGPU: z.boolean().default(false).describe("use the GPU"),
  outputDir: z.string().describe("where results go"),
});

/** A temporary folder with helpers to write files into it and remove it. */
export function tempFolder(): { dir: string; file(name: string, text: string): string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "tablepipe-config-"));
  return {
    dir,
    file(name, text) {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A stream that keeps what is written to it. */
export function captureStream(isTTY = false): {
  write(chunk: string): boolean;
  isTTY: boolean;
  text(): string;
} {
  let text = "";
  return {
    isTTY,
    write(chunk: string) {
      text += chunk;
      return true;
    },
    text: () => text,
  };
}

/** The ConfigError `run` throws; fails the test when it returns or throws anything else. */
export function configErrorOf(run: () => unknown, what: string): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected ${what} to fail`);
}

/** The config `argv` parses to; fails the test when help came back. */
export function parsedConfig<S extends z.ZodType<unknown, Record<string, unknown>>>(
  schema: S,
  argv: string[],
): z.output<S> {
  const result = parseConfig(schema, argv);
  if (result.kind !== "config") throw new Error("expected a config, got help");
  return result.config;
}
