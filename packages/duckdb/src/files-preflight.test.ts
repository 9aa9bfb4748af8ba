import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { col, gt, type Pipe, pipe, StepFailedError } from "@tablepipe/core";
import { readTable, writeTable } from "@tablepipe/io";
import { inProcessMessage } from "@tablepipe/sql/test-support";
import { fillNull, filter } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { duckdbFiles } from "./engine/duckdb-files";
import { duckdbTable, parquetFile } from "./engine/file-sources";
import { runOnDuckDb } from "./engine/run-on-duckdb";
import { scratchDuckDb } from "./test-support";

const Order = z.object({ id: z.int(), amount: z.number().nullable(), note: z.string().nullable() });

const CSV = "id,amount,note\n1,10.5,a\n2,,\n3,7,c\n";

const scratch = scratchDuckDb("tablepipe-duckdb-preflight-");

/** The steps the pre-flight refuses on the schema's types: a fill of another kind, a comparison of two kinds. */
const refused = (p: Pipe<string>) => [
  p.transform(fillNull, { columns: { amount: "none" } }),
  p.transform(filter, { where: gt(col("note"), 1) }),
];

/** What the run rejects with: the error's class and message. */
const failure = (run: Promise<unknown>) =>
  run.then(
    () => "the run did not fail",
    (error: unknown) => [(error as Error).constructor.name, (error as Error).message],
  );

describe("the pre-flight of a file source's steps on DuckDB: the schema's types, before any file is read", () => {
  it("refuses what the in-process run refuses on readTable's table, with its error, reading nothing", async () => {
    const csv = join(scratch.folder, "orders.csv");
    const parquet = join(scratch.folder, "orders.parquet");
    await writeFile(csv, CSV);
    const read = await readTable(csv, Order);
    await writeTable(read, parquet, { schema: Order });
    const expected = refused(pipe(read)).map(inProcessMessage);
    expect(expected[0]).toMatch(/fillNull/);
    expect(expected[1]).toMatch(/filter/);
    const sources = () => [
      duckdbFiles([csv], Order),
      duckdbFiles([parquet], Order),
      parquetFile(parquet, Order),
      duckdbTable("orders", Order),
    ];
    // the files are gone and the table was never made: only a check before reading can give the step's error
    await rm(csv);
    await rm(parquet);
    for (const source of sources()) {
      if (source === undefined) throw new Error("duckdbFiles: no source");
      // the pipe's table only gives the columns, no types (as duckdbFiles(...).table)
      const steps = refused(pipe(aq.table({ id: [], amount: [], note: [] })));
      for (const [i, p] of steps.entries()) {
        const run = runOnDuckDb(p, { database: scratch.db, source });
        expect(await failure(run)).toEqual([StepFailedError.name, expected[i]]);
      }
    }
  });
});
