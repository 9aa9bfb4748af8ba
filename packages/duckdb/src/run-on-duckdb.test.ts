import { col, defineTransform, gt, pipe } from "@tablepipe/core";
import { fixedOrders } from "@tablepipe/sql/test-support";
import { dropDuplicates, filter, join, limitHistory } from "@tablepipe/transforms";
import * as aq from "arquero";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDb } from "./engine/duckdb-database";
import { duckdb } from "./engine/duckdb-engine";
import { runOnDuckDb } from "./engine/run-on-duckdb";
import { pipeToSql } from "./pipe-to-sql";
import { expectParity } from "./test-support";

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open();
});
afterAll(() => db.close());

const orders = fixedOrders;

describe("runOnDuckDb", () => {
  it("runs a pipe as one query and gives the in-process table, rows in order", async () => {
    const p = pipe(orders())
      .transform(dropDuplicates)
      .transform(limitHistory, { column: "at", after: "202312", through: "202402" })
      .transform(filter, { where: gt(col("amount"), 6) });
    const result = await expectParity(p, db, { columnTypes: { at: "timestamp" } });
    expect(result.placement.map((p) => p.engine)).toEqual(["duckdb", "duckdb", "duckdb"]);
    expect(result.sql).toContain('"dropDuplicates" AS (');
    expect(result.table.numRows()).toBe(1);
  });

  it("counts each step's rows in the query's own run, also when the result is empty or has columns n0, n1", async () => {
    const table = aq.table({ n0: [1, 1, 2, 3], n1: ["a", "a", "b", "c"] });
    for (const floor of [1.5, 10]) {
      const p = pipe(table)
        .transform(dropDuplicates)
        .transform(filter, { where: gt(col("n0"), floor) });
      const result = await expectParity(p, db);
      expect(result.table.columnNames()).toEqual(["n0", "n1"]);
      expect(result.trace.map((e) => [e.step, e.rowsIn, e.rowsOut])).toEqual([
        ["dropDuplicates", 4, 3],
        ["filter", 3, floor === 10 ? 0 : 2],
      ]);
    }
  });

  it("counts the rows before a join whose right table has no key (DuckDB then skips reading the left side)", async () => {
    const left = aq.table({ id: [1, null], v: ["a", "b"] });
    for (const right of [
      aq.table({ id: [null], w: ["x"] }),
      aq.table({ id: [] as number[], w: [] as string[] }),
    ]) {
      const p = pipe(left)
        .transform(filter, { where: gt(col("id"), 0) })
        .transform(join, { right, on: ["id"] });
      const result = await expectParity(p, db, { columnTypes: { id: "float", w: "string" } });
      expect(result.trace.map((e) => [e.step, e.rowsIn, e.rowsOut])).toEqual([
        ["filter", 2, 1],
        ["join(id)", 1, 0],
      ]);
    }
  });

  it("counts the steps in the pipe's order, or with moveDedupes the dedupe after the row-local filter after it", async () => {
    const table = aq.table({ n0: [1, 1, 2, 3, 3], n1: ["a", "a", "b", "c", "c"] });
    const p = pipe(table)
      .transform(dropDuplicates)
      .transform(filter, { where: gt(col("n0"), 1.5) });
    const written = await expectParity(p, db);
    expect(written.trace.map((e) => [e.step, e.rowsIn, e.rowsOut])).toEqual([
      ["dropDuplicates", 5, 3],
      ["filter", 3, 2],
    ]);
    const moved = await runOnDuckDb(p, { database: db, moveDedupes: true });
    expect(moved.table.objects()).toEqual(written.table.objects());
    expect(moved.trace.map((e) => [e.step, e.rowsIn, e.rowsOut])).toEqual([
      ["filter", 5, 3],
      ["dropDuplicates", 3, 2],
    ]);
    expect(moved.sql.indexOf('"filter" AS')).toBeLessThan(moved.sql.indexOf('"dropDuplicates" AS'));
  });

  it("leaves the database's profiling and optimizer settings as it found them", async () => {
    const settings =
      "SELECT current_setting('enable_profiling') AS p, current_setting('disabled_optimizers') AS o";
    const before = (await db.connection.runAndReadAll(settings)).getRowObjects();
    await db.connection.run("SET disabled_optimizers = 'join_order'");
    await runOnDuckDb(pipe(orders()).transform(dropDuplicates), {
      database: db,
      columnTypes: { at: "timestamp" },
    });
    const after = (await db.connection.runAndReadAll(settings)).getRowObjects()[0];
    expect(after).toEqual({ p: before[0]?.p, o: "join_order" });
    await db.connection.run("SET disabled_optimizers = ''");
  });

  it("opens its database with a memory limit, and refuses one that is not a size, naming it", async () => {
    const limited = await DuckDb.open(undefined, { memoryLimit: "1GB" });
    const setting = await limited.connection.runAndReadAll("SELECT current_setting('memory_limit') AS m");
    expect(String(setting.getRowObjects()[0]?.m)).toMatch(/^(953\.6 MiB|1\.0 GiB|1000\.0 MB)$/);
    limited.close();
    await expect(DuckDb.open(undefined, { memoryLimit: "4GB'; DROP" })).rejects.toThrow(
      /memoryLimit "4GB'; DROP" is not a size/,
    );
    await expect(
      runOnDuckDb(pipe(orders()), { database: db, memoryLimit: "1GB", columnTypes: { at: "timestamp" } }),
    ).rejects.toThrow(/DuckDb.open\(path, \{ memoryLimit \}\)/);
  });

  it("opens and closes its own database when given none", async () => {
    const { table } = await runOnDuckDb(pipe(orders()).transform(dropDuplicates), {
      columnTypes: { at: "timestamp" },
    });
    expect(table.numRows()).toBe(4);
  });
});

describe("pipe.run({ engine: duckdb() })", () => {
  it("runs the pipe on DuckDB and gives the in-process table and trace, with the query and placement", async () => {
    const p = pipe(orders())
      .transform(dropDuplicates)
      .transform(filter, { where: gt(col("amount"), 6) });
    const local = p.run();
    const onDuckDb = await p.run({ engine: duckdb({ database: db, columnTypes: { at: "timestamp" } }) });
    expect(onDuckDb.table.objects()).toEqual(local.table.objects());
    expect(onDuckDb.trace.map((e) => [e.step, e.rowsIn, e.rowsOut])).toEqual(
      local.trace.map((e) => [e.step, e.rowsIn, e.rowsOut]),
    );
    expect(onDuckDb.placement.map((s) => s.engine)).toEqual(["duckdb", "duckdb"]);
    expect(onDuckDb.sql).toContain('"filter" AS (');
  });

  it("checks the pipe before loading anything: a missing column is the pre-flight's error", async () => {
    const p = pipe(orders()).transform(limitHistory, {
      column: "nope",
      after: "202301",
      through: "202412",
    } as never);
    await expect(p.run({ engine: duckdb({ database: db }) })).rejects.toThrow(/nope/);
  });
});

describe("pipeToSql", () => {
  it("prints the query, a CTE per step named after it, and the steps left to run in process", () => {
    const custom = defineTransform({ name: "myStep", apply: (table) => table });
    const p = pipe(orders())
      .transform(dropDuplicates)
      .transform(filter, { where: gt(col("amount"), 6) })
      .transform(custom)
      .transform(dropDuplicates);
    const sql = pipeToSql(p);
    expect(sql).toMatch(/^WITH\n"source" AS \(\n {2}SELECT \*, rowid AS "__tablepipe_row" FROM "input"\n\),/);
    expect(sql).toContain('"filter" AS (\n  SELECT * FROM "dropDuplicates" WHERE ("amount" > 6)\n)');
    expect(sql).toContain('ORDER BY "__tablepipe_row" ASC NULLS FIRST');
    expect(sql).toMatch(/-- then in process:\n-- {3}myStep\n-- {3}dropDuplicates$/);
  });
});

describe("loading an in-memory table (data chunks of 2,048 rows)", () => {
  it("loads several chunks of every type, nulls and stamps before 1970 included, rows in order", async () => {
    const n = 5000;
    const table = aq.table({
      x: Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? Number.NaN : i / 4 - 300)),
      k: Array.from({ length: n }, (_, i) => (i % 11 === 0 ? null : i - 2500)),
      at: Array.from({ length: n }, (_, i) =>
        i % 13 === 0 ? undefined : Date.UTC(1969, 11, 31) + i * 61_001,
      ),
      s: Array.from({ length: n }, (_, i) => (i % 5 === 0 ? null : `s${i % 17}`)),
      b: Array.from({ length: n }, (_, i) => (i % 3 === 0 ? null : i % 2 === 0)),
    });
    const types = { columnTypes: { k: "int", at: "timestamp" } } as const;
    await expectParity(pipe(table), db, types);
    // a filtered and ordered table loads its visible rows in its order
    const view = table.filter(aq.escape((d: { x: number }) => d.x > 0)).orderby(aq.desc("x"));
    const result = await expectParity(pipe(view), db, types);
    expect(result.table.numRows()).toBe(view.numRows());
  });

  it("loads Float64Array columns without NaN a slice at a time: floats, integers and stamps, rows in order", async () => {
    const n = 5000; // two full chunks, then 904 rows
    const table = aq.table({
      x: Float64Array.from({ length: n }, (_, i) => i / 4 - 300),
      k: Float64Array.from({ length: n }, (_, i) => (i - 2500) * 1_000_003),
      at: Float64Array.from({ length: n }, (_, i) => Date.UTC(1969, 11, 31) + i * 61_001),
      s: Array.from({ length: n }, (_, i) => `s${i % 17}`),
    });
    const result = await expectParity(pipe(table), db, { columnTypes: { k: "int", at: "timestamp" } });
    expect(result.table.get("k", 4999)).toBe(2499 * 1_000_003);
    expect(result.table.get("at", 4100)).toBe(Date.UTC(1969, 11, 31) + 4100 * 61_001);
  });

  it("names the row of a fraction or infinity in a Float64Array integer column", async () => {
    for (const bad of [1.5, Number.POSITIVE_INFINITY]) {
      const k = Float64Array.from({ length: 5000 }, (_, i) => (i === 4100 ? bad : i));
      await expect(
        runOnDuckDb(pipe(aq.table({ k })), { database: db, columnTypes: { k: "int" } }),
      ).rejects.toThrow(new RegExp(`row 4100, column "k": expected an integer, got number ${bad}`));
    }
  });

  it("names the row and column of a value of another type", async () => {
    const table = aq.table({ k: Array.from({ length: 3000 }, (_, i) => (i === 2500 ? 1.5 : i)) });
    await expect(runOnDuckDb(pipe(table), { database: db, columnTypes: { k: "int" } })).rejects.toThrow(
      /row 2500, column "k": expected an integer, got number 1.5/,
    );
  });
});
