import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { col, defineTransform, gt, pipe } from "@tablepipe/core";
import { readTable, TableWriteError, writeOutputFolder } from "@tablepipe/io";
import { castColumns, dropDuplicates, filter } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { writeOnDuckDb } from "./engine/write-on-duckdb";
import { scratchDuckDb } from "./test-support";

const Order = z.object({
  id: z.int().nullable(),
  amount: z.number().nullable(),
  note: z.string().nullable(),
  paid: z.boolean().nullable(),
  at: z.date().nullable(),
});
const TYPES = { columnTypes: { id: "int", at: "timestamp" } } as const;

const orders = () =>
  aq.table({
    id: [1, 1, 2, null, 3, 4],
    amount: [10, 10, 5.25, 12.5, null, 1e-7],
    note: ['say "hi", then go', 'say "hi", then go', "", null, "é", "x"],
    paid: [true, true, false, null, true, false],
    at: [
      Date.UTC(2024, 2, 10, 2, 30), // the hour New York skips
      Date.UTC(2024, 2, 10, 2, 30),
      Date.UTC(2023, 10, 5, 1, 15, 0, 250), // the hour New York repeats, with milliseconds
      null,
      Date.UTC(2024, 0, 1),
      Date.UTC(1999, 11, 31, 23, 59, 59),
    ],
  });

const steps = () =>
  pipe(orders())
    .transform(dropDuplicates)
    .transform(filter, { where: gt(col("amount"), 0) });

const scratch = scratchDuckDb("tablepipe-duckdb-write-");

describe("writeOnDuckDb", () => {
  for (const format of ["parquet", "csv"] as const) {
    it(`DuckDB writes the result as ${format} itself; readTable reads back the in-process result and trace`, async () => {
      const path = join(scratch.folder, `orders.${format}`);
      const local = steps().run();
      const result = await writeOnDuckDb(steps(), path, { ...TYPES, database: scratch.db });
      expect(result.written).toEqual({ path, format, rows: local.table.numRows(), by: "duckdb" });
      expect(result.trace.map((e) => [e.step, e.rowsIn, e.rowsOut])).toEqual(
        local.trace.map((e) => [e.step, e.rowsIn, e.rowsOut]),
      );
      const back = await readTable(path, Order);
      expect(back.objects()).toEqual(local.table.objects());
      expect(await readdir(scratch.folder)).not.toContainEqual(expect.stringMatching(/\.tmp-/));
    });
  }

  it("Parquet keeps its types without a schema: time stamps in milliseconds, integers, text, booleans", async () => {
    const path = join(scratch.folder, "typed.parquet");
    await writeOnDuckDb(steps(), path, { ...TYPES, database: scratch.db });
    const back = await readTable(path);
    expect(back.objects()).toEqual(steps().run().table.objects());
  });

  it("an empty result is written with its header, and counted", async () => {
    const path = join(scratch.folder, "empty.csv");
    const none = pipe(orders()).transform(filter, { where: gt(col("amount"), 1000) });
    const result = await writeOnDuckDb(none, path, { ...TYPES, database: scratch.db });
    expect(result.written.rows).toBe(0);
    expect(result.trace.map((e) => [e.rowsIn, e.rowsOut])).toEqual([[6, 0]]);
    expect((await readFile(path, "utf8")).trim()).toBe("id,amount,note,paid,at");
  });

  it("with a step DuckDB cannot run, the rest runs in process and writeTable writes the same rows", async () => {
    // a user's step without a SQL rendering: keeps the first rows, one fewer than there are distinct ids
    const keepFirstRows = defineTransform({
      name: "keepFirstRows",
      apply: (t) => t.slice(0, Math.max(1, t.groupby("id").count().numRows() - 1)),
    });
    const withOwnStep = () => steps().transform(keepFirstRows);
    const path = join(scratch.folder, "mixed.csv");
    const result = await writeOnDuckDb(withOwnStep(), path, {
      ...TYPES,
      database: scratch.db,
      schema: Order,
    });
    expect(result.written.by).toBe("writeTable");
    expect(result.placement.at(-1)).toEqual({ step: "keepFirstRows", engine: "in-process" });
    const back = await readTable(path, Order);
    expect(back.objects()).toEqual(withOwnStep().run().table.objects());
  });

  it("a failing query leaves the file that was there untouched and no temporary file", async () => {
    const path = join(scratch.folder, "kept.csv");
    await writeFile(path, "previous contents\n");
    const table = aq.table({ status: ["12", "paid"] });
    const failing = pipe(table).transform(castColumns, { columns: { status: "float" } });
    await expect(
      writeOnDuckDb(failing, path, { columnTypes: { status: "string" }, database: scratch.db }),
    ).rejects.toThrow(/cannot convert "paid" to float \(row 1\)/);
    expect(await readFile(path, "utf8")).toBe("previous contents\n");
    expect((await readdir(scratch.folder)).filter((name) => name.includes(".tmp-"))).toEqual([]);
  });

  it("names a file it cannot write: an extension other than .csv or .parquet", async () => {
    const path = join(scratch.folder, "orders.json");
    await expect(writeOnDuckDb(steps(), path, { ...TYPES, database: scratch.db })).rejects.toThrow(
      TableWriteError,
    );
    await expect(writeOnDuckDb(steps(), path, { ...TYPES, database: scratch.db })).rejects.toThrow(
      /orders\.json/,
    );
    expect(await readdir(scratch.folder)).not.toContain("orders.json");
  });

  it("writes inside an output folder's write, whose temporary path keeps the output's extension", async () => {
    const folder = join(scratch.folder, "outputs");
    await writeOutputFolder(folder, async (out) => {
      await out.write("orders.parquet", async (temporary) => {
        await writeOnDuckDb(steps(), temporary, { ...TYPES, database: scratch.db });
      });
    });
    expect((await readTable(join(folder, "orders.parquet"), Order)).objects()).toEqual(
      steps().run().table.objects(),
    );
    expect((await readdir(folder)).filter((name) => name.includes(".tmp-"))).toEqual([]);
  });
});
