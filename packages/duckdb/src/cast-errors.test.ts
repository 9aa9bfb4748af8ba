import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { col, gt, pipe } from "@tablepipe/core";
import { readTableWithReport } from "@tablepipe/io";
import { castColumns, filter, sortRows, union } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { duckdbCsvFiles } from "./engine/read-files";
import { runOnDuckDb } from "./engine/run-on-duckdb";
import { expectSameError, scratchDuckDb } from "./test-support";

const scratch = scratchDuckDb("tablepipe-duckdb-cast-errors-");

const types = { columnTypes: { id: "int", s: "string", b: "string" } } as const;
const table = aq.table({
  id: [1, 2, 3, 4, 5, 6],
  s: ["1", " 2.5 ", null, "", "x", "3"],
  b: ["true", "no", "FALSE", null, "yes", "false"],
});

describe("castColumns on DuckDB: a cell that does not convert is the in-process error, naming its row", () => {
  it("the row (0-based, as in process) of the first cell that does not convert: a blank cell is one", async () => {
    const p = pipe(table).transform(castColumns, { columns: { s: "float" } });
    await expectSameError(
      p,
      scratch.db,
      types,
      /^castColumns: column "s": cast\(col\("s"\), "float"\): cannot convert "" to float \(row 3\)$/,
    );
  });

  it("the first column in the params' order that fails, even when another fails on an earlier row", async () => {
    const p = pipe(table).transform(castColumns, { columns: { id: "string", s: "int", b: "boolean" } });
    await expectSameError(p, scratch.db, types, /column "s": .*cannot convert "" to int \(row 3\)/);
    const booleans = pipe(table).transform(castColumns, { columns: { b: "boolean", s: "int" } });
    await expectSameError(
      booleans,
      scratch.db,
      types,
      /column "b": .*cannot convert "no" to boolean \(row 1\)/,
    );
  });

  it("counts the rows of the step's input, in its order: after a filter, a sort, a union", async () => {
    const pipes = [
      pipe(table)
        .transform(filter, { where: gt(col("id"), 4) })
        .transform(castColumns, { columns: { s: "float" } }),
      pipe(table)
        .transform(sortRows, { by: ["id"], descending: ["id"] })
        .transform(castColumns, { columns: { s: "float" } }),
      pipe(table)
        .transform(union, {
          other: table.filter((d: { id: number }) => d.id === 1).derive({ s: () => "one" }),
        })
        .transform(filter, { where: gt(col("id"), 1) })
        .transform(castColumns, { columns: { b: "boolean" } }),
    ];
    const rows = [/"x" to float \(row 0\)/, /"x" to float \(row 1\)/, /"no" to boolean \(row 0\)/];
    for (const [i, p] of pipes.entries()) await expectSameError(p, scratch.db, types, rows[i] as RegExp);
  });

  it("the first such row in order when DuckDB runs the rows in parallel, and the value as in process", async () => {
    const n = 300_000;
    const long = `${"a".repeat(70)} "quoted"`;
    const s = Array.from({ length: n }, (_, i) => (i < 200_000 ? String(i) : i === 200_000 ? long : "bad"));
    const p = pipe(aq.table({ s })).transform(castColumns, { columns: { s: "float" } });
    await expectSameError(
      p,
      scratch.db,
      { columnTypes: { s: "string" } },
      /"a{57}\.\.\." to float \(row 200000\)/,
    );
  });

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
