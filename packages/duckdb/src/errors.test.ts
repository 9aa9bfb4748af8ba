import { cast, col, pipe } from "@tablepipe/core";
import { readTable, TableReadError } from "@tablepipe/io";
import { derive, excludeMatching } from "@tablepipe/transforms";
import * as aq from "arquero";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { DuckDb } from "./engine/duckdb-database";
import { csvFile, parquetFile } from "./engine/file-sources";
import { runOnDuckDb } from "./engine/run-on-duckdb";
import { DuckDbLoadError, DuckDbQueryError } from "./errors";

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open();
});
afterAll(() => db.close());

// a number padded with a no-break space: the cast's check reads it as in process, DuckDB's CAST refuses it
const names = aq.table({ name: ["7\u00a0", "7"] });

describe("DuckDB's errors, named", () => {
  it("name the step whose data DuckDB refused, with DuckDB's first line only", async () => {
    const p = pipe(names).transform(derive, { columns: { n: cast(col("name"), "int") } });
    const error = await runOnDuckDb(p, { database: db }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuckDbQueryError);
    expect((error as DuckDbQueryError).step).toBe("derive");
    expect((error as DuckDbQueryError).kind).toBe("conversion");
    expect((error as Error).message).toMatch(
      /^derive: a value does not convert to the type it is used as: .*'7\u00a0'/,
    );
    expect((error as Error).message).not.toContain("LINE 1");
  });

  it("name a lookup column that does not fit (a text test on numbers)", async () => {
    const lookup = aq.table({ id: [1, 2], code: [10, 20] });
    const p = pipe(aq.table({ id: [1, 2] })).transform(excludeMatching, {
      column: "id",
      lookup,
      lookupKey: "id",
      where: { column: "code", contains: "1" },
    });
    const error = await runOnDuckDb(p, { database: db }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuckDbQueryError);
    expect((error as DuckDbQueryError).kind).toBe("binder");
    expect((error as DuckDbQueryError).step).toBe("excludeMatching(id)");
  });

  it("name a file DuckDB cannot read", async () => {
    const source = parquetFile("/nowhere/orders.parquet", z.object({ name: z.string() }));
    const error = await runOnDuckDb(pipe(names), { database: db, source }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuckDbQueryError);
    expect((error as DuckDbQueryError).kind).toBe("io");
    expect((error as Error).message).toMatch(/^reading \/nowhere\/orders.parquet: a file could not be read/);
  });

  it("name a missing CSV file as readTable does", async () => {
    const schema = z.object({ name: z.string() });
    const source = csvFile("/nowhere/orders.csv", schema);
    const error = await runOnDuckDb(pipe(names), { database: db, source }).catch((e: unknown) => e);
    const expected = await readTable("/nowhere/orders.csv", schema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TableReadError);
    expect((error as Error).message).toBe((expected as Error).message);
  });

  it("refuse a column with no value to tell its type, naming it", async () => {
    const error = await runOnDuckDb(pipe(aq.table({ x: [null, null] })), { database: db }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DuckDbLoadError);
    expect((error as Error).message).toContain('column "x" holds no value to tell its type');
  });
});
