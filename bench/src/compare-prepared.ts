/**
 * Are the prepared tables of the three engines equal, row for row? Each Parquet file is read by DuckDB with
 * every column normalised — time stamps as epoch milliseconds, numbers as DOUBLE, text as VARCHAR — and the
 * multisets of rows are compared both ways (`EXCEPT ALL`), so row order does not matter but duplicates do.
 * Numbers are compared exactly: every engine parses the same decimal text to the nearest double.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { ADDED_COLUMNS, TRIP_COLUMNS } from "./pipeline-spec";

/** The verdict for one table against the reference. */
export interface Comparison {
  /** Rows in the reference table and in this one. */
  referenceRows: number;
  rows: number;
  /** Rows of the reference missing here, and rows here missing from the reference (multiset difference). */
  missing: number;
  extra: number;
  /** A few differing rows, for a human. */
  examples: string[];
  equal: boolean;
}

const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`;

function normalisedSelect(path: string): string {
  const columns = [
    ...TRIP_COLUMNS.map(([name, type]) => {
      if (type === "timestamp") return `epoch_ms(CAST(${name} AS TIMESTAMP)) AS ${name}`;
      if (type === "string") return `CAST(${name} AS VARCHAR) AS ${name}`;
      return `CAST(${name} AS DOUBLE) AS ${name}`;
    }),
    ...ADDED_COLUMNS.map((name) => `CAST(${name} AS DOUBLE) AS ${name}`),
  ];
  return `SELECT ${columns.join(", ")} FROM read_parquet(${quote(path)})`;
}

/**
 * Compare each of `others` with `reference` (all Parquet files of the prepared table).
 * @example await comparePrepared("tablepipe.parquet", { polars: "polars/prepared.parquet" })
 */
export async function comparePrepared(
  reference: string,
  others: Readonly<Record<string, string>>,
): Promise<Record<string, Comparison>> {
  const instance = await DuckDBInstance.create(":memory:");
  const db = await instance.connect();
  try {
    await db.run(`CREATE TABLE reference AS ${normalisedSelect(reference)}`);
    const referenceRows = await count(db, "SELECT count(*) FROM reference");
    const results: Record<string, Comparison> = {};
    for (const [name, path] of Object.entries(others)) {
      await db.run(`CREATE OR REPLACE TABLE other AS ${normalisedSelect(path)}`);
      const rows = await count(db, "SELECT count(*) FROM other");
      const missing = await count(db, "SELECT count(*) FROM (FROM reference EXCEPT ALL FROM other)");
      const extra = await count(db, "SELECT count(*) FROM (FROM other EXCEPT ALL FROM reference)");
      const examples =
        missing + extra === 0
          ? []
          : [
              ...(await sample(db, "FROM reference EXCEPT ALL FROM other", "only in tablepipe")),
              ...(await sample(db, "FROM other EXCEPT ALL FROM reference", `only in ${name}`)),
            ];
      results[name] = {
        referenceRows,
        rows,
        missing,
        extra,
        examples,
        equal: missing === 0 && extra === 0 && rows === referenceRows,
      };
    }
    return results;
  } finally {
    db.closeSync();
  }
}

type Connection = Awaited<ReturnType<DuckDBInstance["connect"]>>;

async function count(db: Connection, sql: string): Promise<number> {
  const rows = (await db.runAndReadAll(sql)).getRows();
  return Number(rows[0]?.[0] ?? 0);
}

async function sample(db: Connection, sql: string, label: string): Promise<string[]> {
  const rows = (await db.runAndReadAll(`${sql} LIMIT 3`)).getRowObjectsJson();
  return rows.map((row) => `${label}: ${JSON.stringify(row)}`);
}
