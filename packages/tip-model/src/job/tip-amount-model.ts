import type { Table, TraceEntry } from "@tablepipe/core";
import { pipe, step } from "@tablepipe/core";
import type { OutputFolder, ReadProgress, ReadReport, ReadTableOptions, RowSchema } from "@tablepipe/io";
import { describeRead, pipeFrom, readTableWithReport, readTraceEntry } from "@tablepipe/io";
import { Job } from "@tablepipe/job";
import {
  type FeatureImportance,
  type FittedRegressor,
  type ModelParams,
  type RegressionMetrics,
  regressionMetrics,
  trainTestSplit,
} from "@tablepipe/models";
import { dropMissing, sortRows } from "@tablepipe/transforms";
import type * as z from "zod";
import { FEATURE_COLUMNS, filterSettings, LABEL_COLUMN, TipAmountModelConfig } from "../config";
import {
  generateTripsPausing,
  generateZones,
  taxiTripAliases,
  taxiTripSchema,
  taxiZoneGeoAliases,
  taxiZoneGeoSchema,
} from "../data/index";
import { summarizeColumns } from "../report/column-summary";
import type { ReportFile, ReportRun } from "../report/types";
import { addFeatures } from "../steps/add-features";
import { filterData } from "../steps/filter-data";
import { tripRowGroupBounds } from "../steps/step-params";
import { PREPARED_ORDER } from "../steps/taxi-columns";
import { tipModelVersion } from "../version";
import { trainingMeanBaseline } from "./baseline";
import { inputPaths, resolveDataSources } from "./data-sources";
import { openJobOutputs, predictionsSchema, type TipModelMetrics, writeJobOutputs } from "./outputs";
import { regressorFor } from "./regressor";
import { zoneTableFindings } from "./zone-table-checks";

/** Too few prepared rows to train or to validate: a user error (filters or data), printed as one line by the CLI. */
export class TrainingDataError extends Error {
  override readonly name = "TrainingDataError";
  readonly userFacing = true as const;
}

/** Below this many training rows, `train()` warns that the model and its metrics are unreliable. */
export const MIN_TRAINING_ROWS = 100;
/** Below this many test rows, `train()` warns that the test metrics are unreliable. */
export const MIN_TEST_ROWS = 30;

/** The named tables the job keeps on the instance, as the guide's `self.sdfs`. */
export type TipModelTables = {
  taxi_trip_data: Table;
  taxi_zone_geo: Table;
  prepared_data: Table;
  training: Table;
  test: Table;
  predictions: Table;
};

/** Options that are not parameters of the model: hooks for the command line. */
export interface TipAmountModelOptions {
  /** Called while the source files are read (the CLI draws a progress bar with it). */
  onReadProgress?: (progress: ReadProgress) => void;
  /** How the job was started, for the report (the CLI passes its command line). */
  commandLine?: string;
  /**
   * Stops the job when aborted (the CLI passes the one `stopOnInterrupt` gives, which Ctrl-C aborts): at the
   * next stage boundary, between the steps of the transform, the batches of a streamed read and the output
   * files, or by interrupting the DuckDB or Spark query running; the stage logs where it stopped.
   */
  signal?: AbortSignal;
}

/**
 * The guide's `TipAmountModel`: `run()` is the table of contents — extract, transform, train, validate,
 * load — and each stage can be rerun alone after changing `job.config`; `trainModel` can be replaced on an
 * instance to try another model. Tables stay on `job.tables` for inspection.
 *
 * @example
 * const job = new TipAmountModel({ n_first_daily_rides_to_keep: 5 });
 * await job.run();
 * job.config.test_fraction = 0.01;
 * await job.train();
 * await job.validate();
 */
export class TipAmountModel extends Job<TipAmountModelConfig, TipModelTables> {
  /** The guide's features, in its order. */
  readonly featureCols: readonly string[] = FEATURE_COLUMNS;
  /** The label. */
  readonly labelCol: string = LABEL_COLUMN;
  /** The fitted model, after `train()`. */
  model: FittedRegressor<ModelParams> | undefined;
  /** Feature importances, sorted, after `validate()`. */
  importances: FeatureImportance[] | undefined;
  /** RMSE, MAE and R², after `validate()`. */
  metrics: TipModelMetrics | undefined;
  /** Row counts of the source tables as read (before any filter). */
  inputRows: Record<string, number> = {};
  /** Where the data came from, in words (for logs and the report). */
  dataDescription = "";
  /** Where `load()` wrote its outputs. */
  outputDir: string | undefined;
  /** The files `load()` wrote, with their sizes. */
  outputFiles: readonly ReportFile[] = [];
  /** Test metrics of predicting the training mean for every row, after `validate()`: what the model must beat. */
  baseline: RegressionMetrics | undefined;
  /** When `run()` started (for the report's run metadata). */
  private runStarted: { readonly at: Date; readonly ms: number } | undefined;
  /** The trip table `readDataset` read and its report: the funnel's `read` line when that table is transformed. */
  private tripsRead: { readonly table: Table; readonly report: ReadReport } | undefined;
  /** Hooks for the command line. */
  readonly options: TipAmountModelOptions;
  /**
   * The trip files `transform()` streams, after `extract({ streamTrips: true })` left them unread (the job
   * then never holds `taxi_trip_data` whole).
   */
  streamedTrips: string | undefined;

  /** A job with the guide's defaults, overridden by `config`. */
  constructor(config: z.input<typeof TipAmountModelConfig> = {}, options: TipAmountModelOptions = {}) {
    super(TipAmountModelConfig.parse(config), {
      loggerName: "tip-model",
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    this.options = options;
  }

  /**
   * The table of contents; first opens `output_dir` (checked, locked against a second run, leftovers swept), so
   * a bad one fails before the work.
   */
  async run(): Promise<void> {
    const out = await this.openOutputs();
    try {
      await this.extract({ streamTrips: this.config.stream_read });
      await this.transform();
      await this.train();
      await this.validate();
      await this.load(out);
    } finally {
      await out.close();
    }
  }

  /** Open `output_dir` for this job's outputs, logging the temporary files an interrupted run left and were removed. */
  async openOutputs(): Promise<OutputFolder> {
    this.runStarted = { at: new Date(), ms: performance.now() };
    const config = this.checkedConfig();
    // an interrupt stops the load between output files (each file is whole: its previous version or its new one)
    const out = await openJobOutputs(
      { ...config, inputs: inputPaths(config) },
      { beforeStep: (step) => (step === "write" ? this.checkpoint() : undefined) },
    );
    if (out.swept.length > 0) {
      this.log.info(`removed ${out.swept.length} temporary file(s) an interrupted run left in ${out.dir}`, {
        files: out.swept,
      });
    }
    return out;
  }

  /**
   * Read the trips and the zone table, or generate the built-in sample when no data is given. With
   * `streamTrips` (what `run()` does unless `stream_read` is false) trip files are not read here: `transform()`
   * reads them batch by batch, filtering each batch as it arrives, and `taxi_trip_data` is never kept whole.
   */
  extract(options: { streamTrips?: boolean } = {}): Promise<void> {
    return this.stage("extract", async () => {
      const config = this.checkedConfig();
      const sources = resolveDataSources(config);
      this.streamedTrips = undefined;
      if (sources === undefined) {
        this.tables.taxi_trip_data = await generateTripsPausing(
          { rows: config.sample_rows, seed: config.seed },
          () => this.checkpoint(),
        );
        this.tables.taxi_zone_geo = generateZones();
        this.dataDescription = `built-in sample: ${config.sample_rows} generated trips (seed ${config.seed})`;
        this.log.warn(
          `no data given (--data-dir, --trips, --zones): using the built-in generated sample, ${config.sample_rows} trips (seed ${config.seed})`,
        );
      } else {
        if (options.streamTrips === true || config.engine === "duckdb") {
          // streamed, or read by DuckDB itself: transform() reads the trip files
          this.tables.taxi_trip_data = undefined;
          this.streamedTrips = sources.trips;
        } else {
          this.tables.taxi_trip_data = await this.readDataset("taxi_trip_data", sources.trips);
        }
        this.tables.taxi_zone_geo = await this.readDataset("taxi_zone_geo", sources.zones);
        this.dataDescription = `trips: ${sources.trips}; zones: ${sources.zones}`;
      }
      for (const { level, message } of zoneTableFindings(this.table("taxi_zone_geo")))
        this.log[level](message);
      this.inputRows = {
        ...(this.streamedTrips === undefined
          ? { taxi_trip_data: this.table("taxi_trip_data").numRows() }
          : {}),
        taxi_zone_geo: this.table("taxi_zone_geo").numRows(),
      };
    });
  }

  /** How a source table is read: its schema, column aliases, invalid-value policy and progress hook. */
  readOptions<S extends RowSchema>(_schema: S, aliases: ReadTableOptions<S>["aliases"]): ReadTableOptions<S> {
    return {
      ...(aliases === undefined ? {} : { aliases }),
      onInvalid: this.config.drop_invalid_rows ? "drop" : "error",
      ...(this.options.onReadProgress ? { onProgress: this.options.onReadProgress } : {}),
      ...(this.signal === undefined ? {} : { signal: this.signal }),
    };
  }

  /** Read one source table through its schema and column aliases. */
  async readDataset(name: "taxi_trip_data" | "taxi_zone_geo", source: string): Promise<Table> {
    const { table, report } =
      name === "taxi_trip_data"
        ? await readTableWithReport(source, taxiTripSchema, this.readOptions(taxiTripSchema, taxiTripAliases))
        : await readTableWithReport(
            source,
            taxiZoneGeoSchema,
            this.readOptions(taxiZoneGeoSchema, taxiZoneGeoAliases),
          );
    if (name === "taxi_trip_data") this.tripsRead = { table, report };
    this.logRead(name, report);
    return table;
  }

  private logRead(name: string, report: ReadReport): void {
    const { summary, dropped, absent } = describeRead(report);
    this.log.info(`${name}: ${summary}`, { rows: report.rows, dropped: report.droppedRows });
    if (absent !== undefined) this.log.warn(`${name}: ${absent}`, { absentColumns: report.absentColumns });
    if (dropped !== undefined) {
      this.log.warn(`${name}: ${dropped}`, {
        droppedRows: report.droppedRows,
        invalidByColumn: report.invalidByColumn,
      });
    }
  }

  /**
   * The guide's `filter_data` then `add_features`, logged as a funnel; rows end in one canonical order.
   * When `extract` left the trip files to stream, they are read here through `pipeFrom`: the row-local
   * filters run on each batch as it is read, and the dedupe after them (the same result, on fewer rows).
   * With `engine: "duckdb"` the same pipe runs inside DuckDB, on the trip files DuckDB reads itself when they are
   * CSV or Parquet (readTable's aliases, layouts and `drop_invalid_rows`), else on the trips read whole by readTable.
   * With `engine: "spark"` it runs on Spark through Spark Connect, the trips shipped to it (see `transformOnSpark`).
   */
  transform(): Promise<void> {
    return this.stage("transform", async () => {
      const config = this.checkedConfig();
      const streamed = this.tables.taxi_trip_data === undefined ? this.streamedTrips : undefined;
      const trips = streamed === undefined ? this.table("taxi_trip_data") : undefined;
      const [filter, features, order] = [
        step(filterData, { zones: this.table("taxi_zone_geo"), ...filterSettings(config) }),
        step(addFeatures),
        step(sortRows, { by: PREPARED_ORDER }).as("sortRows"),
      ] as const;
      if (config.engine === "duckdb") {
        // loaded only when asked for: DuckDB's native module costs the in-process runs nothing
        const { placementLine, transformOnDuckDb, tripFilesOnDuckDb } = await import("./duckdb-transform");
        const onInvalid = config.drop_invalid_rows ? "drop" : "error";
        const files = streamed === undefined ? undefined : await tripFilesOnDuckDb(streamed, onInvalid);
        const source = files?.table ?? trips ?? (await this.readStreamedWhole(streamed as string));
        const pipeline = pipe(source).step(filter).step(features).step(order);
        // a streamed read runs in process as a source pipe, whose plan moves the dedupe after the row-local
        // filters: the same plan (and funnel) on DuckDB
        const settings = { ...config, ...(this.signal === undefined ? {} : { signal: this.signal }) };
        const result = await transformOnDuckDb(pipeline, settings, files, streamed !== undefined);
        const readLine = result.read === undefined ? this.readLine(source) : [readTraceEntry(result.read)];
        this.keepTrace("transform", [...readLine, ...result.trace]);
        if (result.read !== undefined) {
          this.logRead("taxi_trip_data", result.read);
          this.inputRows = { taxi_trip_data: result.read.rows, ...this.inputRows };
        }
        this.log.info(placementLine(result.placement, result.readBy));
        this.tables.prepared_data = result.table;
        return;
      }
      if (config.engine === "spark") {
        // loaded only when asked for, as DuckDB is
        const { sparkPlacementLine, transformOnSpark } = await import("./spark-transform");
        const source = trips ?? (await this.readStreamedWhole(streamed as string));
        const pipeline = pipe(source).step(filter).step(features).step(order);
        const result = await this.runSourcePipe("transform", {
          run: () => transformOnSpark(pipeline, config.spark_remote, this.signal),
        });
        this.log.info(sparkPlacementLine(result.placement));
        this.tables.prepared_data = result.table;
        return;
      }
      if (streamed !== undefined) {
        // Parquet row groups wholly outside limitHistory's months are skipped unread (its filter still runs)
        const options = this.readOptions(taxiTripSchema, taxiTripAliases);
        const source = pipeFrom(streamed, taxiTripSchema, {
          ...options,
          rowGroupBounds: tripRowGroupBounds(config),
        });
        const { table, report } = await this.runSourcePipe(
          "transform",
          source.step(filter).step(features).step(order),
        );
        this.logRead("taxi_trip_data", report);
        this.inputRows = { taxi_trip_data: report.rows, ...this.inputRows };
        this.tables.prepared_data = table;
        return;
      }
      const { table, trace } = await pipe(trips as Table)
        .step(filter)
        .step(features)
        .step(order)
        .runStepwise(() => this.checkpoint());
      this.keepTrace("transform", [...this.readLine(trips as Table), ...trace]);
      this.tables.prepared_data = table;
    });
  }

  /** The funnel's `read` line for `trips` when `readDataset` read them (a streamed run's funnel starts so too). */
  private readLine(trips: Table): TraceEntry[] {
    return this.tripsRead?.table === trips ? [readTraceEntry(this.tripsRead.report)] : [];
  }

  /** Read the trip files `extract` left to stream, whole (the DuckDB engine loads one table), counting their rows. */
  private async readStreamedWhole(files: string): Promise<Table> {
    const trips = await this.readDataset("taxi_trip_data", files);
    this.inputRows = { taxi_trip_data: trips.numRows(), ...this.inputRows };
    return trips;
  }

  /** The pipe's whole trace, as the report's funnel shows it: the transform's steps, then training's. */
  private reportFunnel(): TraceEntry[] {
    return [...(this.traces.transform ?? []), ...(this.traces.train ?? [])];
  }

  /** Split the prepared rows (seeded) and fit the model with `trainModel()`. */
  train(): Promise<void> {
    return this.stage("train", async () => {
      const config = this.checkedConfig();
      const modelColumns: readonly string[] = [...this.featureCols, this.labelCol];
      const usable = await this.runPipe(
        "train",
        pipe(this.table("prepared_data")).transform(dropMissing, { columns: modelColumns }),
      );
      const { training, test } = trainTestSplit(usable, {
        testFraction: config.test_fraction,
        seed: config.seed,
      });
      if (training.numRows() === 0) {
        throw new TrainingDataError(
          usable.numRows() === 0
            ? "no training rows: the filters left no usable prepared rows; relax the filters or add data"
            : `no training rows: test_fraction ${config.test_fraction} put all ${usable.numRows()} usable prepared rows in the test set; lower test_fraction`,
        );
      }
      if (test.numRows() === 0) {
        throw new TrainingDataError(
          `no test rows: test_fraction ${config.test_fraction} of ${usable.numRows()} usable prepared rows put none in the test set; raise test_fraction or add data`,
        );
      }
      if (training.numRows() < MIN_TRAINING_ROWS || test.numRows() < MIN_TEST_ROWS) {
        this.log.warn(
          `few rows to learn from: ${training.numRows()} training rows (minimum ${MIN_TRAINING_ROWS}), ${test.numRows()} test rows (minimum ${MIN_TEST_ROWS}); the metrics will be unreliable`,
          { training: training.numRows(), test: test.numRows() },
        );
      }
      this.tables.training = training;
      this.tables.test = test;
      this.model = this.trainModel();
      this.log.info(`trained ${this.model.name} on ${training.numRows()} rows`, { ...this.model.params });
    });
  }

  /** Fit the configured regressor on `training`. Replace it on an instance to try another model. */
  trainModel(): FittedRegressor<ModelParams> {
    return regressorFor(this.config).fit(this.table("training"), {
      features: this.featureCols,
      label: this.labelCol,
    });
  }

  /**
   * Feature importances, then RMSE, MAE and R² on training and test; logged and kept on the job.
   */
  validate(): Promise<void> {
    return this.stage("validate", () => {
      const model = this.fittedModel();
      this.importances = model.featureImportances();
      for (const { feature, importance } of this.importances) {
        this.log.info(`importance ${feature.padEnd(24)} ${importance.toFixed(4)}`);
      }
      this.tables.predictions = model.withPredictions(this.table("test"));
      this.metrics = {
        training: regressionMetrics(model.withPredictions(this.table("training")), { label: this.labelCol }),
        test: regressionMetrics(this.table("predictions"), { label: this.labelCol }),
      };
      this.baseline = trainingMeanBaseline(this.table("training"), this.table("test"), this.labelCol);
      for (const [set, m] of Object.entries(this.metrics)) {
        this.log.info(
          `${set.padEnd(8)} RMSE ${m.rmse.toFixed(4)}  MAE ${m.mae.toFixed(4)}  R² ${m.r2.toFixed(4)}  (${m.count} rows)`,
        );
      }
    });
  }

  /**
   * Write model.json, metrics.json, predictions.csv and report.html to `output_dir` (or the open folder `out`),
   * each file atomically; files tablepipe did not write are never touched.
   */
  load(out?: OutputFolder): Promise<void> {
    return this.stage("load", async () => {
      const metrics = this.metrics;
      const importances = this.importances;
      if (metrics === undefined || importances === undefined)
        throw new Error("no metrics yet: run validate() first");
      const folder = out ?? (await this.openOutputs());
      try {
        const written = await writeJobOutputs(
          {
            config: this.config,
            model: this.fittedModel(),
            metrics,
            importances,
            predictions: this.table("predictions"),
            labelColumn: this.labelCol,
            rows: {
              input: this.inputRows,
              prepared: this.table("prepared_data").numRows(),
              training: this.table("training").numRows(),
              test: this.table("test").numRows(),
            },
            dataDescription: this.dataDescription,
            funnel: this.reportFunnel(),
            ...(this.baseline === undefined ? {} : { baseline: this.baseline }),
            run: this.runFacts(),
            columns: summarizeColumns(this.table("prepared_data"), predictionsSchema),
          },
          folder,
        );
        this.outputDir = written.dir;
        this.outputFiles = written.files;
      } finally {
        if (out === undefined) await folder.close();
      }
      this.log.info(`wrote ${this.outputDir}`);
    });
  }

  /** When and how this run happened, for the report. */
  private runFacts(): ReportRun {
    const started = this.runStarted ?? { at: new Date(), ms: performance.now() };
    return {
      startedAt: `${started.at.toISOString().slice(0, 19).replace("T", " ")} UTC`,
      durationMs: performance.now() - started.ms,
      version: tipModelVersion(),
      commandLine: this.options.commandLine ?? "new TipAmountModel(config).run()",
      inputs: this.inputRows,
    };
  }

  /** The model, or an error saying to train first. */
  fittedModel(): FittedRegressor<ModelParams> {
    if (this.model === undefined) throw new Error("no model yet: run train() first");
    return this.model;
  }

  /**
   * The config, validated again (a REPL may have changed a field), with the field named on error; a cross-field
   * check's message names its fields itself (`config: history_start_month "201811" must be before ...`).
   */
  private checkedConfig(): TipAmountModelConfig {
    const result = TipAmountModelConfig.safeParse(this.config);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue?.code === "custom" ? "config" : `config.${issue?.path.join(".") ?? ""}`;
      throw new Error(`${where}: ${issue?.message ?? "invalid"}`);
    }
    this.config = result.data;
    return this.config;
  }
}
