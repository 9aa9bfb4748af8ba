import type * as z from "zod";
import type { InvalidValueExample, OnInvalid } from "../columns/invalid-values";
import type { ColumnBound } from "../parquet/row-group-bounds";
import type { RowSchema } from "./schema-columns";

export type { Table } from "@tablepipe/core";

/** The column names of the table read with a row schema. */
export type SchemaColumns<S extends RowSchema> = keyof z.output<S> & string;

/**
 * What a read does with a file's time stamps with a zone (instants): `"error"` refuses the column, `"utc"` reads
 * each instant as its UTC wall-clock time.
 */
export type ZonedTimestamps = "error" | "utc";

/** File formats read and written. */
export type TableFormat = "csv" | "parquet" | "arrow";

/** How far a read has come; reported at most every ~100 ms, at once when the last byte is read, and at the end. */
export interface ReadProgress {
  /** Bytes read so far, over all files. */
  bytesRead: number;
  /** Bytes of all files. */
  totalBytes: number;
  /** Rows read so far (after dropping invalid ones). */
  rows: number;
  /** The file being read. */
  file: string;
}

/** Options of {@link readTable}. */
export interface ReadTableOptions<S extends RowSchema = RowSchema> {
  /** Format of every file; by default chosen by extension (`.csv`/`.tsv`, `.parquet`/`.pq`, `.arrow`/`.feather`/`.ipc`). */
  format?: TableFormat;
  /** Other names of schema columns, e.g. `{ rate_code: ["RatecodeID", "rate_code_id"] }` (matched ignoring case, `_`, `-`, spaces). */
  aliases?: Readonly<Partial<Record<SchemaColumns<S>, readonly string[]>>>;
  /**
   * A value that does not parse or breaks a value rule of the schema (`.min(0)`, `z.email()`, `.refine()`):
   * `"error"` (default) throws a TableReadError, `"drop"` drops its row and counts it under its column.
   */
  onInvalid?: OnInvalid;
  /**
   * Called with the progress at most every ~100 ms, at once when the last byte is read (the rows may still be
   * coming), and at the end unless that would repeat the call before.
   */
  onProgress?: (progress: ReadProgress) => void;
  /** CSV field delimiter (one ASCII character). Default `","` (`"\t"` for `.tsv`). */
  delimiter?: string;
  /**
   * Batched reads of CSV (`readTableInBatches`, `pipeFrom`): parse in this many worker threads while the
   * calling thread runs the steps on the batches already parsed. Default: one per core, at most 4, none on
   * one core; 0 parses on the calling thread. The rows, values and errors are the same either way.
   */
  workers?: number;
  /**
   * CSV read chunk size in bytes (default 1 MiB, about 12,000 taxi trips); tiny values are for tests of chunk
   * boundaries. It is also the batch size of `readTableInBatches` and `pipeFrom` on CSV files.
   */
  chunkSize?: number;
  /**
   * Parquet: skip the row groups whose min/max statistics prove that none of their rows lies within every
   * bound (e.g. a time range on a time stamp column: `{ column: "pickup_at", min: Date.UTC(2018, 0, 1) }`).
   * Not a row filter: the rows of a row group that is read come whatever their values, so the step that
   * filters must still run; the rows skipped are counted in the report (`skippedRows`). CSV and Arrow files
   * are read whole. Each bound names a schema column; a wrong name or type is a TypeError before any read.
   */
  rowGroupBounds?: readonly ColumnBound[];
  /**
   * Stops the read when aborted: it rejects with the signal's reason after the chunk it is reading (a CSV chunk,
   * a Parquet row group, an Arrow file), its worker threads ended. `stopOnInterrupt` gives one that Ctrl-C aborts.
   */
  signal?: AbortSignal;
  /**
   * A file's time stamps with a zone, which hold instants (Parquet TIMESTAMP with isAdjustedToUTC=true, as
   * DuckDB's TIMESTAMPTZ, pandas' zoned columns and Spark's TimestampType are written; INT96; an Arrow timestamp
   * with a time zone): `"error"` (default) refuses such a column, naming it, as a CSV stamp with an offset is
   * refused; `"utc"` reads each instant as its UTC wall-clock time (`2024-03-10 03:30 -04:00` -> 07:30).
   */
  zonedTimestamps?: ZonedTimestamps;
}

/** What a read did: the rows it kept and what it dropped. */
export interface ReadReport {
  /** The files read, in order. */
  files: string[];
  /** How long the read took, in milliseconds. */
  ms: number;
  /** Rows in the table. */
  rows: number;
  /** Rows dropped (`onInvalid: "drop"`), each counted once. */
  droppedRows: number;
  /**
   * Invalid values per schema column (a malformed CSV row counts under `"(malformed row)"`), in the order the read
   * met each column's first invalid value: files in order, then lines (rows; a malformed record at its line), a
   * line's cells in the schema's order. Every reader (readTable, pipeFrom, DuckDB's file sources, sparkFiles)
   * lists them so, and `describeRead` in that order.
   */
  invalidByColumn: Record<string, number>;
  /** The first few invalid values of each column. */
  examples: InvalidValueExample[];
  /** Rows of Parquet row groups never read because their statistics lie outside `rowGroupBounds` (when any were). */
  skippedRows?: number;
  /**
   * Schema columns marked `.optional()` (or given a `.default()`) that some file lacks, each with the files that
   * lack it: their rows there hold `null` (or the default). Absent when every file has every schema column.
   */
  absentColumns?: Record<string, string[]>;
  /** Worker threads that parsed the files (the most any file used), when any did: absent when this thread parsed. */
  threads?: number;
}
