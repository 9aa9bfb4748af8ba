import { configureLogging, resetLogging } from "@tablepipe/job";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coreExample } from "../src/core";
import { duckdbExample } from "../src/duckdb";
import { ioExample } from "../src/io";
import { jobExample } from "../src/job";
import { modelsExample } from "../src/models";
import { sqlExample } from "../src/sql";
import { testingExample } from "../src/testing";
import { tipModelExample } from "../src/tip-model";
import { transformsExample } from "../src/transforms";

/** The package READMEs' examples (the files in src/) do what their comments say. */
describe("the package READMEs' examples", () => {
  beforeAll(() => configureLogging({ level: "warn" }));
  afterAll(() => resetLogging());

  it("core: a transform in a pipe, with its trace", () => {
    expect(coreExample()).toEqual({ rows: 2, trace: ["keepAbove 3 → 2"] });
  });

  it("io: a typed write and read, and the read's report as a log line", async () => {
    const { rows, first, log } = await ioExample();
    expect({ rows, first }).toEqual({ rows: 2, first: "2024-01-15T09:30:00" });
    expect(log).toMatch(/^read 2 rows from \S+orders\.csv in [\d,]+ ms$/);
  });

  it("job: a config schema as flags, and a job's stages", async () => {
    expect(await jobExample(["--min-amount", "12"])).toBe(2);
    expect(await jobExample([])).toBe(2);
    expect(await jobExample(["--min-amount", "50"])).toBe(0);
    expect(await jobExample(["--help"])).toContain("--min-amount <number>");
  });

  it("transforms: months after 201703, evening hours, date parts", () => {
    expect(transformsExample()).toEqual([
      { pickup_datetime: Date.UTC(2018, 1, 4, 18), month: 2, day_of_week: 1, day_of_month: 4 },
    ]);
  });

  it("models: a seeded forest and its metrics", () => {
    const metrics = modelsExample();
    expect(metrics.count).toBeGreaterThan(20);
    expect(metrics.r2).toBeGreaterThan(0.9);
  });

  it("duckdb: the same pipe run inside DuckDB, with its trace and where each step ran", async () => {
    expect(await duckdbExample()).toEqual({
      ids: [1, 3],
      trace: ["dropDuplicates 4 → 3", "filter 3 → 2"],
      engines: ["duckdb", "duckdb"],
    });
  });

  it("sql: a pipe as one query, a CTE per step", () => {
    const sql = sqlExample();
    expect(sql).toMatch(/^WITH\n"source" AS \(/);
    expect(sql.indexOf('"dropDuplicates" AS (')).toBeLessThan(sql.indexOf('"sortRows(id)" AS ('));
    // the last step's sort is the query's own ORDER BY: its keys, every other column, then the row order
    expect(sql).toMatch(
      /SELECT "id", "amount" FROM "sortRows\(id\)"\nORDER BY greatest\("id", "id"\) ASC NULLS FIRST, greatest\("amount", "amount"\) ASC NULLS FIRST, "__tablepipe_row"$/,
    );
  });

  it("testing: row factories and table assertions", () => {
    expect(testingExample).not.toThrow();
  });

  it("tip-model: the job on the built-in sample", async () => {
    const { model, test, prepared } = await tipModelExample();
    expect(model).toBe("randomForest");
    expect(prepared).toBeGreaterThan(1000);
    expect(test?.rmse).toBeGreaterThan(0);
  });
});
