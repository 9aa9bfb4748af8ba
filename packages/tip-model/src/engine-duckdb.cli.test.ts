import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readTableWithReport, writeTable } from "@tablepipe/io";
import { resetLogging } from "@tablepipe/job";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTipModelCli } from "./commands";
import { taxiTripSchema } from "./data/index";
import { OUTPUT_FILES } from "./job/outputs";

// `--engine duckdb` against the in-process engine: the same prepared table, byte for byte, and the same
// model outputs. The test command runs this file under TZ=America/New_York and TZ=Asia/Kolkata.

let root: string;
let data: string;

async function cli(...argv: string[]): Promise<{ code: number; out: string; log: string }> {
  const chunks = { out: [] as string[], err: [] as string[] };
  const stream = (into: string[]) => ({ write: (c: string) => into.push(c) > 0 });
  const code = await runTipModelCli(argv, { stdout: stream(chunks.out), stderr: stream(chunks.err) });
  resetLogging();
  return { code, out: chunks.out.join(""), log: chunks.err.join("") };
}

/**
 * Run `prepare` on both engines with the same flags (and `duckdbFlags` on DuckDB only: the in-process run
 * refuses them); returns both files' text and the DuckDB run's log.
 */
async function prepareBoth(name: string, flags: string[], duckdbFlags: string[] = []) {
  const files = { inProcess: join(root, `${name}-in-process.csv`), duckdb: join(root, `${name}-duckdb.csv`) };
  const reference = await cli("prepare", ...flags, "--out", files.inProcess);
  const duckdb = await cli("prepare", ...flags, "--engine", "duckdb", ...duckdbFlags, "--out", files.duckdb);
  expect([reference.code, duckdb.code]).toEqual([0, 0]);
  return {
    inProcess: await readFile(files.inProcess, "utf8"),
    duckdb: await readFile(files.duckdb, "utf8"),
    log: duckdb.log,
  };
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "tip-model-duckdb-"));
  data = join(root, "data");
  expect((await cli("sample", "--rows", "4000", "--seed", "11", "--out", data)).code).toBe(0);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("tip-model prepare --engine duckdb", () => {
  it("writes the in-process prepared table, byte for byte, on the generated sample", async () => {
    const { inProcess, duckdb, log } = await prepareBoth("generated", [
      "--sample-rows",
      "5000",
      "--seed",
      "5",
    ]);
    expect(inProcess.split("\n").length).toBeGreaterThan(100);
    expect(duckdb).toBe(inProcess);
    expect(log).toContain("in DuckDB: filterData > dropDuplicates, ");
    expect(log).toContain("addFeatures > encodeFlag, sortRows; in process: none");
  });

  it("writes the in-process prepared table from trip files (DuckDB reads them itself)", async () => {
    const { inProcess, duckdb, log } = await prepareBoth(
      "files",
      ["--data-dir", data],
      ["--duckdb-memory-limit", "1GB"],
    );
    expect(inProcess.split("\n").length).toBeGreaterThan(100);
    expect(duckdb).toBe(inProcess);
    expect(log).toContain("taxi_trip_data: ");
    expect(log).toMatch(/taxi_trip_data: .*4,000 rows/);
    // the prepared table ends sorted on every column: its rows do not depend on the files' order, so DuckDB
    // streams them through the query without numbering them
    expect(log).toContain("trip files streamed through the query");
    // trip files are a streamed read in process, whose plan runs the dedupe after the row-local filters
    expect(log).toContain("in DuckDB: filterData > limitHistory, ");
  });

  it("writes the in-process prepared table from Parquet trip files, which DuckDB streams itself", async () => {
    const parquetDir = join(root, "parquet-data");
    await mkdir(parquetDir);
    const { table } = await readTableWithReport(join(data, "taxi_trip_data.csv"), taxiTripSchema);
    await writeTable(table, join(parquetDir, "taxi_trip_data.parquet"), { schema: taxiTripSchema });
    await writeFile(join(parquetDir, "taxi_zone_geo.csv"), await readFile(join(data, "taxi_zone_geo.csv")));
    const { inProcess, duckdb, log } = await prepareBoth("parquet", ["--data-dir", parquetDir]);
    expect(inProcess.split("\n").length).toBeGreaterThan(100);
    expect(duckdb).toBe(inProcess);
    expect(log).toMatch(/taxi_trip_data: .*4,000 rows/);
    expect(log).toContain("trip files streamed through the query");
  });

  it("reads the trip files into a table with the first filters when asked, with the same prepared table and read", async () => {
    const { inProcess, duckdb, log } = await prepareBoth(
      "table",
      ["--data-dir", data],
      ["--duckdb-read", "table"],
    );
    expect(duckdb).toBe(inProcess);
    expect(log).toMatch(/taxi_trip_data: .*4,000 rows/);
    expect(log).toContain("trip files read with the first filters into a table");
  });

  it("names an invalid value in the trip files as readTable does, or drops and counts it", async () => {
    const bad = join(root, "bad-data");
    await mkdir(bad);
    const lines = (await readFile(join(data, "taxi_trip_data.csv"), "utf8")).split("\n");
    const cells = (lines[5] as string).split(",");
    cells[1] = "2018-02-30 10:00:00"; // no such day
    lines[5] = cells.join(",");
    await writeFile(join(bad, "taxi_trip_data.csv"), lines.join("\n"));
    await writeFile(join(bad, "taxi_zone_geo.csv"), await readFile(join(data, "taxi_zone_geo.csv"), "utf8"));
    const failed = [];
    for (const engine of [[], ["--engine", "duckdb"]]) {
      // one after the other: both write into the same folder, which one run at a time may hold
      failed.push(
        await cli("prepare", "--data-dir", bad, ...engine, "--out", join(root, `bad-${engine.length}.csv`)),
      );
    }
    expect(failed.map((r) => r.code)).toEqual([1, 1]);
    const named =
      /taxi_trip_data\.csv line 6, column pickup_datetime: cannot parse "2018-02-30 10:00:00" as a timestamp/;
    expect(failed[0]?.log).toMatch(named);
    expect(failed[1]?.log).toMatch(named);
    const dropped = await prepareBoth("dropped", ["--data-dir", bad, "--drop-invalid-rows"]);
    expect(dropped.duckdb).toBe(dropped.inProcess);
    expect(dropped.log).toMatch(/dropped 1 row.*pickup_datetime/);
  });

  it("refuses a memory limit that is not a size", async () => {
    const result = await cli(
      "prepare",
      "--engine",
      "duckdb",
      "--duckdb-memory-limit",
      "4GB'; DROP",
      "--out",
      join(root, "x.csv"),
    );
    expect(result.code).toBe(2);
  });
});

describe("tip-model run --engine duckdb", () => {
  it("gives the in-process metrics, importances and predictions", async () => {
    const outputs = { inProcess: join(root, "run-in-process"), duckdb: join(root, "run-duckdb") };
    const flags = ["--sample-rows", "4000", "--seed", "9"];
    expect((await cli("run", ...flags, "--output-dir", outputs.inProcess)).code).toBe(0);
    const duckdb = await cli("run", ...flags, "--engine", "duckdb", "--output-dir", outputs.duckdb);
    expect(duckdb.code).toBe(0);
    for (const file of [OUTPUT_FILES.metrics, OUTPUT_FILES.predictions]) {
      const [a, b] = await Promise.all([
        readFile(join(outputs.duckdb, file), "utf8"),
        readFile(join(outputs.inProcess, file), "utf8"),
      ]);
      expect(a, file).toBe(b);
    }
    const metrics = JSON.parse(await readFile(join(outputs.duckdb, OUTPUT_FILES.metrics), "utf8"));
    expect(metrics.test.count).toBeGreaterThan(30);
  });
});
