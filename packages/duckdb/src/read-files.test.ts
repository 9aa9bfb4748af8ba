import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { coalesce, col, gt, isIn, type Pipe, pipe } from "@tablepipe/core";
import { readTableWithReport } from "@tablepipe/io";
import {
  derive,
  dropDuplicates,
  excludeMatching,
  filter,
  firstNPerGroup,
  sortRows,
} from "@tablepipe/transforms";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { duckdbCsvFiles } from "./engine/read-files";
import { runOnDuckDb } from "./engine/run-on-duckdb";
import { expectSameReadReport, expectSameTable, scratchDuckDb } from "./test-support";

const Trip = z.object({
  vendor: z.int(),
  picked_at: z.date(),
  fare: z.number().nullable(),
  note: z.string().nullable(),
  paid: z.boolean(),
  day: z.date().meta({ logicalType: "date" }).optional(),
});
const ALIASES = { vendor: ["VendorID"], picked_at: ["tpep_pickup_datetime"] };

/** Cell texts per column, valid and invalid ones (as written in the file: a quoted one keeps its quotes). */
const CELLS = {
  vendor: ["1", " 2 ", "-3", "4.0", "+5", "1.5", "x", "", "\v2"],
  picked_at: [
    "2018-07-27 09:14:45",
    "2018-07-27T09:14",
    "2016-02-29",
    "2018-03-11 02:30:00.1239",
    "07/27/2018 9:14:45 PM",
    "7/4/2018 12:05 AM",
    "7/4/2018 23:05",
    "2018-02-30 00:00:00",
    "2018-07-27T09:14:45Z",
    "7/4/2018 13:05 PM",
    "2018-07-27 24:00",
    "",
  ],
  fare: ["12.5", ".5", "2.", "1e-3", "-0", "", "NaN", "Infinity", "1e999", "abc", " ", "5\f", '"1\r"'],
  note: ["a", "", '""', '"c, d"', "Airport"],
  paid: ["true", "Y", "no", "0", "F", "maybe", ""],
  // a date: a midnight in any layout, or invalid (another time of day, a zone, text that does not parse)
  day: [
    "2018-07-27",
    "2018-07-27 00:00:00",
    "7/4/2018 12:00 AM",
    "2018-07-27T00:00:00.0004",
    "2018-07-27 10:00:00",
    "7/4/2018 12:00 PM",
    "2018-07-27T00:00:01",
    "2018-07-27T00:00:00Z",
    "soon",
    "",
  ],
} as const;

const row = fc.record(
  Object.fromEntries(Object.entries(CELLS).map(([name, cells]) => [name, fc.constantFrom(...cells)])) as {
    [K in keyof typeof CELLS]: fc.Arbitrary<(typeof CELLS)[K][number]>;
  },
);
/**
 * The ways DuckDB reads the files: into a table first, as the query runs, (a pipe starting with a row-local
 * filter, read into a table) with that filter into a table, or (a pipe whose result ignores the rows' order,
 * read by default) as the query runs without numbering the rows.
 */
const readMode = fc.constantFrom(
  "table" as const,
  "streamed" as const,
  "filtered" as const,
  "orderFree" as const,
);
type ReadMode = "table" | "streamed" | "filtered" | "orderFree";
/** The read mode as the run's option. */
const readFilesOf = (mode: ReadMode) =>
  mode === "filtered" ? "table" : mode === "orderFree" ? "auto" : mode;
/**
 * The pipe of a read mode's property: `filtered` starts with a row-local filter (vendor > 1); `orderFree`
 * dedupes and sorts (on every column, as sortRows does).
 */
const startOf = (p: Pipe<string>, mode: ReadMode): Pipe<string> => {
  if (mode === "filtered") return p.transform(filter, { where: gt(col("vendor"), 1) });
  return mode === "orderFree" ? p.transform(dropDuplicates).transform(sortRows, { by: ["fare"] }) : p;
};
const HEADERS = [
  ["vendor", "picked_at", "fare", "note", "paid", "day"],
  ["VendorID", "tpep_pickup_datetime", "Fare", "note", "paid", "day", "extra"],
] as const;

const scratch = scratchDuckDb("tablepipe-duckdb-read-");
let files = 0;

/** One-column schemas: a blank line of a one-column file is an empty cell, null or an invalid empty value. */
const ONE_COLUMN_SCHEMAS = [
  z.object({ v: z.number().nullable() }),
  z.object({ v: z.number() }),
  z.object({ v: z.int().nullable() }),
  z.object({ v: z.string().nullable() }),
  z.object({ v: z.string() }),
  z.object({ v: z.date().nullable() }),
];
/**
 * A one-column file: its cells a line each (an empty one a blank line, a `""` quoted), LF or CRLF line ends,
 * a last line end or none.
 */
const oneColumnFile = fc
  .record({
    cells: fc.array(fc.constantFrom("1.5", "-2", "", "", '""', " ", "x", "2018-07-27 09:14:45"), {
      maxLength: 12,
    }),
    eol: fc.constantFrom("\n", "\r\n"),
    lastEnd: fc.boolean(),
  })
  .map(({ cells, eol, lastEnd }) => `v${eol}${cells.join(eol)}${lastEnd ? eol : ""}`);

/**
 * Write each part as a CSV file in a new folder (the second layout uses the aliases and an extra column); a cell a
 * row does not give is empty.
 */
async function writeParts(parts: readonly (readonly Record<string, string>[])[]): Promise<string> {
  const dir = join(scratch.folder, `run-${++files}`);
  await import("node:fs/promises").then((fs) => fs.mkdir(dir));
  for (const [i, rows] of parts.entries()) {
    const header = HEADERS[i % 2] as readonly string[];
    const lines = rows.map((r) =>
      header
        .map((name) =>
          name === "extra"
            ? "x"
            : (r[
                name
                  .replace("VendorID", "vendor")
                  .replace("tpep_pickup_datetime", "picked_at")
                  .replace("Fare", "fare")
              ] ?? ""),
        )
        .join(","),
    );
    await writeFile(join(dir, `trips-${i}.csv`), `${[header.join(","), ...lines].join("\n")}\n`);
  }
  return dir;
}

describe("duckdbCsvFiles reads as readTable reads, into a table or streamed", { timeout: 120_000 }, () => {
  it("drops and counts the same invalid values per column, and keeps the same rows in the same order", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(row, { maxLength: 12 }), { minLength: 1, maxLength: 3 }),
        readMode,
        async (parts, mode) => {
          const dir = await writeParts(parts);
          const glob = join(dir, "trips-*.csv");
          const expected = await readTableWithReport(glob, Trip, { aliases: ALIASES, onInvalid: "drop" });
          const source = duckdbCsvFiles(glob, Trip, { aliases: ALIASES, onInvalid: "drop" });
          const readFiles = readFilesOf(mode);
          const result = await runOnDuckDb(startOf(pipe(source.table), mode), {
            database: scratch.db,
            source,
            readFiles,
          });
          expectSameTable(result.table, startOf(pipe(expected.table), mode).run().table);
          expectSameReadReport(result.read, expected.report);
        },
      ),
      { numRuns: 15 },
    );
  });

  it("reads one-column files as readTable does: a blank line a missing value, the last line end no record", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(oneColumnFile, { minLength: 1, maxLength: 2 }),
        fc.nat(ONE_COLUMN_SCHEMAS.length - 1),
        fc.constantFrom("error" as const, "drop" as const),
        fc.constantFrom("table" as const, "streamed" as const, "auto" as const),
        async (texts, which, onInvalid, readFiles) => {
          const dir = join(scratch.folder, `one-column-${++files}`);
          await import("node:fs/promises").then((fs) => fs.mkdir(dir));
          for (const [i, text] of texts.entries()) await writeFile(join(dir, `part-${i}.csv`), text);
          const schema = ONE_COLUMN_SCHEMAS[which] as (typeof ONE_COLUMN_SCHEMAS)[number];
          const expected = await readTableWithReport(dir, schema, { onInvalid }).catch(
            (error: unknown) => error as Error,
          );
          const source = duckdbCsvFiles(dir, schema, { onInvalid });
          const run = runOnDuckDb(pipe(source.table), { database: scratch.db, source, readFiles });
          if (expected instanceof Error) {
            await expect(run).rejects.toThrow(expected.message);
            return;
          }
          const result = await run;
          expectSameTable(result.table, expected.table);
          expectSameReadReport(result.read, expected.report);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("streams clean files through the query (rows in file order across files), and reads exactly when a cell needs it", async () => {
    const clean = { vendor: "1", picked_at: "2018-07-27 09:14:45", fare: "12.5", note: "a", paid: "true" };
    const parts = [
      [clean, { ...clean, vendor: "2", fare: "" }],
      [{ ...clean, vendor: "3" }, clean],
    ];
    const dir = await writeParts(parts);
    const expected = await readTableWithReport(dir, Trip, { aliases: ALIASES });
    const source = duckdbCsvFiles(dir, Trip, { aliases: ALIASES });
    const streamed = await runOnDuckDb(pipe(source.table).transform(dropDuplicates), {
      database: scratch.db,
      source,
      readFiles: "streamed",
    });
    expect(streamed.readBy).toBe("streamed");
    expect(streamed.read?.rows).toBe(4);
    expect(streamed.table.array("vendor")).toEqual([1, 2, 3]);
    expectSameTable(streamed.table, pipe(expected.table).transform(dropDuplicates).run().table);
    // `1_000` is a number to DuckDB's cast, not to readTable: the exact read names it
    const bad = await writeParts([[clean, { ...clean, vendor: "1_000" }]]);
    const badSource = duckdbCsvFiles(bad, Trip, { aliases: ALIASES });
    await expect(
      runOnDuckDb(pipe(badSource.table), { database: scratch.db, source: badSource, readFiles: "streamed" }),
    ).rejects.toThrow(/line 3.*vendor.*"1_000"/);
    const dropping = duckdbCsvFiles(bad, Trip, { aliases: ALIASES, onInvalid: "drop" });
    const exact = await runOnDuckDb(pipe(dropping.table), {
      database: scratch.db,
      source: dropping,
      readFiles: "streamed",
    });
    expect([exact.readBy, exact.read?.rows, exact.read?.droppedRows]).toEqual(["table", 1, 1]);
    // small files, by default: read into a table first
    const auto = await runOnDuckDb(pipe(source.table), { database: scratch.db, source });
    expect([auto.readBy, auto.read?.rows]).toEqual(["table", 4]);
  });

  it("reads clean files with the pipe's first filters into a table (rows in file order), else into a table first", async () => {
    const clean = { vendor: "1", picked_at: "2018-07-27 09:14:45", fare: "12.5", note: "a", paid: "true" };
    const parts = [
      [clean, { ...clean, vendor: "3", fare: "" }, { ...clean, vendor: "2", note: "b" }],
      [
        { ...clean, vendor: "2", note: "c" },
        { ...clean, vendor: "3", fare: "" },
      ],
    ];
    const dir = await writeParts(parts);
    const expected = await readTableWithReport(dir, Trip, { aliases: ALIASES });
    const source = duckdbCsvFiles(dir, Trip, { aliases: ALIASES });
    // the dedupe on a subset keeps each vendor's first row: the kept rows must be in file order
    const steps = (p: Pipe<string>) =>
      p.transform(filter, { where: gt(col("vendor"), 1) }).transform(dropDuplicates, { subset: ["vendor"] });
    const result = await runOnDuckDb(steps(pipe(source.table)), {
      database: scratch.db,
      source,
      readFiles: "table",
    });
    expect(result.readBy).toBe("filtered");
    expect([result.read?.rows, result.read?.files.length]).toEqual([5, 2]);
    expect(result.trace.map((e) => [e.step, e.rowsIn, e.rowsOut])).toEqual([
      ["filter", 5, 4],
      ["dropDuplicates(vendor)", 4, 2],
    ]);
    expect(result.table.array("note")).toEqual(["a", "b"]);
    expectSameTable(result.table, steps(pipe(expected.table)).run().table);
    // a derive among the first steps: its column is in the table, and the steps after it read it
    const derived = (p: Pipe<string>) =>
      p
        .transform(derive, { columns: { label: coalesce(col("note"), "none") } })
        .transform(filter, { where: gt(col("vendor"), 1) })
        .transform(dropDuplicates, { subset: ["label"] });
    const withDerive = await runOnDuckDb(derived(pipe(source.table)), { database: scratch.db, source });
    expect(withDerive.readBy).toBe("filtered");
    expectSameTable(withDerive.table, derived(pipe(expected.table)).run().table);
    // a cell only the exact read judges: read into a table first, which names it
    const bad = await writeParts([[clean, { ...clean, vendor: "1_000" }]]);
    const badSource = duckdbCsvFiles(bad, Trip, { aliases: ALIASES });
    await expect(
      runOnDuckDb(steps(pipe(badSource.table)), {
        database: scratch.db,
        source: badSource,
        readFiles: "table",
      }),
    ).rejects.toThrow(/line 3.*vendor.*"1_000"/);
    // a first step that reads a lookup table (DuckDB may reorder a join's rows): read into a table first
    const lookup = aq.table({ id: [2] });
    const joined = await runOnDuckDb(
      pipe(source.table).transform(excludeMatching, { column: "vendor", lookup, lookupKey: "id" }),
      { database: scratch.db, source, readFiles: "table" },
    );
    expect([joined.readBy, joined.table.array("vendor")]).toEqual(["table", [1, 3, 3]]);
  });

  it("streams the files of a pipe whose result ignores the rows' order without numbering them, by default", async () => {
    const clean = { vendor: "1", picked_at: "2018-07-27 09:14:45", fare: "12.5", note: "a", paid: "true" };
    const twin = { ...clean, vendor: "2", note: "b" };
    const parts = [
      [clean, { ...clean, vendor: "3", fare: "" }, twin, { ...twin, picked_at: "2018-07-27 08:00:00" }],
      [twin, { ...clean, vendor: "3", fare: "" }, { ...twin, fare: "9" }, clean],
    ];
    const dir = await writeParts(parts);
    const expected = await readTableWithReport(dir, Trip, { aliases: ALIASES });
    const source = duckdbCsvFiles(dir, Trip, { aliases: ALIASES });
    const steps = (p: Pipe<string>) =>
      p
        .transform(filter, { where: gt(col("vendor"), 1) })
        .transform(dropDuplicates)
        .transform(firstNPerGroup, { keys: ["vendor"], orderBy: ["picked_at"], n: 2 })
        .transform(sortRows, { by: ["note"] });
    const inProcess = steps(pipe(expected.table)).run();
    const counts = (trace: readonly { step: string; rowsIn: number; rowsOut: number }[]) =>
      trace.map((e) => [e.step, e.rowsIn, e.rowsOut]);
    const result = await runOnDuckDb(steps(pipe(source.table)), { database: scratch.db, source });
    expect(result.readBy).toBe("streamed");
    expect([result.read?.rows, result.read?.files.length]).toEqual([8, 2]);
    expect(counts(result.trace)).toEqual(counts(inProcess.trace));
    expect(result.table.numRows()).toBe(3);
    expectSameTable(result.table, inProcess.table);
    // asked to read into a table first: the first filter runs with the read, as for any pipe
    const table = await runOnDuckDb(steps(pipe(source.table)), {
      database: scratch.db,
      source,
      readFiles: "table",
    });
    expect(table.readBy).toBe("filtered");
    expectSameTable(table.table, inProcess.table);
    // a cell only the exact read judges: read into a table, which drops its row as readTable does
    const bad = await writeParts([[clean, { ...twin, vendor: "1_000" }, twin]]);
    const dropping = duckdbCsvFiles(bad, Trip, { aliases: ALIASES, onInvalid: "drop" });
    const exact = await runOnDuckDb(steps(pipe(dropping.table)), { database: scratch.db, source: dropping });
    expect([exact.readBy, exact.read?.rows, exact.read?.droppedRows]).toEqual(["table", 2, 1]);
    const expectedBad = await readTableWithReport(bad, Trip, { aliases: ALIASES, onInvalid: "drop" });
    expectSameTable(exact.table, steps(pipe(expectedBad.table)).run().table);
  });

  it("reads a file with a column named file_index (DuckDB's own name for a file's index) as readTable does", async () => {
    const dir = join(scratch.folder, "file-index");
    await import("node:fs/promises").then((fs) => fs.mkdir(dir));
    const lines = [
      "file_index,vendor,picked_at,fare,note,paid",
      "-7346100000,2,2018-07-27 09:14:45,1.5,a,true",
    ];
    lines.push("x,1,2018-07-27 10:00:00,,b,false", "7,3,2018-07-28 00:00:00,2,c,y");
    await writeFile(join(dir, "t.csv"), `${lines.join("\n")}\n`);
    const expected = await readTableWithReport(dir, Trip);
    const source = duckdbCsvFiles(dir, Trip);
    const steps = (p: Pipe<string>) => p.transform(filter, { where: gt(col("vendor"), 1) });
    const result = await runOnDuckDb(steps(pipe(source.table)), {
      database: scratch.db,
      source,
      readFiles: "table",
    });
    expectSameTable(result.table, steps(pipe(expected.table)).run().table);
    expect(result.trace.map((e) => [e.step, e.rowsIn, e.rowsOut])).toEqual([["filter", 3, 2]]);
  });

  it("reads a file of many scan batches in file order, into a table, with a first filter, or streamed", async () => {
    const dir = join(scratch.folder, "many-batches");
    await import("node:fs/promises").then((fs) => fs.mkdir(dir));
    // ~11 MB: DuckDB scans it in several batches, each of its 8 MiB buffers split among its threads; the
    // boolean's parse tests a list of five words, an IN list DuckDB would turn into a join, reordering the rows
    const rows = 300_000;
    const lines = ["vendor,picked_at,fare,note,paid"];
    for (let i = 0; i < rows; i++)
      lines.push(`${i % 3},2018-07-27 09:14:45,${i},n,${i % 2 === 0 ? "yes" : "f"}`);
    await writeFile(join(dir, "t.csv"), `${lines.join("\n")}\n`);
    const everyVendor = (values: number[]) => (p: Pipe<string>) =>
      p.transform(filter, { where: isIn(col("vendor"), values) });
    const reads = [
      { readFiles: "table", steps: (p: Pipe<string>) => p, readBy: "table" },
      { readFiles: "table", steps: everyVendor([0, 1, 2]), readBy: "filtered" },
      // a list DuckDB would join against: the filter runs in the query over the table, not with the read
      { readFiles: "table", steps: everyVendor([0, 1, 2, 5, 7]), readBy: "table" },
      { readFiles: "streamed", steps: (p: Pipe<string>) => p, readBy: "streamed" },
    ] as const;
    for (const { readFiles, steps, readBy } of reads) {
      const source = duckdbCsvFiles(dir, Trip);
      const result = await runOnDuckDb(steps(pipe(source.table)), {
        database: scratch.db,
        source,
        readFiles,
      });
      expect(result.readBy).toBe(readBy);
      const fares = result.table.array("fare") as ArrayLike<number>;
      const paid = result.table.array("paid") as ArrayLike<boolean>;
      expect(fares.length).toBe(rows);
      const misplaced = Array.from(fares).findIndex((fare, i) => fare !== i || paid[i] !== (i % 2 === 0));
      expect({ readBy, misplaced }).toEqual({ readBy, misplaced: -1 });
    }
  });

  it("reads cells of nearly 2 MB (DuckDB's longest line) across its CSV buffers as readTable does", async () => {
    const dir = join(scratch.folder, "long-cells");
    await import("node:fs/promises").then((fs) => fs.mkdir(dir));
    const filler = (i: number) => `${i % 3},2018-07-27 09:14:45,${i}.5,n${i},true`;
    const lines = ["vendor,picked_at,fare,note,paid"];
    // a long note after ~7.5 MB of rows (it straddles the first 8 MiB buffer's end), another at once after it
    for (let i = 0; i < 200_000; i++) lines.push(filler(i));
    lines.push(`2,2018-07-28 10:00:00,1,${"y".repeat(1_900_000)},false`);
    lines.push(`3,2018-07-29 11:00:00,2,"${"w".repeat(1_900_000)}",Y`);
    for (let i = 0; i < 1_000; i++) lines.push(filler(i));
    await writeFile(join(dir, "t.csv"), `${lines.join("\n")}\n`);
    const expected = await readTableWithReport(dir, Trip);
    expect(expected.table.numRows()).toBe(201_002);
    for (const readFiles of ["table", "streamed"] as const) {
      const source = duckdbCsvFiles(dir, Trip);
      const result = await runOnDuckDb(pipe(source.table), { database: scratch.db, source, readFiles });
      expectSameTable(result.table, expected.table);
    }
  });

  it("stops at the first invalid value with readTable's error: file, line, column, value, expected", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(row, { maxLength: 8 }), { minLength: 1, maxLength: 2 }),
        readMode,
        async (parts, mode) => {
          const dir = await writeParts(parts);
          let message: string | undefined;
          try {
            await readTableWithReport(dir, Trip, { aliases: ALIASES });
          } catch (error) {
            message = (error as Error).message;
          }
          const source = duckdbCsvFiles(dir, Trip, { aliases: ALIASES });
          const run = runOnDuckDb(startOf(pipe(source.table), mode).transform(dropDuplicates), {
            database: scratch.db,
            source,
            readFiles: readFilesOf(mode),
          });
          if (message === undefined) await expect(run).resolves.toBeDefined();
          else await expect(run).rejects.toThrow(message);
        },
      ),
      { numRuns: 15 },
    );
  });

  it("refuses a blank or quoted empty enum cell as readTable does (only an empty cell is null)", async () => {
    const Kind = z.object({ id: z.int(), kind: z.enum(["a", "b"]).nullable() });
    for (const cell of ['""', "  ", '"  "', "\t"]) {
      const path = join(scratch.folder, `enum-${++files}.csv`);
      await writeFile(path, `id,kind\n1,a\n2,\n3,${cell}\n`);
      const expected = await readTableWithReport(path, Kind).catch((error: unknown) => error as Error);
      expect(expected).toBeInstanceOf(Error);
      const source = duckdbCsvFiles(path, Kind);
      const run = runOnDuckDb(pipe(source.table), { database: scratch.db, source });
      await expect(run).rejects.toThrow((expected as Error).message);
    }
  });

  it("refuses a date cell holding a time of day with readTable's error, and drops its row as readTable does", async () => {
    const Day = z.object({ id: z.int(), day: z.date().meta({ logicalType: "date" }) });
    // every cell canonical (YYYY-MM-DD HH:MM:SS: the fast read trusts DuckDB's cast alone), or in other layouts
    const layouts = [
      ["2018-07-27 00:00:00", "2018-07-28 10:00:00", "2018-07-29 00:00:00"],
      ["2018-07-27", "07/28/2018 10:00 AM", "2018-07-29T00:00"],
    ];
    for (const cells of layouts) {
      const path = join(scratch.folder, `dates-${++files}.csv`);
      await writeFile(path, `id,day\n${cells.map((cell, i) => `${i + 1},${cell}`).join("\n")}\n`);
      const expected = await readTableWithReport(path, Day).catch((error: unknown) => error as Error);
      expect((expected as Error).message).toBe(
        `${path} line 3, column day: "${cells[1]}" is not a midnight: the column holds dates (expected e.g. 2018-07-27, 07/27/2018 or 2018-07-27 00:00:00 (no time of day but midnight))`,
      );
      const dropped = await readTableWithReport(path, Day, { onInvalid: "drop" });
      for (const readFiles of ["table", "streamed", "auto"] as const) {
        const source = duckdbCsvFiles(path, Day);
        const run = runOnDuckDb(pipe(source.table), { database: scratch.db, source, readFiles });
        await expect(run, readFiles).rejects.toThrow((expected as Error).message);
        const dropping = duckdbCsvFiles(path, Day, { onInvalid: "drop" });
        const result = await runOnDuckDb(pipe(dropping.table), {
          database: scratch.db,
          source: dropping,
          readFiles,
        });
        expectSameTable(result.table, dropped.table);
        expectSameReadReport(result.read, dropped.report);
      }
    }
  });

  it("refuses a compressed file as readTable does (DuckDB alone would unpack a .gz and read it)", async () => {
    const dir = join(scratch.folder, "compressed");
    await import("node:fs/promises").then((fs) => fs.mkdir(dir));
    const text = "vendor,picked_at,fare,note,paid\n1_000,2018-07-27 09:14:45,1.5,a,true\n";
    const path = join(dir, "t.csv");
    await writeFile(path, gzipSync(text));
    const message = await readTableWithReport(path, Trip).then(
      () => "read",
      (error: Error) => error.message,
    );
    expect(message).toMatch(/t\.csv: the file is gzip-compressed, not CSV text/);
    const gz = join(dir, "t.csv.gz");
    await writeFile(gz, gzipSync(text));
    for (const readFiles of ["table", "streamed"] as const) {
      const source = duckdbCsvFiles(path, Trip);
      await expect(
        runOnDuckDb(pipe(source.table), { database: scratch.db, source, readFiles }),
      ).rejects.toThrow(message);
      // readTable refuses a .gz name before it looks at the bytes; DuckDB's read refuses its bytes
      const named = duckdbCsvFiles(gz, Trip);
      await expect(
        runOnDuckDb(pipe(named.table), { database: scratch.db, source: named, readFiles }),
      ).rejects.toThrow(/t\.csv\.gz: the file is gzip-compressed/);
    }
  });

  it("reads with readTable the files DuckDB cannot read as readTable does: the same table, or readTable's error", async () => {
    const dir = join(scratch.folder, "unparsable");
    await import("node:fs/promises").then((fs) => fs.mkdir(dir));
    const head = "vendor,picked_at,fare,note,paid";
    const good = "1,2018-07-27 09:14:45,1.5,a,true";
    const texts = {
      "cr-in-number": `${head}\n${good}\n2,2018-07-27 09:14:45,2.5\r,b,true\n`,
      "cr-in-text": `${head}\n${good}\n2,2018-07-27 09:14:45,2.5,b\rc,true\n`,
      "cell-too-many": `${head}\n${good}\n2,2018-07-27 09:14:45,2.5,b,true,x\n`,
      "cell-too-few": `${head}\n${good}\n2,2018-07-27 09:14:45,2.5,b\n`,
      // a name twice: readTable refuses the ambiguity, DuckDB renames the second (fare_1) and would read the first
      "fare-twice": `${head},fare\n${good},2\n`,
      "quoted-names": `"vendor","picked_at","fa""re",note,paid\n${good}\n`,
    };
    for (const [name, text] of Object.entries(texts)) {
      const path = join(dir, `${name}.csv`);
      await writeFile(path, text);
      const expected = await readTableWithReport(path, Trip).then(
        (read) => read,
        (error: Error) => error.message,
      );
      for (const readFiles of ["table", "streamed"] as const) {
        const source = duckdbCsvFiles(path, Trip);
        const run = runOnDuckDb(pipe(source.table), { database: scratch.db, source, readFiles });
        if (typeof expected === "string") await expect(run, name).rejects.toThrow(expected);
        else expectSameTable((await run).table, expected.table);
      }
    }
  });

  it("reads header records as readTable does (DuckDB sniffs nothing): a BOM, CRLF, quoted names with a comma or a line end", async () => {
    const dir = join(scratch.folder, "headers");
    await import("node:fs/promises").then((fs) => fs.mkdir(dir));
    const head = "vendor,picked_at,fare,note,paid";
    const rows = ["1,2018-07-27 09:14:45,1.5,a,true", "2,2018-07-27 10:00:00,,b,false"];
    const texts = {
      bom: `\uFEFF${head}\n${rows.join("\n")}\n`,
      crlf: `${head}\r\n${rows.join("\r\n")}\r\n`,
      "quoted-extra-names": `${head},"a, b","line\nend"\n${rows.map((r) => `${r},x,y`).join("\n")}\n`,
      "no-final-line-end": `${head}\n${rows.join("\n")}`,
    };
    for (const [name, text] of Object.entries(texts)) {
      const path = join(dir, `${name}.csv`);
      await writeFile(path, text);
      const expected = await readTableWithReport(path, Trip);
      expect(expected.table.numRows(), name).toBe(2);
      for (const readFiles of ["table", "streamed"] as const) {
        const source = duckdbCsvFiles(path, Trip);
        const result = await runOnDuckDb(pipe(source.table), { database: scratch.db, source, readFiles });
        expectSameTable(result.table, expected.table);
        expect(result.readBy, `${name} ${readFiles}`).toBe(readFiles);
      }
    }
  });

  it("names an invalid value's line as readTable counts lines: blank lines and line ends inside quotes", async () => {
    const dir = join(scratch.folder, "lines");
    await import("node:fs/promises").then((fs) => fs.mkdir(dir));
    const head = "vendor,picked_at,fare,note,paid";
    const good = "1,2018-07-27 09:14:45,1.5,a,true";
    const texts = {
      blank: `${head}\n${good}\n\n\n${good}\nx,2018-07-27 09:14:45,1.5,a,true\n\n${good}\n2,,1,b,no\n`,
      quoted: `${head}\n${good}\n1,2018-07-27 09:14:45,1.5,"two\nlines",true\nx,2018-07-27 09:14:45,,b,no\n`,
      second: `${head}\n\n${good}\n`,
    };
    for (const [name, text] of Object.entries(texts)) await writeFile(join(dir, `${name}.csv`), text);
    const expected = await readTableWithReport(dir, Trip).catch((error: unknown) => error as Error);
    expect((expected as Error).message).toMatch(/blank\.csv line 6, column vendor/);
    const dropped = await readTableWithReport(dir, Trip, { onInvalid: "drop" });
    expect(dropped.report.examples.map((e) => [e.file.slice(dir.length + 1), e.line, e.column])).toEqual([
      ["blank.csv", 6, "vendor"],
      ["blank.csv", 9, "picked_at"],
      ["quoted.csv", 5, "vendor"],
    ]);
    for (const readFiles of ["table", "streamed"] as const) {
      const source = duckdbCsvFiles(dir, Trip);
      const run = runOnDuckDb(pipe(source.table), { database: scratch.db, source, readFiles });
      await expect(run).rejects.toThrow((expected as Error).message);
      const dropping = duckdbCsvFiles(dir, Trip, { onInvalid: "drop" });
      const result = await runOnDuckDb(pipe(dropping.table), {
        database: scratch.db,
        source: dropping,
        readFiles,
      });
      expectSameTable(result.table, dropped.table);
      expectSameReadReport(result.read, dropped.report);
    }
  });

  it("reads a file with blank lines before its header as readTable does (DuckDB takes its first line as the header)", async () => {
    const dir = join(scratch.folder, "blank-before-header");
    await import("node:fs/promises").then((fs) => fs.mkdir(dir));
    const Note = z.object({ note: z.string() });
    const texts = {
      several: [
        "\n\r\nvendor,picked_at,fare,note,paid",
        "1,2018-07-27 09:14:45,1.5,a,true",
        "2,2018-07-27 10:00:00,,b,no",
      ],
      one: ["\nnote", "a", "b"],
    };
    for (const [name, lines] of Object.entries(texts)) {
      const path = join(dir, `${name}.csv`);
      await writeFile(path, `${lines.join("\n")}\n`);
      const schema = name === "one" ? Note : Trip;
      const expected = await readTableWithReport(path, schema);
      expect(expected.table.numRows(), name).toBe(2);
      for (const readFiles of ["table", "streamed"] as const) {
        const source = duckdbCsvFiles(path, schema);
        const result = await runOnDuckDb(pipe(source.table), { database: scratch.db, source, readFiles });
        expectSameTable(result.table, expected.table);
      }
    }
  });

  it("names a schema column no file column matches, with the names tried, as readTable does", async () => {
    const dir = join(scratch.folder, "missing");
    await import("node:fs/promises").then((fs) => fs.mkdir(dir));
    await writeFile(join(dir, "t.csv"), "vendor,fare,note,paid\n1,2,a,true\n");
    const source = duckdbCsvFiles(dir, Trip, { aliases: ALIASES });
    await expect(runOnDuckDb(pipe(source.table), { database: scratch.db, source })).rejects.toThrow(
      /column picked_at: column not found; tried "picked_at", "tpep_pickup_datetime"/,
    );
  });
});
