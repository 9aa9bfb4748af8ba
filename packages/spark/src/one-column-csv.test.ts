/**
 * Spark's CSV reader skips blank lines, and a blank line of a one-column CSV file is a row whose value is missing
 * (readTable and DuckDB read it so): sparkFiles refuses such a file before any row is read, rather than lose rows.
 */

import { pipe } from "@tablepipe/core";
import { readTable, writeTable } from "@tablepipe/io";
import { expectSameTable } from "@tablepipe/sql/test-support";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { runOnSpark } from "./engine/run-on-spark";
import { sparkFiles } from "./engine/sources";
import { sparkTestSession } from "./test-support";

const sparkTest = sparkTestSession("one-column-csv");

/** The error of Spark's run of no steps over `path` read as CSV with `schema` (none: Spark's own read). */
async function sparkError(path: string, schema?: z.ZodObject): Promise<Error | undefined> {
  const shape = aq.table({ reading: [] });
  const source = sparkFiles("csv", path, schema === undefined ? {} : { schema });
  return await runOnSpark(pipe(shape), { remote: sparkTest.session, source }).then(
    () => undefined,
    (error: unknown) => error as Error,
  );
}

describe.runIf(sparkTest.remote !== "")("sparkFiles and a one-column CSV file", { timeout: 120_000 }, () => {
  it("refuses it before any row is read, with a schema or without, naming the file and what to do", async () => {
    const Reading = z.object({ reading: z.number().nullable() });
    const path = `${sparkTest.folder}/readings.csv`;
    await writeTable(aq.table({ reading: [1.5, null, 2.5, Number.NaN] }), path, { schema: Reading });
    expect((await readTable(path, Reading)).numRows()).toBe(4);
    // a value that does not parse is never reached: the header alone decides
    const invalid = await sparkTest.file("invalid.csv", "reading\nx\n");
    const crlf = await sparkTest.file("crlf.csv", "reading\r\n1\r\n\r\n");
    for (const [file, schema] of [
      [path, Reading],
      [path, undefined],
      [invalid, Reading],
      [crlf, Reading],
      [crlf, undefined],
    ] as const) {
      const error = await sparkError(file, schema);
      expect(error?.name).toBe("TableReadError");
      expect(error?.message).toBe(
        `${file}: the CSV header has one column ("reading"), and Spark's CSV reader skips blank lines, where in a one-column file a blank line is a row whose value is missing (as writeTable writes one): Spark would lose those rows; read the file with readTable or pipeFrom, or on DuckDB (csvFile, duckdbCsvFiles)`,
      );
    }
  });

  it("reads a file of more columns, whose blank lines are no rows, as readTable does", async () => {
    const Pair = z.object({ reading: z.number().nullable(), note: z.string().nullable() });
    const path = await sparkTest.file("pairs.csv", "reading,note\n1.5,a\n\n,b\n\n");
    const shape = aq.table({ reading: [], note: [] });
    const source = sparkFiles("csv", path, { schema: Pair });
    const { table } = await runOnSpark(pipe(shape), { remote: sparkTest.session, source });
    expectSameTable(table, await readTable(path, Pair));
    expect(table.numRows()).toBe(2);
  });
});
