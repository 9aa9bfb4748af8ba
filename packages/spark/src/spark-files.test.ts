import { join } from "node:path";
import { pipe, type RowSchema } from "@tablepipe/core";
import { type ReadTableOptions, readTable, readTableWithReport, writeTable } from "@tablepipe/io";
import { expectSameTable } from "@tablepipe/sql/test-support";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { SparkLoadError, SparkQueryError } from "./client/errors";
import { runOnSpark, type SparkPipeResult } from "./engine/run-on-spark";
import { type SparkFileOptions, sparkFiles } from "./engine/sources";
import { sparkTestSession } from "./test-support";

/** Runs against the Spark Connect server the global setup found (`pnpm spark:start`); none: declared, not run. */
const sparkTest = sparkTestSession("spark-files");
const { remote } = sparkTest;

/** Spark's run of a pipe of no steps over the files read with the schema: the table and the read's report. */
async function sparkRun(
  format: "csv" | "parquet" | "json",
  path: string | readonly string[],
  schema: RowSchema,
  options: Omit<SparkFileOptions, "schema"> = {},
): Promise<SparkPipeResult<string>> {
  const shape = aq.table(Object.fromEntries(Object.keys(schema.shape).map((name) => [name, []])));
  const source = sparkFiles(format, path, { ...options, schema });
  return await runOnSpark(pipe(shape), { remote: sparkTest.session, source });
}

/** The table Spark reads from the files with the schema. */
async function sparkRead(
  format: "csv" | "parquet" | "json",
  path: string | readonly string[],
  schema: RowSchema,
  options: Omit<SparkFileOptions, "schema"> = {},
): Promise<aq.ColumnTable> {
  return (await sparkRun(format, path, schema, options)).table;
}

/** Spark's read equals readTable's table of the same file, and reports what readTable reports (but the time). */
async function expectReadTable(
  format: "csv" | "parquet",
  path: string,
  schema: RowSchema,
  options: Pick<ReadTableOptions, "onInvalid"> = {},
): Promise<void> {
  const expected = await readTableWithReport(path, schema, options);
  const { table, read } = await sparkRun(format, path, schema, options);
  expectSameTable(table, expected.table);
  const { ms: _, ...report } = expected.report;
  expect(read).toEqual({ ...report, ms: read?.ms });
}

/** Spark's read fails with readTable's error on the same file. */
async function expectReadTableError(path: string, schema: RowSchema, format: "csv" | "parquet" = "csv") {
  const expected = await readTable(path, schema).then(
    () => undefined,
    (error: unknown) => error as Error,
  );
  expect(expected?.name).toBe("TableReadError");
  const error = await sparkRead(format, path, schema).catch((e: unknown) => e as Error);
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).name).toBe("TableReadError");
  expect((error as Error).message).toBe(expected?.message);
}

describe.runIf(remote !== "")("sparkFiles reads files as readTable does", { timeout: 120_000 }, () => {
  it("reads quoted cells (a doubled quote, a line break inside quotes) as readTable", async () => {
    const path = await sparkTest.file("quotes.csv", 'id,note\n1,"said ""hi"""\n2,"two\nlines"\n3,plain\n');
    const schema = z.object({ id: z.int(), note: z.string() });
    await expectReadTable("csv", path, schema);
    expect((await sparkRead("csv", path, schema)).objects()).toEqual([
      { id: 1, note: 'said "hi"' },
      { id: 2, note: "two\nlines" },
      { id: 3, note: "plain" },
    ]);
  });

  it("reads CRLF line ends, a byte-order mark and a last line without a line end as readTable", async () => {
    const schema = z.object({ id: z.int(), note: z.string().nullable() });
    await expectReadTable(
      "csv",
      await sparkTest.file("crlf.csv", 'id,note\r\n1,a\r\n2,"b\r\nc"\r\n3,\r\n'),
      schema,
    );
    await expectReadTable("csv", await sparkTest.file("bom.csv", "\ufeffid,note\n1,a\n2,b"), schema);
    const fares = await sparkTest.file("crlf-fares.csv", "id,fare\r\n1,2.5\r\n2,x\r\n");
    await expectReadTableError(fares, z.object({ id: z.int(), fare: z.number() }));
  });

  it("reads an optional column the file lacks as null, and lists it in the report as readTable does", async () => {
    const path = await sparkTest.file("no-note.csv", "id,note_text\n1,a\n2,b\n");
    const schema = z.object({ id: z.int(), note: z.string().optional() });
    await expectReadTable("csv", path, schema);
    const { table, read } = await sparkRun("csv", path, schema);
    expect(table.objects()).toEqual([
      { id: 1, note: null },
      { id: 2, note: null },
    ]);
    expect(read?.absentColumns).toEqual({ note: [path] });
  });

  it("finds columns by header name (any order, case and aliases), not by position", async () => {
    const schema = z.object({
      station_id: z.int(),
      name: z.string(),
      capacity: z.int(),
      district: z.string(),
    });
    const reordered = await sparkTest.file(
      "reordered.csv",
      "station_id,capacity,name,district\n1,20,Main,Downtown\n2,15,Nord Cafe,Nord\n",
    );
    await expectReadTable("csv", reordered, schema);
    const cased = await sparkTest.file(
      "cased.csv",
      "Station_ID,Name,Capacity,District\n1,Main,20,Downtown\n",
    );
    await expectReadTable("csv", cased, schema);
    const aliased = await sparkTest.file("aliased.csv", "id,name,capacity,district\n1,Main,20,Downtown\n");
    const table = await sparkRead("csv", aliased, schema, { aliases: { station_id: ["id"] } });
    expect(table.objects()).toEqual([{ station_id: 1, name: "Main", capacity: 20, district: "Downtown" }]);
  });

  it("names a missing column and the file before any row is read", async () => {
    const path = await sparkTest.file("missing.csv", "station_id,name\n1,Main\n");
    const schema = z.object({ station_id: z.int(), name: z.string(), capacity: z.int() });
    await expectReadTableError(path, schema);
  });

  it("stops at a value that does not parse, naming the line, column and value as readTable", async () => {
    const path = await sparkTest.file("fares.csv", "ride_id,fare\n1,10.5\n2,\n3,7\n4,3.25\n5,1O.50\n6,2\n");
    await expectReadTableError(path, z.object({ ride_id: z.int(), fare: z.number().nullable() }));
    await expectReadTable("csv", path, z.object({ ride_id: z.int(), fare: z.number().nullable() }), {
      onInvalid: "drop",
    });
    const integers = await sparkTest.file("integers.csv", "id,n\n1,3.0\n2,3.5\n");
    await expectReadTableError(integers, z.object({ id: z.int(), n: z.int() }));
    const empty = await sparkTest.file("empty.csv", "id,n\n1,\n");
    await expectReadTableError(empty, z.object({ id: z.int(), n: z.number() }));
  });

  it("counts a record's line breaks inside quotes in the line it names", async () => {
    const path = await sparkTest.file("lines.csv", 'id,note,fare\n1,"a\nb",1\n2,c,x\n');
    await expectReadTableError(path, z.object({ id: z.int(), note: z.string(), fare: z.number() }));
  });

  it("reads time stamps in readTable's layouts, and refuses a zoned one as readTable", async () => {
    const schema = z.object({ id: z.int(), opened: z.date().nullable() });
    const stamps = await sparkTest.file(
      "stamps.csv",
      "id,opened\n1,03/10/2024 02:30:00 AM\n2,2024-01-01T10:00:00\n3,2024-02-29\n4,12/31/2023 12:00:00 PM\n5,2024-05-06 07:08:09.1239\n6,\n7,1/2/2024 3:04\n",
    );
    await expectReadTable("csv", stamps, schema);
    const zoned = await sparkTest.file(
      "zoned.csv",
      "id,opened\n1,2024-01-01 10:00:00\n2,2024-01-01T10:00:00Z\n",
    );
    await expectReadTableError(zoned, schema);
    const invalid = await sparkTest.file("feb30.csv", "id,opened\n1,2023-02-29 10:00:00\n");
    await expectReadTableError(invalid, schema);
  });

  it("reads a date column's midnights in any layout, and refuses a time of day as readTable, in CSV and Parquet", async () => {
    const schema = z.object({ id: z.int(), day: z.date().meta({ logicalType: "date" }).nullable() });
    const days = await sparkTest.file(
      "days.csv",
      "id,day\n1,2024-01-01\n2,2024-01-02 00:00:00\n3,01/03/2024 12:00 AM\n4,2024-01-04T00:00:00.0004\n5,\n",
    );
    await expectReadTable("csv", days, schema);
    const timed = await sparkTest.file(
      "timed-days.csv",
      "id,day\n1,2024-01-01\n2,2024-01-02 10:00:00\n3,01/03/2024 12:00 PM\n4,2024-01-04\n",
    );
    await expectReadTableError(timed, schema);
    await expect(readTable(timed, schema)).rejects.toThrow(
      'line 3, column day: "2024-01-02 10:00:00" is not a midnight',
    );
    await expectReadTable("csv", timed, schema, { onInvalid: "drop" });
    const parquet = join(sparkTest.folder, "timed-days");
    await sparkTest.session.client.statement(
      `INSERT OVERWRITE DIRECTORY '${parquet}' USING parquet SELECT 1 AS id, TIMESTAMP_NTZ '2024-01-01 10:00:00' AS day`,
      "writing a Parquet file",
    );
    await expectReadTableError(parquet, schema, "parquet");
    await expectReadTable("parquet", parquet, schema, { onInvalid: "drop" });
  });

  it("reads booleans, enums, empty and quoted empty cells as readTable", async () => {
    const schema = z.object({
      id: z.int(),
      ok: z.boolean().nullable(),
      kind: z.enum(["a", "b"]),
      note: z.string().nullable(),
      n: z.number().default(7),
    });
    const path = await sparkTest.file(
      "kinds.csv",
      'id,ok,kind,note,n\n1,Yes,a,"",\n2,f,b,,2.5\n3, t ,a," x ", 1e3\n',
    );
    await expectReadTable("csv", path, schema);
    const bad = await sparkTest.file("badenum.csv", "id,ok,kind,note,n\n1,yes,c,x,1\n");
    await expectReadTableError(bad, schema);
    const blank = await sparkTest.file("blankenum.csv", "id,ok,kind,note,n\n1,yes,  ,x,1\n");
    await expectReadTableError(blank, schema);
    const quotedEmpty = await sparkTest.file("quotedenum.csv", 'id,ok,kind,note,n\n1,yes,"",x,1\n');
    await expectReadTableError(quotedEmpty, schema);
    const nullable = schema.extend({ kind: z.enum(["a", "b"]).nullable() });
    await expectReadTableError(quotedEmpty, nullable);
    await expectReadTableError(blank, nullable);
  });

  it("refuses a quoted cell with a quote that is not doubled, as readTable refuses the file", async () => {
    const path = await sparkTest.file("loose-quote.csv", 'id,note\n1,"a"b\n2,c\n');
    const schema = z.object({ id: z.int(), note: z.string() });
    await expect(readTable(path, schema)).rejects.toThrow("after the closing quote");
    await expect(sparkRead("csv", path, schema)).rejects.toThrow(
      /a quoted cell holds a quote that is not doubled/,
    );
  });

  it("refuses a record of another number of fields as readTable", async () => {
    const path = await sparkTest.file("ragged.csv", "id,name\n1,a\n2\n");
    await expectReadTableError(path, z.object({ id: z.int(), name: z.string().nullable() }));
  });

  it("refuses a null in a Parquet column the schema says is never null, naming the column", async () => {
    const path = join(sparkTest.folder, "fares.parquet");
    await writeTable(aq.table({ id: [1, 2, 3], fare: [1.5, null, 3] }), path);
    const strict = z.object({ id: z.int(), fare: z.number() });
    const error = await sparkRead("parquet", path, strict).catch((e: unknown) => e as Error);
    expect((error as Error).name).toBe("TableReadError");
    expect((error as Error).message).toBe(
      `${path} row 2, column fare: empty value, but the column is not nullable (expected a number, e.g. 12.5)`,
    );
    await expect(readTable(path, strict)).rejects.toThrow("column fare");
    await expectReadTable("parquet", path, z.object({ id: z.int(), fare: z.number().nullable() }));
    const fractions = join(sparkTest.folder, "fractions.parquet");
    await writeTable(aq.table({ id: [1, 2], n: [1, 2.5] }), fractions);
    await expectReadTableError(fractions, z.object({ id: z.int(), n: z.int() }), "parquet");
    const wrongType = z.object({ id: z.int(), fare: z.boolean() });
    await expect(sparkRead("parquet", path, wrongType)).rejects.toThrow(
      /column fare: the file's column "fare" holds double values/,
    );
  });

  it("floors Parquet time stamps finer than a millisecond as readTable, and reads ints, decimals and floats", async () => {
    const path = join(sparkTest.folder, "micros");
    await sparkTest.session.client.statement(
      `INSERT OVERWRITE DIRECTORY '${path}' USING parquet SELECT 1 AS id, TIMESTAMP_NTZ '2024-01-01 10:00:00.123456' AS at, TIMESTAMP_NTZ '1969-12-31 23:59:59.999500' AS old, CAST(3 AS INT) AS i, CAST(2.5 AS DECIMAL(10, 2)) AS d, CAST(1.5 AS FLOAT) AS f, DATE '2024-02-29' AS day`,
      "writing a Parquet file",
    );
    const schema = z.object({
      id: z.int(),
      at: z.date(),
      old: z.date(),
      i: z.int(),
      d: z.number(),
      f: z.number(),
      day: z.date(),
    });
    await expectReadTable("parquet", path, schema);
  });

  it("reads several CSV files of one header in readTable's order, and names the file of an invalid value", async () => {
    // Spark reads the larger file first; readTable reads a glob's files in name order, a list's in its order
    const small = await sparkTest.file("many-a.csv", "id,n\n1,1\n2,2\n");
    const large = await sparkTest.file("many-b.csv", "id,n\n3,3.5\n4,4\n5,5\n6,6\n7,7\n8,8\n");
    const schema = z.object({ id: z.int(), n: z.number() });
    const glob = join(sparkTest.folder, "many-*.csv");
    await expectReadTable("csv", glob, schema);
    expect(Array.from((await sparkRead("csv", glob, schema)).array("id") as ArrayLike<number>)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    const listed = await sparkRead("csv", [large, small], schema);
    expectSameTable(listed, await readTable([large, small], schema));
    await expectReadTableError(glob, z.object({ id: z.int(), n: z.int() }));
  });

  it("refuses CSV files whose headers differ, where readTable matches each by name", async () => {
    await sparkTest.file("apart-a.csv", "id,n\n1,1\n");
    await sparkTest.file("apart-b.csv", "n,id\n2,2\n");
    const error = await sparkRead(
      "csv",
      join(sparkTest.folder, "apart-*.csv"),
      z.object({ id: z.int(), n: z.int() }),
    ).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(SparkQueryError);
    expect((error as Error).message).toMatch(
      /apart-b\.csv has the header n, id, the first file id, n: on Spark the CSV files of one read must have the first file's header/,
    );
  });

  it("reads a CSV header that ends with a delimiter (a blank last name) as readTable, LF or CRLF", async () => {
    const schema = z.object({ device_id: z.string(), value: z.number().nullable() });
    const lf = await sparkTest.file("trailing-lf.csv", "device_id,value,\nA,1,\nB,,\n");
    await expectReadTable("csv", lf, schema);
    const crlf = await sparkTest.file("trailing-crlf.csv", "device_id,value,\r\nA,1,\r\nB,2.5,\r\n");
    await expectReadTable("csv", crlf, schema);
    // a blank name in the middle, and two files of that header
    const middle = await sparkTest.file("blank-a.csv", "device_id,,value\nA,x,1\n");
    await sparkTest.file("blank-b.csv", "device_id,,value\nB,y,2\n");
    await expectReadTable("csv", middle, schema);
    const glob = join(sparkTest.folder, "blank-*.csv");
    expectSameTable(await sparkRead("csv", glob, schema), await readTable(glob, schema));
  });

  it("refuses a CSV header of repeated or several blank names, naming the file and the names", async () => {
    const schema = z.object({ device_id: z.string(), value: z.number() });
    const twice = await sparkTest.file("twice.csv", "device_id,x,value,x\nA,x,1,y\n");
    const blanks = await sparkTest.file("blanks.csv", "device_id,,value,\nA,x,1,\n");
    for (const [path, names] of [
      [twice, 'repeated names, which Spark renames "x1" (column 2), "x3" (column 4)'],
      [blanks, '2 blank names, which Spark names "_c1" (column 2), "_c3" (column 4)'],
    ] as const) {
      expect((await readTable(path, schema)).numRows()).toBe(1);
      const error = await sparkRead("csv", path, schema).catch((e: unknown) => e as Error);
      expect(error).toBeInstanceOf(SparkQueryError);
      expect((error as Error).message).toContain(
        `(the CSV header of ${path} seems to hold ${names}: Spark checks each file's header by its names, which must differ, so it cannot read such a file, where readTable reads it`,
      );
    }
    // names that end with their positions, but differ: read
    const numbered = await sparkTest.file("numbered.csv", "device_id,x1,value,x3\nA,x,1,y\n");
    await expectReadTable("csv", numbered, schema);
  });

  it("refuses CSV files of LF and of CRLF line ends read together, naming the file and its line end", async () => {
    const schema = z.object({ device_id: z.string(), value: z.number() });
    const lf = await sparkTest.file("logger-linux.csv", "device_id,value\nA,1\n");
    const crlf = await sparkTest.file("logger-windows.csv", "device_id,value\r\nB,2\r\n");
    expect((await readTable([lf, crlf], schema)).numRows()).toBe(2);
    for (const [files, file, ends, first] of [
      [[lf, crlf], crlf, "CRLF", "LF"],
      [[crlf, lf], lf, "LF", "CRLF"],
    ] as const) {
      const error = await sparkRead("csv", files, schema).catch((e: unknown) => e as Error);
      expect(error).toBeInstanceOf(SparkQueryError);
      expect((error as Error).message).toContain(
        `(${file} ends its lines with ${ends} where the first file ends them with ${first}: Spark checks`,
      );
    }
  });

  it("reads JSON lines with the schema: text time stamps by readTable's layouts, nulls checked", async () => {
    const path = await sparkTest.file(
      "lines.json",
      '{"id":1,"at":"2024-01-01 10:00:00","n":1.5}\n{"id":2,"at":"03/10/2024 02:30:00 AM","n":2}\n{"id":3,"n":null}\n',
    );
    const schema = z.object({ id: z.int(), at: z.date().nullable(), n: z.number().nullable() });
    expect((await sparkRead("json", path, schema)).objects()).toEqual([
      { id: 1, at: Date.UTC(2024, 0, 1, 10), n: 1.5 },
      { id: 2, at: Date.UTC(2024, 2, 10, 2, 30), n: 2 },
      { id: 3, at: null, n: null },
    ]);
    await expect(sparkRead("json", path, schema.extend({ n: z.number() }))).rejects.toThrow(
      `${path} line 3, column n: empty value, but the column is not nullable`,
    );
  });

  it("keeps and drops exactly the cells readTable keeps and drops, with its values, for each kind", async () => {
    const cells: Record<"float" | "int" | "boolean" | "timestamp" | "enum", readonly string[]> = {
      float: [
        "1",
        " 2 ",
        "+3",
        "-4.5",
        ".5",
        "5.",
        "1e3",
        "1E-2",
        "1_000",
        "0x10",
        "NaN",
        "Infinity",
        "-inf",
        "1e400",
        "1.5d",
        "\t7\t",
        "--1",
        "1,5",
        "  ",
        "-0",
        "٣",
      ],
      int: [
        "3.0",
        "3.00",
        "3.5",
        "9007199254740991",
        "9007199254740992",
        "-9007199254740991",
        "1e3",
        ".0",
        "007",
        "+8",
        "8.",
        " 9 ",
      ],
      boolean: ["T", "yes", "Y", "no", "N", "0", "1", "true ", "maybe", "FALSE", "on"],
      timestamp: [
        "2024-01-01",
        "2024-01-01 10:00",
        "2024-01-01T10:00:00.5",
        "2024-01-01 10:00:00,123456",
        "2024-1-01",
        "2024-02-30",
        "2023-02-29",
        "2024-02-29 00:00:00",
        "2024-01-01 24:00:00",
        "1/2/2024",
        "1/2/2024 12:00 AM",
        "1/2/2024 0:00 AM",
        "1/2/2024 13:00 PM",
        "01/02/2024 11:59:59.999 pm",
        "2024-01-01t10:00:00",
        "0000-01-01",
        "9999-12-31 23:59:59",
        "2024-01-01 10:00:00 +05:00",
        "12/31/2024 23:59",
        "1/2/2024 12:00am",
        "2024-01-01 10:00:",
        "2024-01-01 10:00:00.",
      ],
      enum: ["a", " a", "b ", "A", "c", "  ", ""],
    };
    for (const [kind, values] of Object.entries(cells)) {
      // each cell quoted, and unquoted where that reads the same text (an empty cell is then empty, not `""`)
      const unquoted = values.filter((v) => !/[,"\n]/.test(v));
      const rows = [...values.map((v) => `"${v}"`), ...unquoted];
      const text = ["id,v", ...rows.map((v, i) => `${i},${v}`)].join("\n");
      const path = await sparkTest.file(`cells-${kind}.csv`, `${text}\n`);
      const column =
        kind === "float"
          ? z.number()
          : kind === "int"
            ? z.int()
            : kind === "boolean"
              ? z.boolean()
              : kind === "timestamp"
                ? z.date()
                : z.enum(["a", "b "]);
      const schema = z.object({ id: z.int(), v: column.nullable() });
      await expectReadTable("csv", path, schema, { onInvalid: "drop" });
      // some cells of each kind are kept, some dropped
      const kept = (await readTable(path, schema, { onInvalid: "drop" })).numRows();
      expect(kept).toBeGreaterThan(0);
      expect(kept).toBeLessThan(rows.length);
    }
  });
});

describe("sparkFiles without a Spark: what it refuses when called", () => {
  it("refuses a schema with value rules, as DuckDB's file sources do", () => {
    const ruled = z.object({ id: z.int(), fare: z.number().min(0) });
    expect(() => sparkFiles("csv", "rides.csv", { schema: ruled })).toThrow(SparkLoadError);
    expect(() => sparkFiles("csv", "rides.csv", { schema: ruled })).toThrow(
      /sparkFiles: column "fare" has value rules \(.+\) that Spark does not check/,
    );
  });

  it("refuses an onInvalid that is neither error nor drop", () => {
    const schema = z.object({ id: z.int() });
    expect(() => sparkFiles("csv", "rides.csv", { schema, onInvalid: "skip" as never })).toThrow(
      'sparkFiles: onInvalid must be "error" or "drop"',
    );
  });
});
