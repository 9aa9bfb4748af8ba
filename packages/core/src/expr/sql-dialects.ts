import type { CastType } from "./nodes";

/** The SQL dialects an expression renders to (Spark SQL is a future issue: one more row below). */
export type SqlDialectName = "duckdb";

/** What differs between SQL dialects, in one place. */
export interface SqlDialect {
  /** `"name"` in DuckDB, `` `name` `` in Spark. */
  readonly quoteIdentifier: (name: string) => string;
  /** What the engine's `dayofweek` returns for a Sunday: 0 in DuckDB, 1 in Spark (tablepipe says 1). */
  readonly dayOfWeekSunday: 0 | 1;
  /** A string contains another. */
  readonly contains: (text: string, part: string) => string;
  /** A string starts with another. */
  readonly startsWith: (text: string, prefix: string) => string;
  /** A string ends with another. */
  readonly endsWith: (text: string, suffix: string) => string;
  /** The SQL type of each cast target. */
  readonly types: Readonly<Record<Exclude<CastType, "int">, string>> & { readonly int: string };
}

/** The dialect table. */
export const SQL_DIALECTS: Readonly<Record<SqlDialectName, SqlDialect>> = {
  duckdb: {
    quoteIdentifier: (name) => `"${name.replaceAll('"', '""')}"`,
    dayOfWeekSunday: 0,
    contains: (text, part) => `contains(${text}, ${part})`,
    startsWith: (text, prefix) => `starts_with(${text}, ${prefix})`,
    endsWith: (text, suffix) => `ends_with(${text}, ${suffix})`,
    types: { int: "BIGINT", float: "DOUBLE", string: "VARCHAR", boolean: "BOOLEAN", timestamp: "TIMESTAMP" },
  },
};
