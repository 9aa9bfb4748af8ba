/** The ops benchmark on DuckDB: tables created from the CSV, each operation one `CREATE TABLE AS` query. */
import { join as joinPath } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { OPS_FILES, type Op, writtenCsvPath } from "../ops-spec";
import type { OpsEngine, ResultColumns } from "./types";

const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`;

const FACT_COLUMNS =
  "{'id': 'BIGINT', 'gkey': 'BIGINT', 'jkey': 'BIGINT', 'value': 'DOUBLE', 'qty': 'BIGINT'}";

const QUERIES: Readonly<Record<Exclude<Op, "writecsv">, string>> = {
  groupby:
    "SELECT gkey, count(*) AS n, sum(value) AS total, avg(value) AS mean_value, min(qty) AS lo, max(qty) AS hi " +
    "FROM facts GROUP BY gkey",
  join: "SELECT f.*, d.label, d.weight FROM facts f INNER JOIN dims d ON f.jkey = d.jkey",
  groupmeasures:
    "SELECT *, count(*) OVER w AS n, sum(value) OVER w AS total, avg(value) OVER w AS mean_value, " +
    "min(qty) OVER w AS lo, max(qty) OVER w AS hi FROM facts WINDOW w AS (PARTITION BY gkey)",
  quantiles:
    "SELECT gkey, count(*) AS n, median(value) AS median_value, quantile_cont(value, 0.9) AS p90_value " +
    "FROM facts GROUP BY gkey",
};

/** DuckDB (in memory, every core): the result is a table, so it is fully computed when the query returns. */
export const duckdbEngine: OpsEngine<DuckDBConnection, DuckDBConnection> = {
  async load(dir, op) {
    const db = await (await DuckDBInstance.create(":memory:")).connect();
    await db.run(
      `CREATE TABLE facts AS SELECT * FROM read_csv(${quote(joinPath(dir, OPS_FILES.facts))}, header = true, ` +
        `auto_detect = false, columns = ${FACT_COLUMNS})`,
    );
    if (op === "join") {
      await db.run(
        `CREATE TABLE dims AS SELECT * FROM read_csv(${quote(joinPath(dir, OPS_FILES.dims))}, header = true, ` +
          "auto_detect = false, columns = {'jkey': 'BIGINT', 'label': 'VARCHAR', 'weight': 'DOUBLE'})",
      );
    }
    return db;
  },
  async run(op, db) {
    if (op === "writecsv") {
      await db.run(`COPY facts TO ${quote(writtenCsvPath("duckdb"))} (FORMAT csv, HEADER)`);
      await db.run("CREATE OR REPLACE VIEW result AS SELECT * FROM facts");
      return db;
    }
    await db.run(`CREATE OR REPLACE TABLE result AS ${QUERIES[op]}`);
    return db;
  },
  async rows(db) {
    const rows = (await db.runAndReadAll("SELECT count(*) FROM result")).getRows();
    return Number(rows[0]?.[0] ?? 0);
  },
  async columns(op, db) {
    if (op === "writecsv") {
      await db.run("DROP VIEW IF EXISTS result");
      await db.run(
        `CREATE TABLE result AS SELECT * FROM read_csv(${quote(writtenCsvPath("duckdb"))}, ` +
          `header = true, auto_detect = false, columns = ${FACT_COLUMNS})`,
      );
    }
    const names = (await db.runAndReadAll("SELECT * FROM result LIMIT 0")).columnNames();
    const types = (await db.runAndReadAll("SELECT * FROM result LIMIT 0")).columnTypes();
    const select = names
      .map((name, i) => (String(types[i]) === "VARCHAR" ? name : `CAST(${name} AS DOUBLE) AS ${name}`))
      .join(", ");
    const reader = await db.runAndReadAll(`SELECT ${select} FROM result`);
    return reader.getColumnsObjectJS() as ResultColumns;
  },
};
