import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { col, gt, type Pipe, pipe } from "@tablepipe/core";
import { readTableWithReport } from "@tablepipe/io";
import { dropDuplicates, filter, sortRows } from "@tablepipe/transforms";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { duckdbParquetFiles } from "./engine/read-parquet-files";
import { runOnDuckDb } from "./engine/run-on-duckdb";
import { sqlString } from "./engine/sql-text";
import { expectSameReadReport, expectSameTable, scratchDuckDb } from "./test-support";

const Trip = z.object({
  vendor: z.int(),
  picked_at: z.date(),
  fare: z.number().nullable(),
  note: z.string().nullable(),
  paid: z.boolean(),
  kind: z.enum(["cash", "card"]).nullable(),
  tip: z.number().default(0),
});
type Column = keyof z.infer<typeof Trip>;
const ALIASES = { vendor: ["VendorID"] };

/**
 * Per column: the file column types a part may give it (DuckDB's, written to Parquet by DuckDB), those the fast
 * read maps first, and the texts its values are cast from (`TRY_CAST(text AS type)`; null: a null cell), those
 * readTable takes first, then others.
 */
const COLUMNS: Readonly<
  Record<
    Column,
    {
      types: readonly [mapped: readonly string[], other: readonly string[]];
      texts: readonly [valid: readonly (string | null)[], other: readonly (string | null)[]];
    }
  >
> = {
  vendor: {
    types: [
      [
        "INTEGER",
        "SMALLINT",
        "BIGINT",
        "UBIGINT",
        "DOUBLE",
        "FLOAT",
        "DECIMAL(9,3)",
        "DECIMAL(18,0)",
        "DECIMAL(38,2)",
      ],
      ["VARCHAR"],
    ],
    texts: [
      ["1", "3", "7"],
      ["-3", "4.0", "-0.0", "1.5", "9007199254740991", "9007199254740992", "NaN", "Infinity", null],
    ],
  },
  picked_at: {
    types: [["TIMESTAMP", "TIMESTAMPTZ", "TIMESTAMP_MS", "TIMESTAMP_S", "TIMESTAMP_NS", "DATE"], ["VARCHAR"]],
    texts: [
      [
        "2018-07-27 09:14:45",
        "2018-07-27 09:14:45.1239",
        "1969-12-31 23:59:59.9995",
        "1969-12-31 23:59:59.9999995",
        "2016-02-29",
      ],
      ["1900-01-01 00:00:00.0001", null],
    ],
  },
  fare: {
    types: [
      [
        "DOUBLE",
        "FLOAT",
        "INTEGER",
        "BIGINT",
        "DECIMAL(10,2)",
        "DECIMAL(18,6)",
        "DECIMAL(4,0)",
        "DECIMAL(38,10)",
      ],
      ["VARCHAR"],
    ],
    texts: [
      ["12.5", "-0.0", "3", "1.15", "-0.07", null],
      ["1e300", "9007199254740993", "NaN", "Infinity"],
    ],
  },
  note: { types: [["VARCHAR"], ["INTEGER"]], texts: [["a", "", "Airport", "7", null], []] },
  paid: {
    types: [["BOOLEAN"], ["VARCHAR", "INTEGER"]],
    texts: [
      ["true", "false"],
      ["1", null],
    ],
  },
  kind: {
    types: [["VARCHAR"], []],
    texts: [
      ["cash", "card", null],
      ["other", ""],
    ],
  },
  tip: { types: [["DOUBLE"], []], texts: [["1.5", null], ["NaN"]] },
};
const NAMES = Object.keys(COLUMNS) as Column[];

/** One of the first list (`clean`), else one of either. */
const drawn = <T>([first, other]: readonly [readonly T[], readonly T[]], clean: boolean): fc.Arbitrary<T> =>
  fc.constantFrom(...first, ...(clean ? [] : other));

/**
 * One part: a type per column (tip: absent, or DOUBLE), the vendor column's name, and its rows of texts; a clean
 * part draws mapped types and valid values only, so the fast read takes it.
 */
const partOf = (clean: boolean) =>
  fc.record({
    types: fc.record(
      Object.fromEntries(NAMES.map((name) => [name, drawn(COLUMNS[name].types, clean)])) as {
        [K in Column]: fc.Arbitrary<string>;
      },
    ),
    tipAbsent: fc.boolean(),
    vendorName: fc.constantFrom("vendor", "VendorID"),
    rows: fc.array(
      fc.record(
        Object.fromEntries(NAMES.map((name) => [name, drawn<string | null>(COLUMNS[name].texts, clean)])) as {
          [K in Column]: fc.Arbitrary<string | null>;
        },
      ),
      { maxLength: 10 },
    ),
  });
/** Files of clean parts (half the runs), or of any. */
const parts = fc.oneof(
  fc.array(partOf(true), { minLength: 1, maxLength: 3 }),
  fc.array(partOf(false), { minLength: 1, maxLength: 3 }),
);
type Part = ReturnType<typeof partOf> extends fc.Arbitrary<infer P> ? P : never;

/** A clean part: every column of the type that maps it, and values readTable takes. */
const CLEAN: Part = {
  types: {
    vendor: "INTEGER",
    picked_at: "TIMESTAMP",
    fare: "DOUBLE",
    note: "VARCHAR",
    paid: "BOOLEAN",
    kind: "VARCHAR",
    tip: "DOUBLE",
  },
  tipAbsent: false,
  vendorName: "vendor",
  rows: [],
};
const cleanRow = (vendor: string, fare: string | null = "12.5") => ({
  vendor,
  picked_at: "2018-07-27 09:14:45",
  fare,
  note: "a",
  paid: "true",
  kind: "cash",
  tip: "1.5",
});

/**
 * The ways DuckDB reads the files: into a table first, as the query runs (the default for Parquet), or (a pipe
 * starting with a row-local filter, read into a table) with that filter into a table.
 */
type ReadMode = "table" | "streamed" | "filtered" | "auto";
const readMode = fc.constantFrom<ReadMode>("table", "streamed", "filtered", "auto");
const readFilesOf = (mode: ReadMode) => (mode === "filtered" ? "table" : mode);
const startOf = (p: Pipe<string>, mode: ReadMode): Pipe<string> =>
  mode === "filtered"
    ? p.transform(filter, { where: gt(col("vendor"), 0) })
    : p.transform(dropDuplicates).transform(sortRows, { by: ["vendor"] });

const scratch = scratchDuckDb("tablepipe-duckdb-parquet-");
let runs = 0;

/** Write each part as a Parquet file (by DuckDB) in a new folder; returns the folder. */
async function writeParts(parts: readonly Part[]): Promise<string> {
  const dir = join(scratch.folder, `run-${++runs}`);
  await mkdir(dir);
  for (const [i, { types, tipAbsent, vendorName, rows }] of parts.entries()) {
    const names = NAMES.filter((name) => !(name === "tip" && tipAbsent));
    const cell = (name: Column, text: string | null | undefined) =>
      `TRY_CAST(${text === null || text === undefined ? "NULL" : sqlString(text)} AS ${types[name]}) AS "${name === "vendor" ? vendorName : name}"`;
    const selects =
      rows.length === 0
        ? [`SELECT ${names.map((name) => cell(name, null)).join(", ")} WHERE FALSE`]
        : rows.map((row) => `SELECT ${names.map((name) => cell(name, row[name])).join(", ")}`);
    const file = join(dir, `trips-${i}.parquet`);
    await scratch.db.connection.run(
      `COPY (${selects.join(" UNION ALL ")}) TO ${sqlString(file)} (FORMAT parquet, ROW_GROUP_SIZE 4)`,
    );
  }
  return dir;
}

describe("duckdbParquetFiles reads as readTable reads", { timeout: 120_000 }, () => {
  it("keeps, drops and counts the same rows for any column types and values, in every read mode", async () => {
    await fc.assert(
      fc.asyncProperty(parts, readMode, async (drawnParts, mode) => {
        const dir = await writeParts(drawnParts);
        // TIMESTAMPTZ columns are read as UTC wall-clock times when asked (refused otherwise: see below)
        const options = { aliases: ALIASES, onInvalid: "drop", zonedTimestamps: "utc" } as const;
        const expected = await readTableWithReport(dir, Trip, options);
        const source = duckdbParquetFiles(dir, Trip, options);
        const result = await runOnDuckDb(startOf(pipe(source.table), mode), {
          database: scratch.db,
          source,
          readFiles: readFilesOf(mode),
        });
        expectSameTable(result.table, startOf(pipe(expected.table), mode).run().table);
        expectSameReadReport(result.read, expected.report);
      }),
      { numRuns: 40 },
    );
  });

  it("streams clean files through the query by default, rows numbered in file order across files", async () => {
    const dir = await writeParts([
      { ...CLEAN, rows: [cleanRow("3"), cleanRow("1", null)] },
      {
        ...CLEAN,
        tipAbsent: true,
        vendorName: "VendorID",
        rows: [cleanRow("2"), cleanRow("3"), cleanRow("2")],
      },
    ]);
    const expected = await readTableWithReport(dir, Trip, { aliases: ALIASES });
    const source = duckdbParquetFiles(dir, Trip, { aliases: ALIASES });
    // dropDuplicates keeps each row's first occurrence, in file order: the order the row numbers give
    const result = await runOnDuckDb(pipe(source.table).transform(dropDuplicates), {
      database: scratch.db,
      source,
    });
    expect([result.readBy, result.read?.rows, result.read?.droppedRows]).toEqual(["streamed", 5, 0]);
    expect(result.table.array("vendor")).toEqual([3, 1, 2, 3]);
    expect(result.table.array("tip")).toEqual([1.5, 1.5, 0, 0]);
    expectSameTable(result.table, pipe(expected.table).transform(dropDuplicates).run().table);
  });

  it("reads time stamps to the millisecond, floored, and a zone's as its UTC wall-clock time when asked, without readTable", async () => {
    const stamps = ["2018-07-27 09:14:45.1239", "1969-12-31 23:59:59.9995", "2016-02-29"];
    for (const type of ["TIMESTAMP", "TIMESTAMPTZ", "TIMESTAMP_NS", "DATE"]) {
      const dir = await writeParts([
        {
          ...CLEAN,
          types: { ...CLEAN.types, picked_at: type },
          rows: stamps.map((picked_at, i) => ({ ...cleanRow(String(i)), picked_at })),
        },
      ]);
      const expected = await readTableWithReport(dir, Trip, { zonedTimestamps: "utc" });
      const source = duckdbParquetFiles(dir, Trip, { zonedTimestamps: "utc" });
      const result = await runOnDuckDb(pipe(source.table), { database: scratch.db, source });
      expect(result.readBy).toBe("streamed");
      expect(result.table.array("picked_at")).toEqual(expected.table.array("picked_at"));
    }
    const floored = await readTableWithReport(
      await writeParts([{ ...CLEAN, rows: [{ ...cleanRow("1"), picked_at: stamps[1] as string }] }]),
      Trip,
    );
    expect(floored.table.array("picked_at")).toEqual([-1]);
    // half a microsecond before 1970, stored in nanoseconds: floored to -1 ms as readTable floors it
    const nanos = await writeParts([
      {
        ...CLEAN,
        types: { ...CLEAN.types, picked_at: "TIMESTAMP_NS" },
        rows: [{ ...cleanRow("1"), picked_at: "1969-12-31 23:59:59.9999995" }],
      },
    ]);
    const source = duckdbParquetFiles(nanos, Trip);
    const result = await runOnDuckDb(pipe(source.table), { database: scratch.db, source });
    expect([result.readBy, result.table.array("picked_at")]).toEqual(["streamed", [-1]]);
    expect((await readTableWithReport(nanos, Trip)).table.array("picked_at")).toEqual([-1]);
  });

  it("reads decimals as readTable does, without readTable: the nearest doubles, past 2^50 unscaled too", async () => {
    const dir = await writeParts([
      {
        ...CLEAN,
        types: { ...CLEAN.types, fare: "DECIMAL(10,2)", vendor: "DECIMAL(9,3)" },
        rows: [cleanRow("1", "1.15"), cleanRow("2", "-0.07"), cleanRow("3", null)],
      },
      {
        ...CLEAN,
        types: { ...CLEAN.types, fare: "DECIMAL(18,2)" },
        // 2^50 + 5 unscaled as the nearest double too (hyparquet's decoding, × 0.01 in doubles, is another)
        rows: [cleanRow("4", "1.15"), cleanRow("5", "11258999068426.24"), cleanRow("6", "11258999068426.29")],
      },
    ]);
    const expected = await readTableWithReport(dir, Trip);
    const fares = [1.15, -0.07, null, 1.15, 11258999068426.24, 11258999068426.29];
    expect(fares[5]).not.toBe(1125899906842629 * 0.01);
    expect(expected.table.array("fare")).toEqual(fares);
    const source = duckdbParquetFiles(dir, Trip);
    const result = await runOnDuckDb(pipe(source.table), { database: scratch.db, source });
    expect(result.readBy).toBe("streamed");
    expectSameTable(result.table, expected.table);
    expect(result.table.array("fare")).toEqual(fares);
  });

  it("stops at the first invalid value with readTable's error, and drops its row with onInvalid: drop", async () => {
    const dir = await writeParts([
      {
        ...CLEAN,
        types: { ...CLEAN.types, vendor: "DOUBLE" },
        rows: [cleanRow("1"), cleanRow("1.5"), cleanRow("2", "NaN")],
      },
    ]);
    const source = duckdbParquetFiles(dir, Trip);
    await expect(runOnDuckDb(pipe(source.table), { database: scratch.db, source })).rejects.toThrow(
      /row 2.*vendor.*1\.5/,
    );
    const dropping = duckdbParquetFiles(dir, Trip, { onInvalid: "drop" });
    const result = await runOnDuckDb(pipe(dropping.table), { database: scratch.db, source: dropping });
    expect([result.readBy, result.read?.rows, result.read?.droppedRows]).toEqual(["table", 1, 2]);
    expect(result.read?.invalidByColumn).toEqual({ vendor: 1, fare: 1 });
  });

  it("reads a date column's midnights without readTable, and refuses a time of day with readTable's error", async () => {
    const Day = z.object({ id: z.int(), day: z.date().meta({ logicalType: "date" }) });
    /** A Parquet file (by DuckDB) of ids and the time stamps `stamps` as `type`. */
    const write = async (type: string, stamps: readonly string[]): Promise<string> => {
      const file = join(scratch.folder, `dates-${++runs}.parquet`);
      const rows = stamps.map(
        (stamp, i) => `SELECT ${i + 1} AS id, CAST(${sqlString(stamp)} AS ${type}) AS day`,
      );
      await scratch.db.connection.run(
        `COPY (${rows.join(" UNION ALL ")}) TO ${sqlString(file)} (FORMAT parquet)`,
      );
      return file;
    };
    for (const type of ["DATE", "TIMESTAMP", "TIMESTAMP_MS", "TIMESTAMP_NS"]) {
      const midnights = await write(type, ["2018-07-27", "1969-12-31", "2018-07-28"]);
      const expected = await readTableWithReport(midnights, Day);
      const source = duckdbParquetFiles(midnights, Day);
      const result = await runOnDuckDb(pipe(source.table), { database: scratch.db, source });
      expect([type, result.readBy]).toEqual([type, "streamed"]);
      expectSameTable(result.table, expected.table);
      if (type === "DATE") continue;
      const timed = await write(type, ["2018-07-27", "2018-07-28 10:00:00", "2018-07-29"]);
      const error = await readTableWithReport(timed, Day).catch((e: unknown) => e as Error);
      expect((error as Error).message).toMatch(/row 2, column day: "2018-07-28T10:00:00" is not a midnight/);
      const refusing = duckdbParquetFiles(timed, Day);
      await expect(
        runOnDuckDb(pipe(refusing.table), { database: scratch.db, source: refusing }),
      ).rejects.toThrow((error as Error).message);
      const dropped = await readTableWithReport(timed, Day, { onInvalid: "drop" });
      const dropping = duckdbParquetFiles(timed, Day, { onInvalid: "drop" });
      const kept = await runOnDuckDb(pipe(dropping.table), { database: scratch.db, source: dropping });
      expectSameTable(kept.table, dropped.table);
      expectSameReadReport(kept.read, dropped.report);
    }
  });

  it("leaves to readTable a file DuckDB cannot read as Parquet, and names a missing column as readTable does", async () => {
    const dir = join(scratch.folder, `broken-${++runs}`);
    await mkdir(dir);
    await writeFile(join(dir, "trips.parquet"), "not parquet at all");
    const broken = duckdbParquetFiles(dir, Trip);
    const readTableError = await readTableWithReport(dir, Trip).then(
      () => "",
      (error: Error) => error.message,
    );
    expect(readTableError).toMatch(/Parquet/);
    await expect(runOnDuckDb(pipe(broken.table), { database: scratch.db, source: broken })).rejects.toThrow(
      readTableError,
    );
    const Wider = Trip.extend({ distance: z.number() });
    const missing = await writeParts([{ ...CLEAN, rows: [cleanRow("1")] }]);
    const source = duckdbParquetFiles(missing, Wider);
    await expect(runOnDuckDb(pipe(source.table), { database: scratch.db, source })).rejects.toThrow(
      /distance/,
    );
  });
});
