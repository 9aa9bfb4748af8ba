/**
 * DuckDB's typed read of a clean file's number columns (a file whose bytes hold none of `typedReadRisks`) gives
 * what readTable gives: the same table, the same dropped rows, or the same first error, on every read mode.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { col, gt, type Pipe, pipe } from "@tablepipe/core";
import { columnKinds, type RowSchema, readTableWithReport } from "@tablepipe/io";
import { filter } from "@tablepipe/transforms";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { csvBodyKinds } from "./engine/csv-body-kinds";
import { typedReadRisks } from "./engine/fast-csv-read";
import { duckdbCsvFiles } from "./engine/read-files";
import { runOnDuckDb } from "./engine/run-on-duckdb";
import { ODD_STAMP } from "./engine/stamp-lines";
import { expectSameTable, scratchDuckDb } from "./test-support";

const Mixed = z.object({
  id: z.int(),
  amount: z.number(),
  count: z.int().nullable(),
  at: z.date(),
  label: z.string().nullable(),
});
const Floats = z.object({ amount: z.number(), rate: z.number().nullable(), label: z.string().nullable() });

/**
 * Cells of each kind: mostly well formed, with the spellings a typed read must still refuse (non-finite
 * numbers, fractions and huge values as integers, empty required cells, letters, impossible dates) and some that
 * make the file's bytes risky (`1e3`, `.0`, `_`, `+`), so that both reads are compared.
 */
const INTS = [
  "1",
  "42",
  " 2 ",
  "-3",
  "4.0",
  "5.",
  "0",
  "-0",
  "007",
  "\t8",
  "9007199254740991",
  "9007199254740992",
  "1.5",
  "x",
  "",
  "inf",
  "nan",
  "1e3",
  "-.0",
  "1_0",
  "+1",
];
const FLOATS = [
  "12.5",
  "2.",
  "-0",
  "0.1",
  "-7",
  "123456789.123456789",
  "5e-324",
  "",
  " ",
  "NaN",
  "inf",
  "-Infinity",
  "abc",
  "1e999",
  ".5",
  "-.5",
  "1E-2",
  "+2",
];
const STAMPS = [
  "2018-07-27 09:14:45",
  "2018-07-27",
  "2018-07-27T09:14",
  "2018-7-27 09:14:45",
  "2018-02-30 00:00:00",
  "",
  "2018-07-27 24:00:00",
];
const LABELS = ["a", "", "N", "Y z", "x,y".replace(",", ";")];

const weighted = (cells: readonly string[]) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...cells.slice(0, 4)) },
    { weight: 1, arbitrary: fc.constantFrom(...cells) },
  );
const mixedRow = fc.tuple(
  weighted(INTS),
  weighted(FLOATS),
  weighted(INTS),
  weighted(STAMPS),
  weighted(LABELS),
);
const floatRow = fc.tuple(weighted(FLOATS), weighted(FLOATS), weighted(LABELS));

const scratch = scratchDuckDb("tablepipe-typed-read-");
let files = 0;

async function writeCsv(header: readonly string[], rows: readonly (readonly string[])[]): Promise<string> {
  const path = join(scratch.folder, `f${++files}.csv`);
  await writeFile(path, `${[header.join(","), ...rows.map((r) => r.join(","))].join("\n")}\n`);
  return path;
}

const readMode = fc.constantFrom("table" as const, "streamed" as const, "filtered" as const);

/** The first error's message, or undefined. */
async function failure(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Compare DuckDB's read of `path` with readTable's, both failing the same way or giving the same rows. */
async function expectSameRead(
  path: string,
  schema: RowSchema,
  mode: "table" | "streamed" | "filtered",
  first: string,
) {
  const steps = (p: Pipe<string>) =>
    mode === "filtered" ? p.transform(filter, { where: gt(col(first), -1e300) }) : p;
  const source = duckdbCsvFiles(path, schema);
  const readFiles = mode === "filtered" ? "table" : mode;
  const expected = await failure(() => readTableWithReport(path, schema));
  if (expected !== undefined) {
    await expect(
      runOnDuckDb(steps(pipe(source.table)), { database: scratch.db, source, readFiles }),
    ).rejects.toThrow(expected);
  } else {
    const read = await readTableWithReport(path, schema);
    const result = await runOnDuckDb(steps(pipe(source.table)), { database: scratch.db, source, readFiles });
    expectSameTable(result.table, steps(pipe(read.table)).run().table);
  }
  const dropping = duckdbCsvFiles(path, schema, { onInvalid: "drop" });
  const dropped = await readTableWithReport(path, schema, { onInvalid: "drop" });
  const result = await runOnDuckDb(steps(pipe(dropping.table)), {
    database: scratch.db,
    source: dropping,
    readFiles,
  });
  expectSameTable(result.table, steps(pipe(dropped.table)).run().table);
  expect(result.read?.droppedRows ?? 0).toBe(dropped.report.droppedRows);
}

/** Whether the file's bytes let its numbers be read typed (counted: the properties must exercise both reads). */
async function typed(path: string, schema: RowSchema, header: readonly string[]): Promise<boolean> {
  const specs = columnKinds(schema);
  const risks = typedReadRisks(
    specs,
    specs.map((spec) => header.indexOf(spec.name)),
  );
  return ((await csvBodyKinds(path, { enough: risks })) & risks) === 0;
}

/**
 * Random files of `rows` under `schema`, each read in a random mode and compared with readTable; returns how
 * many were clean enough to be read typed, and how many were read as text.
 */
async function compareRandomFiles(
  schema: RowSchema,
  header: readonly string[],
  rows: fc.Arbitrary<readonly string[]>,
  numRuns: number,
): Promise<{ typed: number; text: number }> {
  const seen = { typed: 0, text: 0 };
  await fc.assert(
    fc.asyncProperty(fc.array(rows, { minLength: 1, maxLength: 12 }), readMode, async (cells, mode) => {
      const path = await writeCsv(header, cells);
      seen[(await typed(path, schema, header)) ? "typed" : "text"]++;
      await expectSameRead(path, schema, mode, header[0] as string);
    }),
    { numRuns },
  );
  return seen;
}

describe("DuckDB's typed read of clean files' numbers agrees with readTable", { timeout: 120_000 }, () => {
  it("integers, floats, time stamps and text: the same rows, drops and first error", async () => {
    const seen = await compareRandomFiles(Mixed, ["id", "amount", "count", "at", "label"], mixedRow, 40);
    expect(seen.typed).toBeGreaterThan(5);
    expect(seen.text).toBeGreaterThan(5);
  });

  it("floats only: exponents and points without a digit before them keep the typed read", async () => {
    const header = ["amount", "rate", "label"];
    const seen = await compareRandomFiles(Floats, header, floatRow, 30);
    expect(seen.typed).toBeGreaterThan(5);
    const exponents = await writeCsv(header, [["1e3", ".5", "label e"]]);
    expect(await typed(exponents, Floats, header)).toBe(true);
    // a file of its header alone: no body, nothing risky, no rows
    const empty = await writeCsv(header, []);
    expect(await typed(empty, Floats, header)).toBe(true);
    for (const mode of ["table", "streamed", "filtered"] as const)
      await expectSameRead(empty, Floats, mode, "amount");
  });

  it("reads as text a file whose bytes could spell a misread number: .0 or 1e3 as an integer, 1_0, +-1, 5\\f", async () => {
    const header = ["id", "amount", "count", "at", "label"];
    const good = ["1", "2.5", "3", "2018-07-27 09:14:45", "a"];
    const traps = [
      [0, ".0"],
      [2, "-.0"],
      [0, "1e3"],
      [1, "1_0"],
      [1, "+-1"],
      [1, "5\f"],
      [1, '"2.5\r"'],
      [1, '"\n2.5"'],
    ] as const;
    for (const [c, cell] of traps) {
      const path = await writeCsv(header, [good, good.with(c, cell)]);
      expect({ cell, typed: await typed(path, Mixed, header) }).toEqual({ cell, typed: false });
      expect(await failure(() => readTableWithReport(path, Mixed))).toMatch(/line 3/);
      await expectSameRead(path, Mixed, "streamed", "id");
    }
  });

  it("streams a file typed on its first chunk while the scan runs on, and again as text when a later row is risky", async () => {
    const header = ["id", "amount", "count", "at", "label"];
    const good = ["1", "2.5", "3", "2018-07-27 09:14:45", "a"];
    // ~1.3 MB of clean rows: the risky row is past the scan's first chunk (1 MiB)
    const rows = Array.from({ length: 36_000 }, (_, i) => good.with(0, String(i)));
    const risks = typedReadRisks(
      columnKinds(Mixed),
      Mixed.keyof().options.map((name) => header.indexOf(name)),
    );
    for (const [c, cell] of [
      [1, "1_0"], // DuckDB reads 10, readTable refuses it: the typed stream must not stand
      [4, "a+b"], // a risky byte in a label: the text read gives the same rows
    ] as const) {
      const path = await writeCsv(header, [...rows, good.with(c, cell), good]);
      expect((await csvBodyKinds(path, { enough: risks, limit: 1 << 20 })) & risks).toBe(0);
      expect(await typed(path, Mixed, header)).toBe(false);
      await expectSameRead(path, Mixed, "streamed", "id");
    }
    // time stamps the cast alone would misread, past the first chunk: the stream read without their guard must
    // not stand either (the cast reads hour 24 as the next midnight, and ` 9` as 09; readTable refuses both)
    const stamps = { fields: [3], delimiter: 44 };
    for (const cell of ["2018-07-27 24:00:00", "2018-07-27  9:14:45"]) {
      const path = await writeCsv(header, [...rows, good.with(3, cell), good]);
      expect(await csvBodyKinds(path, { limit: 1 << 20, stamps })).toBe(0);
      expect(await csvBodyKinds(path, { stamps })).toBe(ODD_STAMP);
      await expectSameRead(path, Mixed, "streamed", "id");
    }
    // two files, the second risky past its first chunk: the scans run one after the other, beside the query
    const dir = join(scratch.folder, "late-risk");
    await import("node:fs/promises").then((fs) => fs.mkdir(dir));
    const text = (extra: readonly string[][]) =>
      `${[header, ...rows, ...extra].map((r) => r.join(",")).join("\n")}\n`;
    await writeFile(join(dir, "part-0.csv"), text([]));
    await writeFile(join(dir, "part-1.csv"), text([good.with(1, "1_0")]));
    await expectSameRead(dir, Mixed, "streamed", "id");
    const harmless = duckdbCsvFiles(await writeCsv(header, [...rows, good.with(4, "a+b")]), Mixed);
    const streamed = await runOnDuckDb(pipe(harmless.table), {
      database: scratch.db,
      source: harmless,
      readFiles: "streamed",
    });
    expect([streamed.readBy, streamed.table.numRows()]).toEqual(["streamed", 36_001]);
    expect(streamed.table.get("label", 36_000)).toBe("a+b");
  });

  it("reads canonical time stamps by the cast alone at a line's end, before LF or CRLF, and a Feb 30 as readTable does", async () => {
    const header = ["id", "amount", "count", "label", "at"];
    const stamps = { fields: [4], delimiter: 44 };
    for (const end of ["\n", "\r\n"]) {
      for (const last of ["2018-07-27T23:59:59", "2018-02-30 10:00:00", ""]) {
        const rows = [
          ["1", "2.5", "3", "a", "2018-07-27 09:14:45"],
          ["2", "0.5", "", "b", last],
        ];
        const path = join(scratch.folder, `f${++files}.csv`);
        await writeFile(path, `${[header, ...rows].map((r) => r.join(",")).join(end)}${end}`);
        expect(await csvBodyKinds(path, { stamps })).toBe(0);
        for (const mode of ["table", "streamed", "filtered"] as const)
          await expectSameRead(path, Mixed, mode, "id");
      }
    }
  });

  it("chooses per file: a clean file read typed beside a risky one read as text, in file order", async () => {
    const header = ["id", "amount", "count", "at", "label"];
    const dir = join(scratch.folder, "mixed");
    await import("node:fs/promises").then((fs) => fs.mkdir(dir));
    const good = ["1", "2.5", "3", "2018-07-27 09:14:45", "a"];
    const files = [
      [good, good.with(0, "2")],
      [good.with(0, "3"), good.with(1, "1e3").with(0, "4"), good.with(0, "1.5")],
    ];
    for (const [i, rows] of files.entries()) {
      await writeFile(
        join(dir, `part-${i}.csv`),
        `${[header, ...rows].map((r) => r.join(",")).join("\n")}\n`,
      );
    }
    expect(await typed(join(dir, "part-0.csv"), Mixed, header)).toBe(true);
    expect(await typed(join(dir, "part-1.csv"), Mixed, header)).toBe(false);
    for (const mode of ["table", "streamed", "filtered"] as const)
      await expectSameRead(dir, Mixed, mode, "id");
  });

  it("names the cell a typed read refuses, as readTable does: a letter, infinity, a fraction as an integer", async () => {
    const header = ["id", "amount", "count", "at", "label"];
    const good = ["1", "2.5", "3", "2018-07-27 09:14:45", "a"];
    for (const [c, cell] of [
      [0, "1.5"],
      [1, "inf"],
      [0, "x"],
      [2, "9007199254740992"],
      [0, ""],
    ] as const) {
      const path = await writeCsv(header, [good, good.with(c, cell)]);
      expect(await typed(path, Mixed, header)).toBe(true);
      const message = await failure(() => readTableWithReport(path, Mixed));
      expect(message).toMatch(/line 3/);
      await expectSameRead(path, Mixed, "table", "id");
    }
  });
});
