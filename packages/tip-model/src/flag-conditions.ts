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

/** Applies when `--engine` is `engine`. */
function forEngine(engine: Engine): FlagCondition<{ engine: Engine }> {
  return (config) =>
    config.engine === engine ? undefined : `applies to --engine ${engine}, not ${config.engine}`;
}

/** Applies to the built-in generated sample: when no data is given. */
const forGeneratedSample: FlagCondition<DataFlags> = (config) => {
  const given = (["data_dir", "trips", "zones"] as const).filter((key) => config[key] !== undefined);
  if (given.length === 0) return undefined;
  return `applies to the built-in generated sample only, not with ${given.map((key) => `--${toFlagName(key)}`).join(" and ")}`;
};

/** The engine flags and the generated sample's size: shared by `run` and `prepare`. */
const dataAndEngineConditions: FlagConditions<PrepareSettings> = {
  sample_rows: forGeneratedSample,
  duckdb_database: forEngine("duckdb"),
  duckdb_memory_limit: forEngine("duckdb"),
  duckdb_read: forEngine("duckdb"),
  spark_remote: forEngine("spark"),
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
