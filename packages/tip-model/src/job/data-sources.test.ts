import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeTable } from "@tablepipe/io";
import { configureLogging, resetLogging } from "@tablepipe/job";
import { assertTablesEqual } from "@tablepipe/testing";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SAMPLE_FILES, taxiTripSchema, taxiZoneGeoSchema, writeSample } from "../data/index";
import { DataSourceError, resolveDataSources } from "./data-sources";
import { TipAmountModel } from "./tip-amount-model";

let root: string;
let csvDir: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "tip-model-sources-"));
  csvDir = join(root, "csv");
  await writeSample({ rows: 1_500, seed: 11, dir: csvDir });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});
beforeEach(() => configureLogging({ stream: { write: () => undefined } }));
afterEach(() => resetLogging());

describe("resolveDataSources", () => {
  it("is undefined without data_dir, trips or zones: the built-in sample", () => {
    expect(resolveDataSources({})).toBeUndefined();
  });

  it("finds the two files in data_dir; explicit trips or zones win over the folder", () => {
    const trips = join(csvDir, SAMPLE_FILES.trips);
    const zones = join(csvDir, SAMPLE_FILES.zones);
    expect(resolveDataSources({ data_dir: csvDir })).toEqual({ trips, zones });
    expect(resolveDataSources({ data_dir: csvDir, trips: "other/*.csv" })).toEqual({
      trips: "other/*.csv",
      zones,
    });
    expect(resolveDataSources({ trips: "a.csv", zones: "b.csv" })).toEqual({
      trips: "a.csv",
      zones: "b.csv",
    });
  });

  it("says which part is missing, as a user-facing error", async () => {
    const call = (config: Parameters<typeof resolveDataSources>[0]) => () => resolveDataSources(config);
    expect(call({ zones: "z.csv" })).toThrow("--zones was given without trips: add --trips or --data-dir");
    expect(call({ data_dir: join(root, "nope") })).toThrow(DataSourceError);
    const empty = join(root, "empty");
    await mkdir(empty);
    expect(call({ data_dir: empty })).toThrow(/^no taxi_trip_data\.csv .* it holds: nothing$/);
    const error = (() => {
      try {
        resolveDataSources({ data_dir: empty });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(DataSourceError);
    expect((error as DataSourceError).userFacing).toBe(true);
  });
});

describe("extract from Parquet", () => {
  it("reads a data_dir of .parquet files into the same tables as the CSV files", async () => {
    const fromCsv = new TipAmountModel({ data_dir: csvDir });
    await fromCsv.extract();

    const parquetDir = join(root, "parquet");
    await writeTable(fromCsv.table("taxi_trip_data"), join(parquetDir, "taxi_trip_data.parquet"), {
      schema: taxiTripSchema,
    });
    await writeTable(fromCsv.table("taxi_zone_geo"), join(parquetDir, "taxi_zone_geo.parquet"), {
      schema: taxiZoneGeoSchema,
    });
    await writeFile(join(parquetDir, "README.txt"), "not data");
    const fromParquet = new TipAmountModel({ data_dir: parquetDir });
    await fromParquet.extract();

    expect(fromParquet.inputRows).toEqual({ taxi_trip_data: 1_500, taxi_zone_geo: 263 });
    assertTablesEqual(fromParquet.table("taxi_trip_data"), fromCsv.table("taxi_trip_data"));
    assertTablesEqual(fromParquet.table("taxi_zone_geo"), fromCsv.table("taxi_zone_geo"));
    expect(fromParquet.dataDescription).toContain("taxi_trip_data.parquet");
  });

  it("reads the generated sample back from CSV as the very table the built-in sample generates", async () => {
    const fromCsv = new TipAmountModel({ data_dir: csvDir });
    await fromCsv.extract();
    const builtIn = new TipAmountModel({ sample_rows: 1_500, seed: 11 });
    await builtIn.extract();
    assertTablesEqual(fromCsv.table("taxi_trip_data"), builtIn.table("taxi_trip_data"));
    expect(builtIn.dataDescription).toBe("built-in sample: 1500 generated trips (seed 11)");
  });
});
