import { type FlagCondition, type FlagConditions, toFlagName } from "@tablepipe/job";
import type { MODEL_NAMES, TipAmountModelConfig } from "./config";

type ModelName = (typeof MODEL_NAMES)[number];
type Engine = TipAmountModelConfig["engine"];
type DataFlags = Pick<TipAmountModelConfig, "data_dir" | "trips" | "zones">;

/** The settings `prepare` shares with `run` that its conditions read or cover. */
type PrepareSettings = Pick<
  TipAmountModelConfig,
  | "seed"
  | "sample_rows"
  | "data_dir"
  | "trips"
  | "zones"
  | "stream_read"
  | "drop_invalid_rows"
  | "engine"
  | "duckdb_database"
  | "duckdb_memory_limit"
  | "duckdb_read"
  | "spark_remote"
>;

/** Applies when `--model` is one of `models`. */
function forModels(...models: ModelName[]): FlagCondition<{ model: ModelName }> {
  return ({ model }) =>
    models.includes(model) ? undefined : `applies to --model ${models.join(" or ")}, not ${model}`;
}

/** Applies when `--engine` is one of `engines`. */
function forEngines(...engines: Engine[]): FlagCondition<{ engine: Engine }> {
  return ({ engine }) =>
    engines.includes(engine) ? undefined : `applies to --engine ${engines.join(" or ")}, not ${engine}`;
}

/** Applies when both conditions do; else the first one's reason, then the second one's. */
function allOf<A, B>(first: FlagCondition<A>, second: FlagCondition<B>): FlagCondition<A & B> {
  return (config) => first(config) ?? second(config);
}

/** The data flags given, as typed: `--data-dir and --trips`. */
function givenDataFlags(config: DataFlags): string[] {
  return (["data_dir", "trips", "zones"] as const)
    .filter((key) => config[key] !== undefined)
    .map((key) => `--${toFlagName(key)}`);
}

/** Applies to the built-in generated sample: when no data is given. */
const forGeneratedSample: FlagCondition<DataFlags> = (config) => {
  const given = givenDataFlags(config);
  if (given.length === 0) return undefined;
  return `applies to the built-in generated sample only, not with ${given.join(" and ")}`;
};

/** Applies to data read from files: not to the built-in generated sample (the trips are made, not read). */
const forDataFiles: FlagCondition<DataFlags> = (config) =>
  givenDataFlags(config).length > 0
    ? undefined
    : "applies to data files (--data-dir or --trips) only, not to the built-in generated sample";

/** `--data-dir` is where the file `--trips` or `--zones` does not name is found: unused when both are given. */
const forDataDir: FlagCondition<DataFlags> = ({ trips, zones }) =>
  trips !== undefined && zones !== undefined
    ? "applies when --trips or --zones is not given (it holds the other file), not with both"
    : undefined;

/**
 * The data and engine flags: shared by `run` and `prepare`. DuckDB reads the trip files itself (so
 * `--stream-read` does nothing there, and `--duckdb-read` only says how it reads files); the generated sample is
 * made in memory, never read (so neither `--stream-read` nor `--drop-invalid-rows` nor `--duckdb-read` act on it).
 */
const dataAndEngineConditions: FlagConditions<PrepareSettings> = {
  data_dir: forDataDir,
  sample_rows: forGeneratedSample,
  stream_read: allOf(forEngines("in-process", "spark"), forDataFiles),
  drop_invalid_rows: forDataFiles,
  duckdb_database: forEngines("duckdb"),
  duckdb_memory_limit: forEngines("duckdb"),
  duckdb_read: allOf(forEngines("duckdb"), forDataFiles),
  spark_remote: forEngines("spark"),
};

/** `tip-model run`: which flags apply to which model, engine and data. */
export const runFlagConditions: FlagConditions<TipAmountModelConfig> = {
  ...dataAndEngineConditions,
  num_trees: forModels("random-forest"),
  max_depth: forModels("random-forest", "gbt"),
  max_bins: forModels("random-forest", "gbt"),
  max_iter: forModels("gbt"),
  step_size: forModels("gbt"),
};

/** `tip-model prepare`: the engine flags, and the seed and size of the generated sample (prepare's only use of the seed). */
export const prepareFlagConditions: FlagConditions<PrepareSettings> = {
  ...dataAndEngineConditions,
  seed: forGeneratedSample,
};
