import { join } from "node:path";
import { pipe, type RowSchema } from "@tablepipe/core";
import { readTable } from "@tablepipe/io";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { runOnSpark } from "./engine/run-on-spark";
import { type SparkFileOptions, sparkFiles } from "./engine/sources";
import { sparkTestSession } from "./test-support";

/** Runs against the Spark Connect server the global setup found (`pnpm spark:start`); none: declared, not run. */
const sparkTest = sparkTestSession("spark-zoned");
const { remote } = sparkTest;

const Row = z.object({ id: z.int(), at: z.date() });
/** New York 03:30 on 2024-03-10 (EDT), the instant 07:30 UTC. */
const INSTANT = Date.UTC(2024, 2, 10, 7, 30);

/** A Parquet sparkTest.folder Spark writes from a TimestampType (an instant), as `outputTimestampType` stores it. */
async function zonedParquet(
  name: string,
  outputTimestampType: "INT96" | "TIMESTAMP_MICROS",
): Promise<string> {
  const path = join(sparkTest.folder, name);
  await sparkTest.session.client.statement(
    `SET spark.sql.parquet.outputTimestampType=${outputTimestampType}`,
    "choosing the time-stamp type",
  );
  await sparkTest.session.client.statement(
    `INSERT OVERWRITE DIRECTORY '${path}' USING parquet SELECT 1 AS id, TIMESTAMP_LTZ '2024-03-10 03:30:00-04:00' AS at`,
    "writing a Parquet file",
  );
  return path;
}

/** The table Spark reads from the files with the schema (a pipe of no steps over them). */
async function sparkRead(
  path: string,
  schema: RowSchema,
  options: Omit<SparkFileOptions, "schema"> = {},
): Promise<aq.ColumnTable> {
  const shape = aq.table(Object.fromEntries(Object.keys(schema.shape).map((name) => [name, []])));
  const source = sparkFiles("parquet", path, { ...options, schema });
  return (await runOnSpark(pipe(shape), { remote: sparkTest.session, source })).table;
}

const stamps = (table: aq.ColumnTable) => Array.from(table.array("at") as ArrayLike<number>);

describe.runIf(remote !== "")("sparkFiles: zoned Parquet time stamps", { timeout: 120_000 }, () => {
  it("refuses Spark's TimestampType (INT96 or adjusted to UTC) as readTable does, naming the column and the option", async () => {
    for (const type of ["INT96", "TIMESTAMP_MICROS"] as const) {
      const path = await zonedParquet(`zoned-${type}`, type);
      const error = await sparkRead(path, Row).catch((e: unknown) => e as Error);
      expect((error as Error).name).toBe("TableReadError");
      expect((error as Error).message).toBe(
        `${path}, column at: the file's column "at" holds time stamps with a zone (Spark TimestampType: a Parquet TIMESTAMP adjusted to UTC, INT96, or TIMESTAMP_MILLIS/MICROS without a logical type: instants, not wall-clock times): expected time stamps without a zone, the data's wall-clock time; to read each instant as its UTC wall-clock time, pass the read option zonedTimestamps: "utc"`,
      );
      await expect(readTable(path, Row)).rejects.toThrow(
        /column at: the file's column "at" holds time stamps with a zone/,
      );
    }
  });

  it('reads each instant as its UTC wall-clock time with zonedTimestamps: "utc", as readTable does', async () => {
    for (const type of ["INT96", "TIMESTAMP_MICROS"] as const) {
      const path = await zonedParquet(`utc-${type}`, type);
      const expected = stamps(await readTable(path, Row, { zonedTimestamps: "utc" }));
      expect(expected).toEqual([INSTANT]);
      expect(stamps(await sparkRead(path, Row, { zonedTimestamps: "utc" }))).toEqual(expected);
    }
    expect(() =>
      sparkFiles("parquet", "x.parquet", { schema: Row, zonedTimestamps: "UTC" as "utc" }),
    ).toThrow('sparkFiles: zonedTimestamps must be "error" or "utc", got "UTC"');
  });
});
