import { crossFieldCheck } from "@tablepipe/job";
import { hourOfDay, yyyyMM } from "@tablepipe/transforms";
import * as z from "zod";

/** The models the job can train. */
export const MODEL_NAMES = ["random-forest", "gbt", "linear"] as const;

/** Rows of a generated sample when none is asked for: `run --sample-rows` and `sample --rows`. */
export const DEFAULT_SAMPLE_ROWS = 200_000;

/** The fields of {@link TipAmountModelConfig}, without its cross-field checks (extend this, then refine). */
export const tipAmountModelFields = z.object({
  history_start_month: yyyyMM.default("201703").describe("keep pickups after this month (exclusive), yyyyMM"),
  history_end_month: yyyyMM.default("201811").describe("keep pickups up to and including this month, yyyyMM"),
  first_evening_hour: hourOfDay
    .default(17)
    .describe("first dropoff hour kept (inclusive, 0-23; after last_evening_hour the window wraps midnight)"),
  last_evening_hour: hourOfDay.default(23).describe("last dropoff hour kept (inclusive, 0-23)"),
  n_first_daily_rides_to_keep: z
    .int()
    .min(1)
    .default(3)
    .describe("rides kept per pickup zone and day, earliest first"),
  test_fraction: z
    .number()
    .gt(0)
    .lt(1)
    .default(0.2)
    .describe("share of prepared rows held out for validation"),
  seed: z.int().default(42).describe("seed for the split, the sample data and the model"),
  model: z.enum(MODEL_NAMES).default("random-forest").describe("the regressor to train"),
  num_trees: z.int().min(1).default(10).describe("random forest: number of trees"),
  max_depth: z.int().min(1).max(30).default(4).describe("random forest and gbt: maximum tree depth"),
  max_bins: z.int().min(2).max(256).default(32).describe("random forest and gbt: quantile bins per feature"),
  max_iter: z.int().min(1).default(20).describe("gbt: boosting iterations"),
  step_size: z.number().gt(0).max(1).default(0.1).describe("gbt: learning rate"),
  data_dir: z
    .string()
    .optional()
    .describe(
      "folder with taxi_trip_data.csv and taxi_zone_geo.csv (or .parquet), read for each one --trips or --zones does not name; default: generated sample",
    ),
  trips: z
    .string()
    .optional()
    .describe("trip file(s) instead of data_dir: a path or a glob such as 'data/yellow_tripdata_2018-*.csv'"),
  zones: z.string().optional().describe("zone table file instead of data_dir (guide or TLC lookup layout)"),
  sample_rows: z
    .int()
    .min(1)
    .default(DEFAULT_SAMPLE_ROWS)
    .describe("rows of the built-in generated sample, when no data is given"),
  stream_read: z
    .boolean()
    .default(true)
    .describe(
      "engine in-process or spark, with --data-dir or --trips: read trip files in batches, filtering each as it arrives (dropped rows are never held; spark is sent them whole); false reads them whole first, in the extract stage",
    ),
  drop_invalid_rows: z
    .boolean()
    .default(false)
    .describe(
      "with --data-dir or --trips: drop rows with unparsable values (counted in the log) instead of failing",
    ),
  output_dir: z
    .string()
    .default("tip-model-output")
    .describe("folder the model, metrics, predictions and report go to"),
  overwrite: z
    .boolean()
    .default(false)
    .describe(
      "write into an output folder that holds files tablepipe did not write (they are kept), replacing same-named ones and outputs changed since tablepipe wrote them",
    ),
  engine: z
    .enum(["in-process", "duckdb", "spark"])
    .default("in-process")
    .describe(
      "where the transform stage runs: in process, inside DuckDB as one SQL query, or on Spark through Spark Connect",
    ),
  duckdb_database: z
    .string()
    .optional()
    .describe("engine duckdb: a database file (lets DuckDB spill to disk); default: in memory"),
  duckdb_memory_limit: z
    .string()
    .regex(/^\d+(\.\d+)? ?([KMGT]i?B|B)$/i, "a size such as 4GB or 512MiB")
    .optional()
    .describe("engine duckdb: DuckDB's memory limit, e.g. 4GB (SET memory_limit); default: DuckDB's"),
  duckdb_read: z
    .enum(["auto", "table", "streamed"])
    .default("auto")
    .describe(
      "engine duckdb, with --data-dir or --trips: read the trip files (CSV or Parquet) into a table first (every core), or stream them through the query (nothing held: files larger than memory); auto streams Parquet files, and CSV files whenever the prepared rows do not depend on the files' row order (the default pipeline ends with a sort on every column), else when they are larger than a quarter of the memory limit",
    ),
  spark_remote: z
    .string()
    .regex(/^sc:\/\//, "a Spark Connect connection string, sc://host:port/;token=...")
    .default("sc://localhost:15002")
    .describe("engine spark: the Spark Connect endpoint, sc://host:port/;token=...;use_ssl=true;user_id=..."),
});

/** A month field of the config: `yyyyMM` with its default. */
type MonthField = z.ZodDefault<typeof yyyyMM>;

/**
 * The config fields the transform stage reads: the filters' settings, by their config names. `filterData`
 * takes them as its params (with the config's defaults: each default is declared once, above).
 */
export const filterSettingsFields = tipAmountModelFields.pick({
  history_start_month: true,
  history_end_month: true,
  first_evening_hour: true,
  last_evening_hour: true,
  n_first_daily_rides_to_keep: true,
});

/** The filters' settings, validated, defaults applied. */
export type FilterSettings = z.output<typeof filterSettingsFields>;

/**
 * The filters' settings of a config (its other fields left out): what the job hands `filterData`.
 * @example filterSettings(TipAmountModelConfig.parse({})).n_first_daily_rides_to_keep // 3
 */
export function filterSettings(config: FilterSettings): FilterSettings {
  const keys = Object.keys(filterSettingsFields.shape) as (keyof FilterSettings)[];
  return Object.fromEntries(keys.map((key) => [key, config[key]])) as FilterSettings;
}

/**
 * Add the config's cross-field checks to a schema holding its fields: the history's start month before its end
 * month, the error naming both with their values (`--history-start-month "201811" must be before
 * --history-end-month "201703"`; a config file's keys, or in code `history_start_month "201811" ...`). The evening
 * hours have none: a first hour after the last wraps midnight.
 */
export function withConfigChecks<
  S extends z.ZodObject<{ history_start_month: MonthField; history_end_month: MonthField }>,
>(schema: S) {
  return schema.refine(
    (c) => c.history_start_month < c.history_end_month,
    crossFieldCheck(
      ["history_start_month", "history_end_month"],
      (start, end) => `${start} must be before ${end}`,
    ),
  );
}

/**
 * The tip-amount job's parameters: the guide's `TipAmountModelConfig` with the same names and defaults,
 * plus the seed, the model and its params, and where data comes from and goes to. Every field is a flag:
 * `history_start_month` is `--history-start-month`.
 */
export const TipAmountModelConfig = withConfigChecks(tipAmountModelFields);

/** The job's parameters, validated, defaults applied. */
export type TipAmountModelConfig = z.output<typeof TipAmountModelConfig>;

/** The guide's features, in its order. `total_amount` contains the tip and is never a feature. */
export const FEATURE_COLUMNS = [
  "passenger_count",
  "trip_distance",
  "rate_code",
  "payment_type",
  "fare_amount",
  "tolls_amount",
  "imp_surcharge",
  "month",
  "day_of_week",
  "day_of_month",
  "store_and_fwd_flag_is_N",
] as const;

/** What the model predicts. */
export const LABEL_COLUMN = "tip_amount";
