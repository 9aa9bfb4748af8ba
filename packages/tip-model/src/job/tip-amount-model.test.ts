import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { schemaOf, typedTable } from "@tablepipe/core";
import { MANIFEST_FILE, OutputPathError, readTable } from "@tablepipe/io";
import { configureLogging, resetLogging } from "@tablepipe/job";
import { gradientBoostedTrees, linearRegression, loadModel } from "@tablepipe/models";
import { assertTablesEqual } from "@tablepipe/testing";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FEATURE_COLUMNS, LABEL_COLUMN } from "../config";
import { checkOutputDir, OUTPUT_FILES, predictionsSchema } from "./outputs";
import { TipAmountModel } from "./tip-amount-model";

/** Small enough to keep the file fast, large enough for every filter and both sets to hold rows. */
const SAMPLE_ROWS = 12_000;

let root: string;
let logLines: string[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "tip-model-job-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});
beforeEach(() => {
  logLines = [];
  configureLogging({
    stream: { write: (chunk: string) => logLines.push(...chunk.trimEnd().split("\n")) },
    color: false,
  });
});
afterEach(() => resetLogging());

/** Extract, transform, train and validate (no files written). */
async function trained(
  config: ConstructorParameters<typeof TipAmountModel>[0] = {},
): Promise<TipAmountModel> {
  const job = new TipAmountModel({ sample_rows: SAMPLE_ROWS, ...config });
  await job.extract();
  await job.transform();
  await job.train();
  await job.validate();
  return job;
}

const stages = (job: TipAmountModel): string[] => job.history.map((run) => run.stage);

/** The rows train() kept after dropping rows with a missing feature or label. */
function usableRows(job: TipAmountModel): number {
  const last = job.traces.train?.at(-1);
  if (last === undefined) throw new Error("no train trace");
  return last.rowsOut;
}

describe("TipAmountModel end to end on the generated sample", () => {
  let job: TipAmountModel;
  let out: string;

  beforeAll(async () => {
    configureLogging({ stream: { write: () => undefined } });
    out = join(root, "e2e", "out");
    job = new TipAmountModel({ sample_rows: SAMPLE_ROWS, output_dir: out });
    await job.run();
    resetLogging();
  });

  it("runs the five stages in order, each once", () => {
    expect(stages(job)).toEqual(["extract", "transform", "train", "validate", "load"]);
    expect(job.outputDir).toBe(out);
    expect(job.table("taxi_trip_data").numRows()).toBe(SAMPLE_ROWS);
    const prepared = job.table("prepared_data").numRows();
    expect(prepared).toBeGreaterThan(1_000);
    expect(prepared).toBeLessThan(SAMPLE_ROWS);
    expect(job.table("training").numRows() + job.table("test").numRows()).toBe(usableRows(job));
    expect(job.table("predictions").numRows()).toBe(job.table("test").numRows());
  });

  it("writes exactly the four output files, and no temporary folder beside them", async () => {
    expect((await readdir(out)).sort()).toEqual([MANIFEST_FILE, ...Object.values(OUTPUT_FILES)].sort());
    expect(await readdir(join(root, "e2e"))).toEqual(["out"]);
  });

  it("model.json holds the model type, params, features, fitted model, config and input row counts", async () => {
    const model = JSON.parse(await readFile(join(out, OUTPUT_FILES.model), "utf8"));
    expect(model.model).toBe("randomForest");
    expect(model.params).toMatchObject({
      numTrees: 10,
      maxDepth: 4,
      featureSubset: "auto",
      bootstrap: true,
      seed: 42,
    });
    expect(model.features).toEqual([...FEATURE_COLUMNS]);
    expect(model.features).not.toContain("total_amount");
    expect(model.label).toBe(LABEL_COLUMN);
    expect(model.fitted).toMatchObject({ model: "randomForest", features: [...FEATURE_COLUMNS] });
    expect(model.config).toEqual(JSON.parse(JSON.stringify(job.config)));
    expect(model.config).toMatchObject({ history_start_month: "201703", test_fraction: 0.2, seed: 42 });
    expect(model.rows).toEqual({
      input: { taxi_trip_data: SAMPLE_ROWS, taxi_zone_geo: job.table("taxi_zone_geo").numRows() },
      prepared: job.table("prepared_data").numRows(),
      training: job.table("training").numRows(),
      test: job.table("test").numRows(),
    });
  });

  it("metrics.json holds RMSE, MAE and R² on training and test, and the importances", async () => {
    const metrics = JSON.parse(await readFile(join(out, OUTPUT_FILES.metrics), "utf8"));
    for (const set of ["training", "test"] as const) {
      const m = metrics[set];
      expect(m).toEqual(job.metrics?.[set]);
      expect(m.rmse).toBeGreaterThan(0);
      expect(m.mae).toBeGreaterThan(0);
      expect(m.mae).toBeLessThanOrEqual(m.rmse);
      expect(m.r2).toBeGreaterThan(0);
      expect(m.r2).toBeLessThan(1);
    }
    expect(metrics.test.count).toBe(job.table("test").numRows());
    expect(metrics.training.count).toBe(job.table("training").numRows());
    const importances: { feature: string; importance: number }[] = metrics.feature_importances;
    expect(importances.map((i) => i.feature).sort()).toEqual([...FEATURE_COLUMNS].sort());
    expect(importances.reduce((sum, i) => sum + i.importance, 0)).toBeCloseTo(1, 9);
  });

  it("predictions.csv has the test rows, their features and a prediction column", async () => {
    const predictions = await readTable(join(out, OUTPUT_FILES.predictions), predictionsSchema);
    expect(predictions.numRows()).toBe(job.table("test").numRows());
    expect(predictions.columnNames()).toEqual(Object.keys(predictionsSchema.shape));
    expect(predictions.columnNames()).toEqual([...job.table("test").columnNames(), "prediction"]);
    expect(Array.from(predictions.array(LABEL_COLUMN) as ArrayLike<number>)).toEqual(
      Array.from(job.table("test").array(LABEL_COLUMN) as ArrayLike<number>),
    );
  });

  it("the model reloaded from model.json predicts exactly what the job predicted", async () => {
    const model = JSON.parse(await readFile(join(out, OUTPUT_FILES.model), "utf8"));
    const reloaded = loadModel(model.fitted);
    expect(reloaded.name).toBe("randomForest");
    const predictions = await readTable(join(out, OUTPUT_FILES.predictions), predictionsSchema);
    const written = Array.from(predictions.array("prediction") as ArrayLike<number>);
    expect(Array.from(reloaded.predict(predictions))).toEqual(written);
    expect(Array.from(job.table("predictions").array("prediction") as ArrayLike<number>)).toEqual(written);
    expect(new Set(written).size).toBeGreaterThan(10);
  });

  it("report.html is a complete page", async () => {
    const html = await readFile(join(out, OUTPUT_FILES.report), "utf8");
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
    expect(html).toContain("randomForest");
    expect(html).toContain("<svg");
  });
});

describe("outputs that cannot be written", () => {
  it("run() checks output_dir before any work: a path under a file fails with nothing read or written", async () => {
    const dir = join(root, "blocked-run");
    await mkdir(dir);
    await writeFile(join(dir, "file"), "x");
    const job = new TipAmountModel({ sample_rows: 1_000, output_dir: join(dir, "file", "out") });
    await expect(job.run()).rejects.toThrow(OutputPathError);
    await expect(job.run()).rejects.toThrow(
      `cannot write --output-dir ${join(dir, "file", "out")}: ${join(dir, "file")} is not a folder`,
    );
    expect(job.history).toEqual([]);
    expect(await readdir(dir)).toEqual(["file"]);
  });

  it("checkOutputDir accepts a new folder (creating nothing) and an existing one", async () => {
    const dir = join(root, "check");
    await checkOutputDir({ output_dir: join(dir, "a", "b", "c") });
    expect(existsSync(dir)).toBe(false);
    await mkdir(dir);
    await checkOutputDir({ output_dir: dir });
    await expect(checkOutputDir({ output_dir: join(dir, "..", "check", "x") })).resolves.toBeUndefined();
    await expect(checkOutputDir({ output_dir: root, inputs: [dir] })).rejects.toThrow(
      `--output-dir ${root} holds the input ${dir}: writing there could replace your data; choose another folder`,
    );
  });

  it("load() that fails at the end (folder blocked after the check) names it and leaves the file in the way as it was", async () => {
    const dir = join(root, "blocked-load");
    await mkdir(dir);
    const job = await trained({ sample_rows: 2_000, output_dir: join(dir, "out") });
    await writeFile(join(dir, "out"), "someone else's file");
    await expect(job.load()).rejects.toThrow(
      `cannot write --output-dir ${join(dir, "out")}: it is a file, not a folder`,
    );
    expect(await readdir(dir)).toEqual(["out"]);
    expect(await readFile(join(dir, "out"), "utf8")).toBe("someone else's file");
    expect(job.outputDir).toBeUndefined();
  });
});

describe("logging", () => {
  it("logs each stage, the funnel of filterData's steps, the importances and the metrics", async () => {
    await trained();
    const text = logLines.join("\n");
    for (const stage of ["extract", "transform", "train", "validate"]) {
      expect(text).toMatch(new RegExp(`INFO tip-model: ${stage}: done in [\\d.]+ m?s`));
    }
    expect(text).toMatch(
      /INFO tip-model: extract: done in .* \(taxi_trip_data 12,000 rows, taxi_zone_geo 263 rows\)/,
    );
    for (const step of [
      "dropDuplicates",
      "limitHistory",
      "keepEveningRides",
      "excludeAirports\\(pickup_location_id\\)",
      "excludeAirports\\(dropoff_location_id\\)",
      "firstNDaily",
      "addFeatures",
    ]) {
      expect(text).toMatch(new RegExp(`tip-model: +${step} +[\\d,]+ → +[\\d,]+`));
    }
    expect(text).toMatch(/importance payment_type +0\.\d{4}/);
    expect(text).toMatch(/test +RMSE \d+\.\d{4} {2}MAE \d+\.\d{4} {2}R² -?\d\.\d{4} {2}\(\d+ rows\)/);
  });
});

/** More rows than the generation makes between two pauses (262,144): it pauses twice. */
const INTERRUPTED_ROWS = 600_000;

/** The job, counting its checkpoints; `abortAt`: the checkpoint at which the run is interrupted. */
class CountingJob extends TipAmountModel {
  checkpoints = 0;

  constructor(
    private readonly controller: AbortController,
    private readonly abortAt = Number.POSITIVE_INFINITY,
  ) {
    super({ sample_rows: INTERRUPTED_ROWS, seed: 3 }, { signal: controller.signal });
  }

  protected override async checkpoint(): Promise<void> {
    this.checkpoints++;
    if (this.checkpoints === this.abortAt) this.controller.abort(new Error("interrupted by SIGINT"));
    await super.checkpoint();
  }
}

describe("extract on the generated sample", () => {
  it("checks for an interrupt while it generates the trips, not only on entry and exit", async () => {
    const job = new CountingJob(new AbortController());
    await job.extract();
    expect(job.table("taxi_trip_data").numRows()).toBe(INTERRUPTED_ROWS);
    expect(job.checkpoints).toBe(4); // entry, two pauses of the generation, exit
  });

  it("stops at the first pause once interrupted, keeping no trips", async () => {
    const job = new CountingJob(new AbortController(), 2);
    await expect(job.extract()).rejects.toThrow("interrupted by SIGINT");
    expect(job.checkpoints).toBe(2);
    expect(() => job.table("taxi_trip_data")).toThrow(/does not exist yet/);
    expect(logLines.join("\n")).toMatch(/extract: stopped after [\d.]+ m?s: interrupted by SIGINT/);
  });
});

describe("the guide's experiments (Stage 2.4.2)", () => {
  it("parameter tuning: a new test_fraction reruns train and validate only, and the sizes follow", async () => {
    const job = await trained();
    const usable = usableRows(job);
    const before = { training: job.table("training").numRows(), test: job.table("test").numRows() };
    const prepared = job.table("prepared_data");
    expect(before.test / usable).toBeGreaterThan(0.17);
    expect(before.test / usable).toBeLessThan(0.23);

    job.config.test_fraction = 0.5;
    await job.train();
    await job.validate();
    expect(stages(job)).toEqual(["extract", "transform", "train", "validate", "train", "validate"]);
    expect(job.table("prepared_data")).toBe(prepared);
    const half = job.table("test").numRows();
    expect(half + job.table("training").numRows()).toBe(usable);
    expect(half / usable).toBeGreaterThan(0.47);
    expect(half / usable).toBeLessThan(0.53);
    expect(job.metrics?.test.count).toBe(half);

    job.config.test_fraction = 0.01;
    await job.train();
    await job.validate();
    const small = job.table("test").numRows();
    expect(small).toBeGreaterThan(0);
    expect(small / usable).toBeLessThan(0.02);
    expect(job.table("training").numRows()).toBe(usable - small);
    expect(job.table("predictions").numRows()).toBe(small);
    expect(stages(job).filter((stage) => stage === "extract" || stage === "transform")).toEqual([
      "extract",
      "transform",
    ]);
  });

  it("parameter tuning: an invalid value set from a REPL fails the stage naming the field", async () => {
    const job = await trained();
    job.config.test_fraction = 1.5;
    await expect(job.train()).rejects.toThrow(/^config\.test_fraction: /);
  });

  it("swapped history months, in the constructor or set from a REPL, name both fields with their values", async () => {
    const swapped = { history_start_month: "201811", history_end_month: "201703" };
    const message = 'history_start_month "201811" must be before history_end_month "201703"';
    expect(() => new TipAmountModel(swapped)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ message })] }),
    );
    const job = new TipAmountModel({ sample_rows: SAMPLE_ROWS });
    Object.assign(job.config, swapped);
    await expect(job.extract()).rejects.toThrow(new Error(`config: ${message}`));
  });

  it("local prototyping: a replaced trainModel (gradient-boosted trees) is used by train and validate", async () => {
    const job = await trained();
    const forest = { name: job.fittedModel().name, metrics: job.metrics };
    expect(forest.name).toBe("randomForest");

    job.trainModel = function (this: TipAmountModel) {
      return gradientBoostedTrees({ stepSize: 0.1, maxDepth: 4, seed: 42 }).fit(this.table("training"), {
        features: this.featureCols,
        label: this.labelCol,
      });
    };
    await job.train();
    await job.validate();
    expect(job.model?.name).toBe("gradientBoostedTrees");
    expect(job.metrics).toBeDefined();
    expect(job.metrics).not.toEqual(forest.metrics);
    expect(job.metrics?.test.count).toBe(forest.metrics?.test.count);
    expect(stages(job)).toEqual(["extract", "transform", "train", "validate", "train", "validate"]);
    expect(logLines.join("\n")).toMatch(/trained gradientBoostedTrees on \d+ rows/);

    job.trainModel = () =>
      linearRegression().fit(job.table("training"), { features: job.featureCols, label: job.labelCol });
    await job.train();
    await job.validate();
    expect(job.model?.name).toBe("linearRegression");
    expect(job.importances?.map((i) => i.feature).sort()).toEqual([...FEATURE_COLUMNS].sort());
  });

  it("the same experiment through the config: --model gbt and --model linear", async () => {
    const gbt = await trained({ model: "gbt" });
    expect(gbt.fittedModel().name).toBe("gradientBoostedTrees");
    expect(gbt.fittedModel().params).toMatchObject({ maxIter: 20, stepSize: 0.1, maxDepth: 4, seed: 42 });
    const linear = await trained({ model: "linear" });
    expect(linear.fittedModel().name).toBe("linearRegression");
    expect(linear.metrics?.test).not.toEqual(gbt.metrics?.test);
  });
});

describe("determinism", () => {
  it("two runs with the same config give identical metrics, model JSON and output files", async () => {
    const run = async (name: string) => {
      const dir = join(root, "same", name);
      const job = new TipAmountModel({ sample_rows: 6_000, output_dir: dir });
      await job.run();
      const files = [
        await readFile(join(dir, OUTPUT_FILES.metrics), "utf8"),
        await readFile(join(dir, OUTPUT_FILES.predictions), "utf8"),
      ];
      const model = JSON.parse(await readFile(join(dir, OUTPUT_FILES.model), "utf8"));
      return { job, files, model };
    };
    const a = await run("a");
    const b = await run("b");
    expect(b.job.metrics).toEqual(a.job.metrics);
    expect(b.job.importances).toEqual(a.job.importances);
    expect(JSON.stringify(b.job.fittedModel().toJSON())).toBe(JSON.stringify(a.job.fittedModel().toJSON()));
    expect(b.files).toEqual(a.files);
    expect({ ...b.model, config: undefined }).toEqual({ ...a.model, config: undefined });
  });

  it("another seed gives another split and model", async () => {
    const a = await trained({ sample_rows: 6_000 });
    const b = await trained({ sample_rows: 6_000, seed: 7 });
    expect(b.metrics).not.toEqual(a.metrics);
  });

  it("does not depend on the input row order: shuffled trips give the same prepared data and model", async () => {
    const reference = await trained({ sample_rows: 6_000 });

    const shuffled = new TipAmountModel({ sample_rows: 6_000 });
    await shuffled.extract();
    const trips = shuffled.table("taxi_trip_data");
    const order = seededPermutation(trips.numRows(), 2024);
    expect(order.slice(0, 5)).not.toEqual([0, 1, 2, 3, 4]);
    // an arquero reify gives a plain table: it keeps the read's schema (time stamps) through typedTable
    shuffled.tables.taxi_trip_data = typedTable(trips.reify(order), schemaOf(trips));
    expect(shuffled.table("taxi_trip_data").objects({ limit: 3 })).not.toEqual(
      reference.table("taxi_trip_data").objects({ limit: 3 }),
    );
    await shuffled.transform();
    await shuffled.train();
    await shuffled.validate();

    assertTablesEqual(shuffled.table("prepared_data"), reference.table("prepared_data"));
    expect(JSON.stringify(shuffled.fittedModel().toJSON())).toBe(
      JSON.stringify(reference.fittedModel().toJSON()),
    );
    expect(shuffled.metrics).toEqual(reference.metrics);
  });
});

/** A seeded Fisher-Yates shuffle of 0..n-1 (mulberry32), so the test shuffles the same way every run. */
function seededPermutation(n: number, seed: number): number[] {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}
