import type { RowSchema } from "@tablepipe/io";
import type { DuckDbReadOptions } from "./files-schema";
import type { DuckDbFilesSource } from "./files-source";
import { duckdbCsvFiles } from "./read-files";
import { duckdbParquetFiles } from "./read-parquet-files";

/** The format DuckDB reads `files` in itself, by their extensions: all `.csv`/`.tsv`, or all `.parquet`. */
export function duckdbFilesFormat(files: readonly string[]): "csv" | "parquet" | undefined {
  if (files.length === 0) return undefined;
  if (files.every((file) => /\.(csv|tsv)$/i.test(file))) return "csv";
  return files.every((file) => /\.parquet$/i.test(file)) ? "parquet" : undefined;
}

/**
 * Resolved files as DuckDB reads them itself with readTable's rules: `duckdbCsvFiles` when all are CSV (`.csv`,
 * `.tsv`), `duckdbParquetFiles` when all are Parquet; undefined otherwise (Arrow files, a mix: readTable reads
 * them).
 * @example duckdbFiles(await resolveSources("data/*.parquet"), taxiTripSchema, { aliases: taxiTripAliases })
 */
export function duckdbFiles(
  files: readonly string[],
  schema: RowSchema,
  options: DuckDbReadOptions = {},
): DuckDbFilesSource | undefined {
  const format = duckdbFilesFormat(files);
  if (format === "csv") return duckdbCsvFiles(files, schema, options);
  return format === "parquet" ? duckdbParquetFiles(files, schema, options) : undefined;
}
