/**
 * Table IO: `readTable` (CSV streamed, Parquet, Arrow IPC) typed by a zod row schema, `writeTable` (CSV,
 * Parquet) and `writeOutputFolder`, all written under temporary names and renamed when complete.
 *
 * Reading, per schema kind (an empty cell is `null` in a `.nullable()`/`.optional()` column, the default in a
 * `.default()` column, and an invalid value otherwise):
 * - `z.number()`: decimal text (`-1.5`, `.5`, `1e-3`, `NaN`, `Infinity`) -> Float64Array (plain array when nullable);
 * - `z.int()` / `.int()`: integers, `3.0` accepted, `1.5` rejected -> Float64Array (plain array when nullable);
 * - `z.date()`: `2018-07-27 09:14:45`, `2018-07-27T09:14:45[.fff][Z|+05:30]`, `07/27/2018 9:14:45 AM` -> epoch
 *   milliseconds (a number, not a Date) in a Float64Array (plain array when nullable); a stamp without a zone
 *   is its UTC wall-clock time, so nothing depends on the machine's time zone: `2018-02-04 18:00:00` ->
 *   `Date.UTC(2018, 1, 4, 18)`; `formatTimestamp(ms)` turns one back into `2018-02-04T18:00:00`;
 * - `z.boolean()`: true/false, t/f, 1/0, yes/no, y/n in any case;
 * - `z.string()`, `z.enum([...])`: the text as is (enum values checked); in CSV a quoted `""` is the empty
 *   string and an unquoted empty cell is missing.
 * Only kinds, nullability and enum values are checked per cell; other zod checks (`.min()`, refinements) are not.
 *
 * Writing: `writeTable(table, path, { schema })` writes the schema's `z.date()` columns as time stamps again
 * (`2018-02-04T18:00:00`, Parquet TIMESTAMP), so a read and a write with one schema round-trip.
 */
export type { ColumnAliases } from "./aliases";
export { normalizeColumnName } from "./aliases";
export { csvCell } from "./csv-writer";
export type { TableReadErrorDetails } from "./errors";
export { TableReadError, TableWriteError } from "./errors";
export type { InvalidValueExample, OnInvalid } from "./invalid-values";
export { writeOutputFolder } from "./output-folder";
export { readTableInBatches } from "./read-batches";
export { readTable, readTableWithReport } from "./read-table";
export type { ColumnKind, ColumnSpec, RowSchema } from "./schema-columns";
export { columnKinds } from "./schema-columns";
export { formatTimestamp, isEpochMillis, parseTimestamp } from "./timestamp";
export type { ReadProgress, ReadReport, ReadTableOptions, SchemaColumns, TableFormat } from "./types";
export type { WriteTableOptions } from "./write-table";
export { writeTable } from "./write-table";
