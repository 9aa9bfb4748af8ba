/**
 * Table IO: `readTable` (CSV streamed, Parquet, Arrow IPC) typed by a zod row schema, `writeTable` (CSV,
 * Parquet) and output folders (`openOutputFolder`, `writeOutputFolder`), all written under temporary names and
 * renamed when complete. An output folder is locked while open, records the files tablepipe wrote in
 * `.tablepipe-manifest.json` with their fingerprints (size, modification time, inode), and never deletes or
 * replaces a file tablepipe did not write, nor one it wrote that changed since.
 *
 * Reading, per schema kind (an empty cell is `null` in a `.nullable()`/`.optional()` column, the default in a
 * `.default()` column, and an invalid value otherwise):
 * - `z.number()`: finite decimal text (`-1.5`, `.5`, `1e-3`) -> Float64Array (plain array when nullable); `NaN`,
 *   `Infinity`, `inf`, `1e999` are invalid values (an error naming them, or dropped and counted with `onInvalid: "drop"`);
 * - `z.int()` / `.int()`: integers, `3.0` accepted, `1.5` rejected -> Float64Array (plain array when nullable);
 * - `z.date()`: `2018-07-27 09:14:45`, `2018-07-27T09:14:45[.fff][Z|+05:30]`, `07/27/2018 9:14:45 AM` -> epoch
 *   milliseconds (a number, not a Date) in a Float64Array (plain array when nullable); a stamp without a zone
 *   is its UTC wall-clock time, so nothing depends on the machine's time zone: `2018-02-04 18:00:00` ->
 *   `Date.UTC(2018, 1, 4, 18)`; `formatTimestamp(ms)` (from @tablepipe/core) turns one back into `2018-02-04T18:00:00`;
 * - `z.date().meta({ logicalType: "date" })`: a date, parsed as a time stamp (`2018-07-27`, `07/27/2018`,
 *   `2018-07-27 00:00:00`) that must be a midnight: another time of day is an invalid value;
 * - `z.boolean()`: true/false, t/f, 1/0, yes/no, y/n in any case;
 * - `z.string()`, `z.enum([...])`: the text as is (enum values checked); in CSV a quoted `""` is the empty
 *   string and an unquoted empty cell is missing.
 * Value rules are checked on every value after parsing: `.min()`/`.max()`/`.positive()`/`.multipleOf()`,
 * `z.int32()`, lengths, `.regex()`, `z.email()` and the other string formats, `.refine()` on a column. A value
 * that breaks one is an invalid value like one that does not parse (an error naming file, line, column, value
 * and the rule, or dropped and counted with `onInvalid: "drop"`). A rule on the whole row
 * (`z.object({...}).refine(...)`) or a check that transforms values (`.trim()`) is refused when the read starts.
 *
 * Writing: `writeTable(table, path, { schema })` writes the schema's `z.date()` columns as time stamps again
 * (`2018-02-04T18:00:00`, Parquet TIMESTAMP), so a read and a write with one schema round-trip.
 */

export { isDateColumn, midnightSql } from "./columns/date-cells";
export type { InvalidValueExample, OnInvalid } from "./columns/invalid-values";
export { invalidValueReason } from "./columns/invalid-values";
export type { StampFieldsSql, TextCellDialect } from "./columns/text-cell-dialect";
export type { TextCellNames, TextCellParts } from "./columns/text-cell-sql";
export {
  booleanCellSql,
  COLUMN_TYPE,
  emptyCellSql,
  enumCellSql,
  mustNotBeEmpty,
  textCellParts,
} from "./columns/text-cell-sql";
export { FALSE_WORDS, FLOAT_TEXT, INT_TEXT, TRUE_WORDS } from "./columns/text-grammar";
export type { CsvHeader } from "./csv/csv-header";
export { readCsvHeader, readCsvHeaderRecord } from "./csv/csv-header";
export { csvCell } from "./csv/csv-writer";
export type { TableReadErrorDetails } from "./errors";
export {
  InterruptedError,
  OutputLockedError,
  OutputPathError,
  TableReadError,
  TableWriteError,
} from "./errors";
export { parquetNanosecondColumns } from "./parquet/nanosecond-columns";
export type { ColumnBound } from "./parquet/row-group-bounds";
export type { ColumnAliases } from "./read/aliases";
export { checkAliases, mapColumns, normalizeColumnName } from "./read/aliases";
export { refuseBinaryText } from "./read/binary-sniff";
export { csvDelimiterOf } from "./read/delimiter";
export type { ReadDescription } from "./read/describe-read";
export { describeRead } from "./read/describe-read";
export { readTableInBatches } from "./read/read-batches";
export { checkOnInvalid, checkReadOptions, checkZonedTimestamps } from "./read/read-options";
export { readTable, readTableWithReport } from "./read/read-table";
export { readTraceEntry } from "./read/read-trace-entry";
export type { ColumnKind, ColumnSpec, RowSchema } from "./read/schema-columns";
export { columnKinds } from "./read/schema-columns";
export { resolveSources } from "./read/sources";
export type {
  ReadProgress,
  ReadReport,
  ReadTableOptions,
  SchemaColumns,
  TableFormat,
  ZonedTimestamps,
} from "./read/types";
export { zonedTimestampReason } from "./read/zoned-timestamps";
export type { PipeSourceFiles, SourceEngineRunResult, SourcePipeEngine } from "./source/source-engine";
export type { SourcePipeResult, SourcePlan } from "./source/source-pipe";
export { pipeFrom, SourcePipe } from "./source/source-pipe";
export type { AppendCheckOptions, RunOutput } from "./write/append-check";
export { checkAppendFile } from "./write/append-check";
export { stopOnInterrupt } from "./write/interrupt-cleanup";
export type { OutputCheckOptions } from "./write/output-check";
export { checkOutputFolder } from "./write/output-check";
export type { OpenOutputFolderOptions, OutputStep } from "./write/output-folder";
export { OutputFolder, openOutputFolder, writeOutputFolder } from "./write/output-folder";
export { LOCK_FILE } from "./write/output-lock";
export { MANIFEST_FILE } from "./write/output-manifest";
export { writeAtomically } from "./write/write-atomically";
export type { WriteTableOptions } from "./write/write-table";
export { writeTable } from "./write/write-table";
