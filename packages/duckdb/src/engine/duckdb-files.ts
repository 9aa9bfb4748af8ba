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
 * Resolved files (a list of paths, not a folder or a glob) as DuckDB reads them itself with readTable's rules: `duckdbCsvFiles` when all are CSV (`.csv`,
 * `.tsv`), `duckdbParquetFiles` when all are Parquet; undefined otherwise (Arrow files, a mix: readTable reads
 * them).
 * @example duckdbFiles(await resolveSources("data/*.parquet"), taxiTripSchema, { aliases: taxiTripAliases })
 */
export function duckdbFiles(
  files: readonly string[],
  schema: RowSchema,
  options: DuckDbReadOptions = {},
): DuckDbFilesSource | undefined {
  const given: unknown = files;
  if (!Array.isArray(given) || given.some((file) => typeof file !== "string")) {
    // a JavaScript caller's folder or glob (TypeScript refuses it)
    const got = typeof given === "string" ? `the string ${JSON.stringify(given)}` : describeFiles(given);
    throw new TypeError(
      `duckdbFiles needs a list of file paths, as resolveSources gives (duckdbFiles(await resolveSources("data/"), schema)), got ${got}; ` +
        "for a folder or a glob, resolve it first, or use duckdbCsvFiles or duckdbParquetFiles, which take one",
    );
  }
  const format = duckdbFilesFormat(files);
  if (format === "csv") return duckdbCsvFiles(files, schema, options);
  return format === "parquet" ? duckdbParquetFiles(files, schema, options) : undefined;
}

/** What was given instead of a list of paths, for the error. */
function describeFiles(value: unknown): string {
  if (Array.isArray(value)) return `a list holding ${typeof value.find((file) => typeof file !== "string")}`;
  return value === null ? "null" : typeof value;
}
