import { pipe, type RowSchema } from "@tablepipe/core";
import { DuckDb, duckdbCsvFiles, runOnDuckDb } from "@tablepipe/duckdb";
import { describeRead, type OnInvalid, type ReadReport, readTableWithReport } from "@tablepipe/io";
import { expectSameTable } from "@tablepipe/sql/test-support";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { runOnSpark, type SparkPipeResult } from "./engine/run-on-spark";
import { sparkFiles } from "./engine/sources";
import { sparkTestSession } from "./test-support";

/** Runs against the Spark Connect server the global setup found (`pnpm spark:start`); none: declared, not run. */
const sparkTest = sparkTestSession("spark-report");
const { remote } = sparkTest;

/** Spark's read of the files with the schema (a pipe of no steps over them). */
async function sparkRead(
  paths: readonly string[],
  schema: RowSchema,
  onInvalid: OnInvalid,
): Promise<SparkPipeResult<string>> {
  const shape = aq.table(Object.fromEntries(Object.keys(schema.shape).map((name) => [name, []])));
  const source = sparkFiles("csv", paths, { schema, onInvalid });
  return await runOnSpark(pipe(shape), { remote: sparkTest.session, source });
}

/** A report without its time, which no two reads share. */
const timeless = ({ ms: _, ...report }: ReadReport): Omit<ReadReport, "ms"> => report;

const Trip = z.object({
  id: z.int(),
  fare: z.number(),
  paid: z.boolean().nullable(),
  kind: z.enum(["cash", "card"]),
  at: z.date().nullable(),
  note: z.string(),
});

describe.runIf(remote !== "")("sparkFiles reports its read as readTable does", { timeout: 180_000 }, () => {
  it("gives readTable's report on messy CSV files with onInvalid drop, as DuckDB's file sources do", async () => {
    const header = "id,fare,paid,kind,at,note\n";
    const first = await sparkTest.file(
      "a.csv",
      header +
        "1,2.5,yes,cash,2018-07-27 09:14:45,plain\n" +
        "2,x1,maybe,cash,,b\n" + // two invalid cells in one row
        "3,,true,coin,07/27/2018 09:14:45 PM,c\n" + // an empty fare, a kind not allowed
        '4,1O.50,no,card,2018-02-30,""\n' + // a fare, an impossible date; a quoted empty note is text
        "5,7,1,card,2018-07-27T09:14:45+02:00,e\n" + // a zoned time stamp
        "6,8,0,cash,,f\n" +
        "7,NaN,n,card,,g\n" +
        "8,9,y,card,,h\n",
    );
    const second = await sparkTest.file(
      "b.csv",
      header +
        "9,1e999,t,cash,,i\n" +
        '10,3,f,"",,j\n' + // a quoted empty enum is a value not allowed
        "11,2,,card,,\n" + // an empty note in a column that may not be empty
        "12,4,false,card,2018-07-27,l\n",
    );
    const paths = [first, second];
    const expected = await readTableWithReport(paths, Trip, { onInvalid: "drop" });
    const db = await DuckDb.open();
    try {
      const duck = duckdbCsvFiles(paths, Trip, { onInvalid: "drop" });
      const onDuckDb = await runOnDuckDb(pipe(duck.table), { database: db, source: duck });
      expect(timeless(onDuckDb.read as ReadReport)).toEqual(timeless(expected.report));
    } finally {
      db.close();
    }
    const onSpark = await sparkRead(paths, Trip, "drop");
    expectSameTable(onSpark.table, expected.table);
    // the same rows, counts, and examples in the same order (the first three of each column)
    expect(timeless(onSpark.read as ReadReport)).toEqual(timeless(expected.report));
    expect(onSpark.read?.invalidByColumn).toEqual({
      fare: 5,
      paid: 1,
      kind: 2,
      at: 2,
      note: 1,
    });
    expect(describeRead(onSpark.read as ReadReport).dropped).toBe(describeRead(expected.report).dropped);
  });

  it("lists the per-column counts as readTable does: as each column's first invalid value comes in the files", async () => {
    const header = "device_id,ts,value,unit\n";
    // value's first invalid cell comes first, then ts's, then unit's (a row's cells in the schema's order)
    const first = await sparkTest.file(
      "o1.csv",
      `${header}d1,2024-03-01 10:00:00,x,C\nd1,2024-03-01 11:00:00,2,C\n`,
    );
    const second = await sparkTest.file(
      "o2.csv",
      `${header}d2,not a time,1.5,C\nd2,2024-03-01 12:00:00,n/a,F\nd2,bad,3,K\n`,
    );
    const schema = z.object({
      device_id: z.string(),
      ts: z.date(),
      value: z.number(),
      unit: z.enum(["C", "F"]),
    });
    const expected = await readTableWithReport([first, second], schema, { onInvalid: "drop" });
    const onSpark = await sparkRead([first, second], schema, "drop");
    expect(describeRead(expected.report).dropped).toMatch(/\(value 2, ts 2, unit 1\)/);
    expect(describeRead(onSpark.read as ReadReport).dropped).toBe(describeRead(expected.report).dropped);
  });

  it("counts records of another number of fields and lines as readTable, each at its line among the invalid cells", async () => {
    const header = "id,fare,note\n";
    // a quoted line break moves the lines after it (DuckDB's file sources count records instead: not compared)
    const first = await sparkTest.file("m1.csv", `${header}1,2,"a\nb"\n2,3\n3,x,c\n4,5,d,e\n5,6,f\n6\n`);
    const second = await sparkTest.file("m2.csv", `${header}7,y,a\n8\n`);
    const schema = z.object({ id: z.int(), fare: z.number(), note: z.string() });
    const expected = await readTableWithReport([first, second], schema, { onInvalid: "drop" });
    const onSpark = await sparkRead([first, second], schema, "drop");
    expectSameTable(onSpark.table, expected.table);
    expect(timeless(onSpark.read as ReadReport)).toEqual(timeless(expected.report));
    expect(Object.entries(onSpark.read?.invalidByColumn ?? {})).toEqual([
      ["(malformed row)", 4],
      ["fare", 2],
    ]);
  });

  it("names the lines of invalid values after quoted line breaks as readTable", async () => {
    // a file read again alone to locate them, by its name decoded from Spark's URI
    const path = await sparkTest.file(
      "odd name %20.csv",
      'id,fare,note\n1,2,"a\nb\nc"\n2,x,d\n3,"4\n",e\n4,y,"f\r\ng"\n5,z,h\n6,w,i\n',
    );
    const schema = z.object({ id: z.int(), fare: z.number(), note: z.string() });
    const expected = await readTableWithReport(path, schema, { onInvalid: "drop" });
    const onSpark = await sparkRead([path], schema, "drop");
    expect(timeless(onSpark.read as ReadReport)).toEqual(timeless(expected.report));
    expect(onSpark.read?.examples.map((e) => e.line)).toEqual([5, 6, 8]);
    const error = await sparkRead([path], schema, "error").catch((e: unknown) => e as Error);
    expect((error as Error).message).toBe(
      await readTableWithReport(path, schema).then(
        () => "",
        (e: unknown) => (e as Error).message,
      ),
    );
  });

  it("reports every row read, and nothing dropped, for valid files read with either onInvalid", async () => {
    const path = await sparkTest.file("valid.csv", "id,fare\n1,2.5\n2,3\n3,\n");
    const schema = z.object({ id: z.int(), fare: z.number().nullable() });
    const expected = await readTableWithReport(path, schema);
    for (const onInvalid of ["error", "drop"] as const) {
      const read = (await sparkRead([path], schema, onInvalid)).read as ReadReport;
      expect(timeless(read)).toEqual(timeless(expected.report));
      expect(read.ms).toBeGreaterThan(0);
      expect(describeRead(read).summary).toMatch(/^read 3 rows from .*valid\.csv in [\d,]+ ms$/);
    }
  });
});
