import type { DuckDBConnection } from "@duckdb/node-api";
import {
  checkZonedTimestamps,
  TableReadError,
  type ZonedTimestamps,
  zonedTimestampReason,
} from "@tablepipe/io";
import { readQuery } from "./read-result";
import { sqlString } from "./sql-text";

/** What a source of {@link refuseZonedColumns} reads: a Parquet file or a table of the database, by its FROM clause. */
export interface ZonedCheck {
  readonly format: "parquet" | "table";
  /** The Parquet file's path, or the table's name. */
  readonly path: string;
  /** `read_parquet('...')`, or the table's quoted name. */
  readonly from: string;
  /** The schema's `z.date()` columns, read from the columns of the same names. */
  readonly timestamps: readonly string[];
  /** `"utc"`: zoned time stamps are read as their UTC wall-clock time, and nothing is checked. */
  readonly zonedTimestamps: ZonedTimestamps;
}

/**
 * The zoned-time-stamps option of `parquetFile` or `duckdbTable` (`label`), checked, as a {@link ZonedCheck}'s.
 * @example zonedOption({ zonedTimestamps: "utc" }, "duckdbTable") // "utc"
 */
export function zonedOption(
  options: { readonly zonedTimestamps?: ZonedTimestamps },
  label: string,
): ZonedTimestamps {
  checkZonedTimestamps(options.zonedTimestamps, label);
  return options.zonedTimestamps ?? "error";
}

/**
 * Refuse, before any row is read, a `z.date()` column of a Parquet file or a table that holds time stamps with a
 * zone (DuckDB's TIMESTAMP WITH TIME ZONE; in a Parquet file also INT96 and TIMESTAMP_MILLIS/MICROS without a
 * logical type, as readTable and Spark take them), unless `zonedTimestamps` is `"utc"`: DuckDB's cast would read
 * each instant as its UTC wall-clock time (the session zone is UTC) without a word. A TableReadError naming the file
 * (or table), the column, what it holds and the option that reads it.
 */
export async function refuseZonedColumns(connection: DuckDBConnection, check: ZonedCheck): Promise<void> {
  if (check.zonedTimestamps === "utc" || check.timestamps.length === 0) return;
  const described = await readQuery(connection, `DESCRIBE SELECT * FROM ${check.from}`);
  const holds = new Map<string, string>();
  for (const row of described.objects() as { column_name: string; column_type: string }[]) {
    if (row.column_type === "TIMESTAMP WITH TIME ZONE")
      holds.set(row.column_name, "DuckDB TIMESTAMP WITH TIME ZONE");
  }
  if (check.format === "parquet") {
    const schema = await readQuery(
      connection,
      `SELECT name, type, converted_type FROM parquet_schema(${sqlString(check.path)}) WHERE type = 'INT96' OR (logical_type IS NULL AND converted_type IN ('TIMESTAMP_MILLIS', 'TIMESTAMP_MICROS'))`,
    );
    for (const row of schema.objects() as { name: string; type: string; converted_type: string | null }[]) {
      holds.set(
        row.name,
        row.type === "INT96"
          ? "Parquet INT96, as Spark's TimestampType and Hive write instants"
          : `Parquet ${row.converted_type} without a logical type, adjusted to UTC by the Parquet format`,
      );
    }
  }
  for (const column of check.timestamps) {
    const found = holds.get(column);
    if (found === undefined) continue;
    throw new TableReadError({
      file: check.path,
      column,
      expected: "time stamps without a zone",
      reason: zonedTimestampReason(column, found, check.format === "table" ? "the table's" : "the file's"),
    });
  }
}
