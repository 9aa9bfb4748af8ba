/**
 * A file source's plan moves a dedupe on every column after the row-local steps that follow it. The dedupe
 * gives a float zero as `0`; a derive after it may make a `-0` of that `0` (`neg`), which the moved dedupe would
 * have cleared. So the planner keeps the dedupe before a step that adds a float column: the signs are those of
 * the pipe as written, in process and on DuckDB.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { col, eq, neg, pipe } from "@tablepipe/core";
import { pipeFrom, readTable } from "@tablepipe/io";
import { derive, dropDuplicates, filter } from "@tablepipe/transforms";
import type { ColumnTable } from "arquero";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { DuckDb } from "./engine/duckdb-database";
import { duckdb } from "./engine/duckdb-engine";

const Row = z.object({ x: z.number(), y: z.int() });

/** `-0` first, then a `0` equal to it, and a second `-0` beside another y. */
const CSV = ["x,y", "-0,1", "0,1", "-0,2", "1.5,1"].join("\n");

let db: DuckDb;
let folder: string;
let path: string;
beforeAll(async () => {
  db = await DuckDb.open();
  folder = await mkdtemp(join(tmpdir(), "tablepipe-moved-dedupe-"));
  path = join(folder, "rows.csv");
  await writeFile(path, `${CSV}\n`);
});
afterAll(async () => {
  db.close();
  await rm(folder, { recursive: true, force: true });
});

/** Each cell, a `-0` told from `0`. */
function signed(table: ColumnTable): unknown[][] {
  return table.objects().map((row) => Object.values(row).map((v) => (Object.is(v, -0) ? "-0" : v)));
}

describe("a moved dedupe keeps the signs of the pipe as written", () => {
  it("a derive adding a float after the dedupe: its -0 of a cleared 0 stays -0", async () => {
    const source = () =>
      pipeFrom(path, Row)
        .transform(dropDuplicates)
        .transform(derive, { columns: { n: neg(col("x")) } });
    const written = pipe(await readTable(path, Row))
      .transform(dropDuplicates)
      .transform(derive, { columns: { n: neg(col("x")) } })
      .run();
    expect(signed(written.table)).toEqual([
      [0, 1, "-0"],
      [0, 2, "-0"],
      [1.5, 1, -1.5],
    ]);
    const local = await source().run();
    expect(signed(local.table)).toEqual(signed(written.table));
    const onDuckDb = await source().run({ engine: duckdb({ database: db }) });
    expect(signed(onDuckDb.table)).toEqual(signed(written.table));
    // the dedupe stays where it was written
    expect(local.trace.map((e) => e.step)).toEqual(["read", "dropDuplicates", "derive"]);
  });

  it("a filter after the dedupe still runs first, with the signs as written", async () => {
    const source = () =>
      pipeFrom(path, Row)
        .transform(dropDuplicates)
        .transform(filter, { where: eq(col("x"), 0) });
    const written = pipe(await readTable(path, Row))
      .transform(dropDuplicates)
      .transform(filter, { where: eq(col("x"), 0) })
      .run();
    expect(signed(written.table)).toEqual([
      [0, 1],
      [0, 2],
    ]);
    const local = await source().run();
    expect(signed(local.table)).toEqual(signed(written.table));
    const onDuckDb = await source().run({ engine: duckdb({ database: db }) });
    expect(signed(onDuckDb.table)).toEqual(signed(written.table));
    expect(local.trace.map((e) => e.step)).toEqual(["read", "filter", "dropDuplicates"]);
  });
});
