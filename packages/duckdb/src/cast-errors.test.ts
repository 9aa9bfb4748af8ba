import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { col, gt, pipe } from "@tablepipe/core";
import { readTableWithReport } from "@tablepipe/io";
import { describeCastRowErrors } from "@tablepipe/sql/test-support";
import { castColumns, filter } from "@tablepipe/transforms";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { duckdbCsvFiles } from "./engine/read-files";
import { runOnDuckDb } from "./engine/run-on-duckdb";
import { duckdbParityEngine, scratchDuckDb } from "./test-support";

const scratch = scratchDuckDb("tablepipe-duckdb-cast-errors-");

describeCastRowErrors(duckdbParityEngine(1));

describe("castColumns on DuckDB: a files source's failing cell", () => {
  it("a CSV files source read into a table, streamed or with its first filter: the row of the file's rows", async () => {
    const Row = z.object({ id: z.int(), s: z.string().nullable() });
    const path = join(scratch.folder, "cast.csv");
    await writeFile(path, "id,s\n1,1\n2,x\n3,2\n4,y\n");
    const read = (await readTableWithReport(path, Row)).table;
    const steps = [
      pipe(read).transform(castColumns, { columns: { s: "float" } }),
      pipe(read)
        .transform(filter, { where: gt(col("id"), 2) })
        .transform(castColumns, { columns: { s: "float" } }),
    ];
    for (const p of steps) {
      let message = "";
      try {
        p.run();
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/cannot convert "(x|y)" to float \(row 1\)$/);
      for (const readFiles of ["table", "streamed", "auto"] as const) {
        const source = duckdbCsvFiles(path, Row);
        const run = runOnDuckDb(p, { database: scratch.db, source, readFiles });
        await expect(run, readFiles).rejects.toThrow(message);
      }
    }
  });
});
