import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDbQueryError } from "../errors";
import { DuckDb } from "./duckdb-database";
import { runSql } from "./run-sql";

describe("runSql", () => {
  let db: DuckDb;
  beforeAll(async () => {
    db = await DuckDb.open();
  });
  afterAll(() => db.close());

  it("runs a statement", async () => {
    await runSql(db.connection, "CREATE TEMP TABLE ran AS SELECT 1 AS x", "making a table");
    const rows = (await db.connection.runAndReadAll("SELECT x FROM ran")).getRows();
    expect(rows).toEqual([[1]]);
  });

  it("turns a failure into a DuckDbQueryError naming where it happened", async () => {
    const failure = runSql(db.connection, "SELECT * FROM no_such_table", "reading trips.csv");
    await expect(failure).rejects.toBeInstanceOf(DuckDbQueryError);
    await expect(failure).rejects.toThrow(/^reading trips\.csv: .*no_such_table/);
  });
});
