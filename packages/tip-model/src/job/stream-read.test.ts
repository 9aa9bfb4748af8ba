/**
 * The streamed path (trip files read batch by batch through `pipeFrom`, row-local filters on each batch, the
 * dedupe moved after them) gives exactly the prepared table of the straightforward path (read whole, then
 * the pipe as written), on a generated sample with exact duplicates, in any batch size, from CSV and Parquet.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { pipe, type TraceEntry } from "@tablepipe/core";
import { pipeFrom, type ReadProgress, readTable, writeTable } from "@tablepipe/io";
import { configureLogging, resetLogging } from "@tablepipe/job";
import { assertTablesEqual } from "@tablepipe/testing";
import { sortRows } from "@tablepipe/transforms";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  SAMPLE_FILES,
  taxiTripAliases,
  taxiTripSchema,
  taxiZoneGeoAliases,
  taxiZoneGeoSchema,
  writeSample,
} from "../data/index";
import { addFeatures } from "../steps/add-features";
import { filterData } from "../steps/filter-data";
import { PREPARED_ORDER } from "../steps/taxi-columns";
import { TipAmountModel } from "./tip-amount-model";

let root: string;
let dataDir: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "tip-model-stream-"));
  dataDir = join(root, "csv");
  await writeSample({ rows: 30_000, seed: 7, dir: dataDir });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});
beforeEach(() => configureLogging({ stream: { write: () => undefined } }));
afterEach(() => resetLogging());

/** filterData's steps in the order a streamed read runs them: the filters per batch, the dedupe moved after. */
const STREAMED_FILTER_DATA = [
  "limitHistory",
  "keepEveningRides",
  "excludeAirports(pickup_location_id)",
  "excludeAirports(dropoff_location_id)",
  "dropDuplicates",
  "firstNDaily",
];

describe("the streamed read", () => {
  it("prepares the very table the straightforward path prepares (the job, CSV)", async () => {
    const plain = new TipAmountModel({ data_dir: dataDir });
    await plain.extract();
    await plain.transform();
    const streamed = new TipAmountModel({ data_dir: dataDir });
    await streamed.extract({ streamTrips: true });
    expect(streamed.tables.taxi_trip_data).toBeUndefined();
    await streamed.transform();

    const prepared = streamed.table("prepared_data");
    expect(prepared.numRows()).toBeGreaterThan(1_000);
    assertTablesEqual(prepared, plain.table("prepared_data"));
    expect(prepared.objects()).toEqual(plain.table("prepared_data").objects()); // same order too
    expect(streamed.inputRows).toEqual(plain.inputRows);
    // the funnel has the same shape both ways: the read, then the composites with their steps
    const shape = (trace: readonly TraceEntry[] | undefined) =>
      trace?.map((t) => [t.step, t.rowsIn, t.rowsOut, t.children.map((c) => c.step).sort()]);
    expect(shape(streamed.traces.transform)).toEqual(shape(plain.traces.transform));
    expect(streamed.traces.transform?.map((t) => t.step)).toEqual([
      "read",
      "filterData",
      "addFeatures",
      "sortRows",
    ]);
    expect(streamed.traces.transform?.[0]?.rowsOut).toBe(30_000);
    // streamed, each filter runs on every batch, then the dedupe on what is left
    expect(streamed.traces.transform?.[1]?.children.map((t) => t.step)).toEqual(STREAMED_FILTER_DATA);
  });

  it("gives the same rows in the same order whatever the batch size, from CSV and from Parquet", async () => {
    const trips = join(dataDir, SAMPLE_FILES.trips);
    const zones = await readTable(join(dataDir, SAMPLE_FILES.zones), taxiZoneGeoSchema, {
      aliases: taxiZoneGeoAliases,
    });
    const whole = await readTable(trips, taxiTripSchema, { aliases: taxiTripAliases });
    const expected = pipe(whole).transform(filterData, { zones }).transform(addFeatures).value();
    const parquet = join(root, "trips.parquet");
    await writeTable(whole, parquet, { schema: taxiTripSchema });

    for (const [source, chunkSize] of [
      [trips, 4096],
      [trips, 200_000],
      [parquet, undefined],
    ] as const) {
      const streamed = await pipeFrom(source, taxiTripSchema, {
        aliases: taxiTripAliases,
        ...(chunkSize === undefined ? {} : { chunkSize }),
      })
        .transform(filterData, { zones })
        .transform(addFeatures)
        .value();
      expect(streamed.objects()).toEqual(expected.objects());
    }
    const sorted = await pipeFrom(trips, taxiTripSchema, { chunkSize: 65_536 })
      .transform(filterData, { zones })
      .transform(addFeatures)
      .transform(sortRows, { by: PREPARED_ORDER })
      .value();
    assertTablesEqual(sorted, pipe(expected).transform(sortRows, { by: PREPARED_ORDER }).value());
  });
});

describe("the streamed read's progress", () => {
  it("reaches the caller's hook in a whole run, the last report at the trip file's last byte", async () => {
    const reports: ReadProgress[] = [];
    const job = new TipAmountModel(
      { data_dir: dataDir, output_dir: join(root, "progress-run"), model: "linear" },
      { onReadProgress: (progress) => reports.push({ ...progress }) },
    );
    await job.run();
    const trips = join(dataDir, SAMPLE_FILES.trips);
    const tripReports = reports.filter((r) => r.file === trips);
    expect(tripReports.length).toBeGreaterThan(0);
    expect(tripReports.at(-1)).toMatchObject({ bytesRead: (await stat(trips)).size, rows: 30_000 });
  });
});

describe("the streamed read of Parquet sorted by pickup time", () => {
  it("skips the row groups outside the history months and prepares the same table as the whole read", async () => {
    const whole = await readTable(join(dataDir, SAMPLE_FILES.trips), taxiTripSchema, {
      aliases: taxiTripAliases,
    });
    const sortedDir = join(root, "parquet-sorted");
    const sorted = pipe(whole)
      .transform(sortRows, { by: ["pickup_datetime"] })
      .value();
    await writeTable(sorted, join(sortedDir, "taxi_trip_data.parquet"), {
      schema: taxiTripSchema,
      rowGroupRows: 1_000,
    });
    await writeTable(
      await readTable(join(dataDir, SAMPLE_FILES.zones), taxiZoneGeoSchema, { aliases: taxiZoneGeoAliases }),
      join(sortedDir, "taxi_zone_geo.parquet"),
      { schema: taxiZoneGeoSchema },
    );
    // a window of a few months, so that most row groups lie wholly outside it
    const config = { data_dir: sortedDir, history_start_month: "201712", history_end_month: "201803" };
    const plain = new TipAmountModel(config);
    await plain.extract();
    await plain.transform();
    const streamed = new TipAmountModel(config);
    await streamed.extract({ streamTrips: true });
    await streamed.transform();

    expect(streamed.table("prepared_data").numRows()).toBeGreaterThan(100);
    expect(streamed.table("prepared_data").objects()).toEqual(plain.table("prepared_data").objects());
    // read: exactly the row groups (1,000 sorted rows each) with a pickup in [2018-01-01, 2018-04-01)
    const pickups = Float64Array.from(sorted.array("pickup_datetime") as ArrayLike<number>);
    const [from, until] = [Date.UTC(2018, 0, 1), Date.UTC(2018, 3, 1)];
    let expectedRead = 0;
    for (let start = 0; start < pickups.length; start += 1_000) {
      const group = pickups.subarray(start, start + 1_000);
      if ((group.at(-1) as number) >= from && (group[0] as number) < until) expectedRead += group.length;
    }
    const read = streamed.traces.transform?.[0]?.rowsOut;
    expect(read).toBe(expectedRead);
    expect(read).toBeLessThan(30_000 / 2); // most row groups never read
  });
});

const builtCli = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
const builtWorker = fileURLToPath(new URL("../../../io/dist/read-worker.js", import.meta.url));

describe("the built CLI (the test command builds first)", () => {
  it("is built, with the read worker beside @tablepipe/io", () => {
    expect(existsSync(builtCli), `${builtCli} is missing: run pnpm build first`).toBe(true);
    expect(existsSync(builtWorker), `${builtWorker} is missing: run pnpm build first`).toBe(true);
  });

  it("prepares, with its CSV parsed in worker threads, byte for byte the table --no-stream-read prepares", async () => {
    const prepare = (out: string, ...flags: string[]): string => {
      const run = spawnSync(
        process.execPath,
        [builtCli, "prepare", "--data-dir", dataDir, "--out", out, ...flags],
        {
          encoding: "utf8",
        },
      );
      expect(run.status, run.stderr).toBe(0);
      return run.stderr;
    };
    const streamedLog = prepare(join(root, "streamed.parquet"));
    // the bundled CLI finds io's read worker: one thread per core, at most 4; none on a single core
    const cores = availableParallelism();
    const parsedOn = cores < 2 ? "" : ` on ${Math.min(4, cores)} worker threads`;
    expect(streamedLog).toMatch(
      new RegExp(`taxi_trip_data: read [\\d,]+ rows from \\S+ in [\\d,]+ ms${parsedOn} rows=`),
    );
    // the filters tested in the workers counted their rows there: each step takes in what the one before let out
    const funnel = [...streamedLog.matchAll(/INFO tip-model: {1,3}(\w[^\n]*?) +([\d,]+) → +([\d,]+) /g)].map(
      ([, step, rowsIn, rowsOut]) => ({
        step: (step as string).trim(),
        rowsIn: Number((rowsIn as string).replaceAll(",", "")),
        rowsOut: Number((rowsOut as string).replaceAll(",", "")),
      }),
    );
    const filters = funnel.slice(funnel.findIndex((e) => e.step === "limitHistory"));
    expect(filters.slice(0, 6).map((e) => e.step)).toEqual(STREAMED_FILTER_DATA);
    expect(filters[0]?.rowsIn).toBe(funnel.find((e) => e.step === "read")?.rowsOut);
    expect(filters.slice(1, 6).map((e) => e.rowsIn)).toEqual(filters.slice(0, 5).map((e) => e.rowsOut));
    expect((filters[1]?.rowsOut ?? 0) < (filters[0]?.rowsOut ?? 0)).toBe(true);
    prepare(join(root, "whole.parquet"), "--no-stream-read");
    const [streamed, whole] = await Promise.all([
      readFile(join(root, "streamed.parquet")),
      readFile(join(root, "whole.parquet")),
    ]);
    expect(streamed.length).toBeGreaterThan(10_000);
    expect(streamed.equals(whole)).toBe(true);
  });
});
