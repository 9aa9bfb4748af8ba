import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pipe, typedTable } from "@tablepipe/core";
import { TableWriteError, writeTable } from "@tablepipe/io";
import { sortRows } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { writeOnDuckDb } from "./engine/write-on-duckdb";
import { scratchDuckDb } from "./test-support";

const DAY = 86_400_000;

/** Epoch milliseconds `ms` after the start of the year `year` (any year, 0 and before too). */
function inYear(year: number, ms: number): number {
  const start = new Date(0);
  start.setUTCFullYear(year, 0, 1);
  return start.getTime() + ms;
}

/** Floats whose text JavaScript and DuckDB lay out differently, or that are easy to get wrong. */
const FLOATS = [
  -0,
  0,
  5,
  -5,
  0.1,
  -1e-7,
  1e-7,
  1.5e-7,
  1e-5,
  -1.2345e-6,
  0.000123,
  1e-4,
  12345678.5,
  1e15,
  1e16,
  9007199254740994,
  2 ** 60,
  1.2345678901234568e20,
  1e21,
  1.2345e22,
  -1e300,
  5e-324,
  Number.MAX_VALUE,
  Number.NaN,
  null,
  2 / 3,
  -123.456,
];

/** Time stamps with fractions of a millisecond, before 1970 too, and years at the edges of 0-9999. */
const STAMPS = [
  Date.UTC(2024, 2, 10, 2, 30),
  Date.UTC(2023, 10, 5, 1, 15, 0, 250),
  -0.5,
  999.5,
  Date.UTC(2024, 11, 31, 23, 59, 59, 999) + 0.5,
  Date.UTC(1999, 11, 31, 23, 59, 59, 7),
  null,
  inYear(5, 3_723_004),
  inYear(9999, DAY * 364 + DAY - 1),
  inYear(0, DAY * 10 + 500), // 1 BC
  inYear(0, 0),
  Date.UTC(1969, 11, 31, 23, 59, 59, 999),
  0,
];

const STRINGS = [
  'say "hi", then go',
  "",
  null,
  "é ünï 😀",
  "a,b",
  "line\nbreak",
  "cr\r\nlf",
  " padded ",
  "NULL",
];

/** A column of each kind, the rows of the longest, the others' values repeated. */
function awkward() {
  const rows = FLOATS.length;
  const at = (values: readonly unknown[], i: number) => values[i % values.length];
  return typedTable(
    aq.table({
      i: Array.from({ length: rows }, (_, i) => at([0, -1, 42, 2 ** 53 - 1, -(2 ** 53 - 1), null], i)),
      x: FLOATS,
      s: Array.from({ length: rows }, (_, i) => at(STRINGS, i)),
      b: Array.from({ length: rows }, (_, i) => at([true, false, null], i)),
      t: Array.from({ length: rows }, (_, i) => at(STAMPS, i)),
      d: Array.from({ length: rows }, (_, i) => at([Date.UTC(2024, 1, 29), null, Date.UTC(1960, 0, 1)], i)),
      n: Array.from({ length: rows }, (_, i) => i),
    }),
    {
      i: { type: "int", nullable: true },
      x: { type: "float", nullable: true },
      s: { type: "string", nullable: true },
      b: { type: "boolean", nullable: true },
      t: { type: "timestamp", nullable: true },
      d: { type: "date", nullable: true },
      n: { type: "int", nullable: false },
    },
  );
}

const scratch = scratchDuckDb("tablepipe-duckdb-csv-text-");

/** The bytes writeTable writes for the in-process result, and those writeOnDuckDb's COPY writes. */
async function bothFiles(p: ReturnType<typeof pipe>, name: string): Promise<[string, string]> {
  const inProcess = join(scratch.folder, `${name}-in-process.csv`);
  const onDuckDb = join(scratch.folder, `${name}-duckdb.csv`);
  await writeTable(p.run().table, inProcess);
  const { written } = await writeOnDuckDb(p, onDuckDb, { database: scratch.db });
  expect(written.by).toBe("duckdb");
  return [await readFile(onDuckDb, "utf8"), await readFile(inProcess, "utf8")];
}

describe("writeOnDuckDb's CSV text is writeTable's", () => {
  it("every value kind: ints, floats (-0, tiny, huge), NaN and null, booleans, quoted strings, stamps, dates", async () => {
    const [duckdb, inProcess] = await bothFiles(pipe(awkward()).transform(sortRows, { by: ["n"] }), "kinds");
    expect(duckdb).toBe(inProcess);
    // the cases the review found, as writeTable writes them
    expect(inProcess).toContain(",-0,");
    expect(inProcess).toContain(",9007199254740994,");
    expect(inProcess).toContain(",-1e-7,");
    expect(inProcess).toContain("1969-12-31 23:59:59.999");
  });

  it("a year outside 0-9999 and a text holding a NUL are refused as writeTable refuses them", async () => {
    const cases: { name: string; table: aq.ColumnTable; message: string }[] = [
      {
        name: "stamp",
        table: typedTable(aq.table({ v: [0, inYear(12345, 1)] }), {
          v: { type: "timestamp", nullable: false },
        }),
        message:
          "column v, row 2: +012345-01-01 00:00:00.001 is outside the years 0000 to 9999 a CSV time stamp holds, and readTable refuses it: the file would not read back (write Parquet or Arrow, which hold it; epoch ms 327403382400001)",
      },
      {
        name: "before",
        table: typedTable(aq.table({ v: [inYear(-1, 0), 0] }), { v: { type: "timestamp", nullable: false } }),
        message: "column v, row 1: -000001-01-01 00:00:00 is outside the years 0000 to 9999",
      },
      {
        name: "date",
        table: typedTable(aq.table({ v: [0, inYear(10000, 0)] }), { v: { type: "date", nullable: false } }),
        message: "column v, row 2: +010000-01-01 00:00:00 is outside the years 0000 to 9999",
      },
      {
        name: "nul",
        table: typedTable(aq.table({ v: ["a", "b\0c"] }), { v: { type: "string", nullable: false } }),
        message:
          "column v, row 2: the text holds a NUL character, and readTable refuses a CSV file holding one (it takes it for binary data): the file would not read back (write Parquet or Arrow, which hold it, or remove it)",
      },
    ];
    for (const { name, table, message } of cases) {
      const p = pipe(table).transform(sortRows, { by: ["v"] });
      const path = join(scratch.folder, `${name}.csv`);
      await expect(writeTable(p.run().table, path)).rejects.toThrow(message);
      await expect(writeOnDuckDb(p, path, { database: scratch.db })).rejects.toThrow(TableWriteError);
      await expect(writeOnDuckDb(p, path, { database: scratch.db })).rejects.toThrow(message);
    }
  });

  it("an infinity is refused as writeTable refuses it, naming the column, the row and the value", async () => {
    const table = typedTable(aq.table({ v: [1, Number.POSITIVE_INFINITY] }), {
      v: { type: "float", nullable: false },
    });
    const p = pipe(table).transform(sortRows, { by: ["v"] });
    const path = join(scratch.folder, "infinity.csv");
    await expect(writeTable(p.run().table, path)).rejects.toThrow(
      /column v, row 2: Infinity is not a finite number/,
    );
    const refused = writeOnDuckDb(p, path, { database: scratch.db });
    await expect(refused).rejects.toThrow(TableWriteError);
    await expect(writeOnDuckDb(p, path, { database: scratch.db })).rejects.toThrow(
      /column v, row 2: Infinity is not a finite number/,
    );
  });
});
