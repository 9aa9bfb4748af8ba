import type { CastType } from "./nodes";

/** The SQL dialects an expression renders to: DuckDB's and Spark SQL (Spark 4, `@tablepipe/spark`). */
export type SqlDialectName = "duckdb" | "spark";

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
  /** A number truncated toward zero as the `int` type (DuckDB's `trunc`; Spark's cast to BIGINT truncates). */
  readonly castInt: (number: string) => string;
  /** The value at the first / last row by an order (DuckDB: `first(x ORDER BY o)`; Spark: `min_by(x, o)`). */
  readonly valueAt: (which: "first" | "last", value: string, order: string) => string;
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
    castInt: (number) => `CAST(trunc(CAST(${number} AS DOUBLE)) AS BIGINT)`,
    valueAt: (which, value, order) => `${which}(${value} ORDER BY ${order})`,
  },
  // Spark 4 SQL, run with spark.sql.caseSensitive=true and session time zone UTC; time stamps are zone-less
  // TIMESTAMP_NTZ. Spark has no QUALIFY (the renderings filter windows in a subquery).
  spark: {
    quoteIdentifier: (name) => `\`${name.replaceAll("`", "``")}\``,
    dayOfWeekSunday: 1,
    contains: (text, part) => `contains(${text}, ${part})`,
    startsWith: (text, prefix) => `startswith(${text}, ${prefix})`,
    endsWith: (text, suffix) => `endswith(${text}, ${suffix})`,
    types: {
      int: "BIGINT",
      float: "DOUBLE",
      string: "STRING",
      boolean: "BOOLEAN",
      timestamp: "TIMESTAMP_NTZ",
    },
    castInt: (number) => `CAST(CAST(${number} AS DOUBLE) AS BIGINT)`,
    valueAt: (which, value, order) => `${which === "first" ? "min_by" : "max_by"}(${value}, ${order})`,
  },
};
