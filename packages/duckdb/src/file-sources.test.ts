import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pipe } from "@tablepipe/core";
import { readTable, writeTable } from "@tablepipe/io";
import { firstNDaily, limitHistory } from "@tablepipe/transforms";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { csvFile, duckdbTable, parquetFile } from "./engine/file-sources";
import { runOnDuckDb } from "./engine/run-on-duckdb";
import { expectSameTable, scratchDuckDb } from "./test-support";

const Order = z.object({
  id: z.int(),
  ordered_at: z.date(),
  amount: z.number().nullable(),
  note: z.string().nullable(),
  paid: z.boolean(),
});

const CSV = `id,ordered_at,amount,note,paid
1,2018-03-11 02:30:00,10.5,a,true
1,2018-03-11 01:59:00,,b,false
2,2018-11-04 01:30:00,3,,true
1,2018-03-11 03:00:00,7,"c, d",true
`;

const scratch = scratchDuckDb("tablepipe-duckdb-");

describe("files DuckDB reads itself", () => {
  it("a CSV file, a Parquet file and a database table give the table readTable gives, and the same pipe result", async () => {
    const csvPath = join(scratch.folder, "orders.csv");
    await writeFile(csvPath, CSV);
    const inProcess = await readTable(csvPath, Order);
    const parquetPath = join(scratch.folder, "orders.parquet");
    await writeTable(inProcess, parquetPath, { schema: Order });
    const steps = pipe(inProcess)
      .transform(limitHistory, { column: "ordered_at", after: "201802", through: "201811" })
      .transform(firstNDaily, { key: "id", timestamp: "ordered_at", n: 2 });
    const expected = steps.run().table;
    // the same rows as a table of the database, by name
    await scratch.db.connection.run(
      `CREATE OR REPLACE TABLE "orders in db" AS SELECT * FROM read_parquet('${parquetPath}')`,
    );
    for (const source of [
      csvFile(csvPath, Order),
      parquetFile(parquetPath, Order),
      duckdbTable("orders in db", Order),
    ]) {
      const whole = await runOnDuckDb(pipe(inProcess), { database: scratch.db, source });
      expectSameTable(whole.table, inProcess);
      const result = await runOnDuckDb(steps, { database: scratch.db, source });
      expectSameTable(result.table, expected);
      expect(result.table.numRows()).toBe(3);
    }
  });
});
