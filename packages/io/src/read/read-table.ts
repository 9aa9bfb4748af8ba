import { stat } from "node:fs/promises";
import { type ExprNode, type RowSchemaTypes, schemaFromRowSchema, type TableSchema } from "@tablepipe/core";
import { attachSchema } from "@tablepipe/core/internal";
import { type ColumnTable, table as makeTable } from "arquero";
import { createColumnBuilder } from "../columns/column-builders";
import { InvalidValueLog } from "../columns/invalid-values";
import { DEFAULT_CSV_CHUNK_SIZE, readCsvFile } from "../csv/csv-reader";
import { TableReadError } from "../errors";
import { checkColumnBounds } from "../parquet/row-group-bounds";
import { createWorkerPool, defaultWorkerCount } from "../workers/worker-pool";
import { checkAliases } from "./aliases";
import { refuseBinaryText } from "./binary-sniff";
import { delimiterByte } from "./delimiter";
import { ProgressReporter } from "./progress";
import { BatchConsumerError, countThreads, type ReadContext, rowsRead } from "./read-context";
import { checkReadOptions } from "./read-options";
import type { ConditionTally } from "./row-conditions";
import { columnKinds, type RowSchema, refuseUncheckableRules, rulesCrossThreads } from "./schema-columns";
import { formatFromExtension, resolveSources } from "./sources";
import type { ReadReport, ReadTableOptions, SchemaColumns, Table, TableFormat } from "./types";

/**
 * Read CSV, Parquet or Arrow IPC files into one table typed by a zod row schema (see {@link readTableWithReport}).
 *
 * **Time stamps are numbers, not Dates.** A `z.date()` column holds the epoch milliseconds of each stamp's
 * UTC wall-clock time: `2018-02-04 18:00:00` (no zone) is `Date.UTC(2018, 1, 4, 18, 0, 0)` =
 * `1517767200000`, whatever the machine's time zone (a stamp with a zone, `...Z` or `+05:30`, is that
 * instant). A column that cannot be null is a `Float64Array`; a `.nullable()`/`.optional()` one a plain
 * array of numbers and `null`s. (10M rows would otherwise allocate 20M Date objects.) Read their fields with
 * UTC arithmetic or `op.utc*`, turn one into text with `formatTimestamp` (@tablepipe/core), into a Date with `new Date(ms)`
 * (then use its `getUTC*` methods, not the local ones), and write the table back with
 * `writeTable(table, path, { schema })` so those columns are written as time stamps again.
 * @example
 *   const trips = await readTable("data/yellow_tripdata_2018-*.csv", TripRow, {
 *     aliases: { rate_code: ["RatecodeID", "rate_code_id"] },
 *   });
 *   const pickup = trips.get("pickup_datetime", 0) as number; // 1517767200000 for "2018-02-04 18:00:00"
 *   formatTimestamp(pickup); // "2018-02-04T18:00:00"
 *   new Date(pickup).getUTCHours(); // 18
 */
export async function readTable<S extends RowSchema>(
  source: string | readonly string[],
  schema: S,
  options?: ReadTableOptions<S>,
): Promise<Table<SchemaColumns<S>, RowSchemaTypes<S>>>;
/**
 * Read Parquet or Arrow IPC files without a schema: the columns and their types come from the first file's
 * metadata (Parquet logical types, the Arrow schema): ints, floats, strings, booleans, time stamps and dates
 * (as epoch milliseconds), nullable where the file says so. A CSV file holds no types: without a schema it
 * is an error that says to pass one.
 * @example const trips = await readTable("out/trips.parquet");
 */
export async function readTable(
  source: string | readonly string[],
  schema?: undefined,
  options?: ReadTableOptions,
): Promise<Table>;
export async function readTable<S extends RowSchema>(
  source: string | readonly string[],
  schema?: S,
  options: ReadTableOptions<S> = {},
): Promise<Table<SchemaColumns<S>, RowSchemaTypes<S>>> {
  return (await readTableWithReport(source, schema as S, options)).table;
}

/**
 * Read a file, a folder, a glob or a list of files into one table, and report what was read and dropped.
 * Columns come in schema order; columns the schema does not name are ignored. The table knows its column
 * types at run time (`schemaOf(table)` in @tablepipe/core: `z.date()` is a timestamp, `z.int()` an int, ...). Non-nullable numbers and time
 * stamps are Float64Arrays, nullable ones plain arrays with `null`s; a time stamp is the epoch milliseconds
 * of its UTC wall-clock time (`2018-02-04 18:00:00` -> `Date.UTC(2018, 1, 4, 18)`), never a Date — see
 * {@link readTable}. Without a schema (Parquet and Arrow only), the first file's metadata types the columns.
 * @example const { table, report } = await readTableWithReport("trips.csv", TripRow, { onInvalid: "drop" });
 */
export async function readTableWithReport<S extends RowSchema>(
  source: string | readonly string[],
  schema: S | undefined,
  options: ReadTableOptions<S> = {},
): Promise<{ table: Table<SchemaColumns<S>, RowSchemaTypes<S>>; report: ReadReport }> {
  const started = performance.now();
  const { ctx, files, fileTypes } = await readSources(source, schema, options);
  // the table carries its column types at run time (schemaOf: the schema's, else the file's), for the pipe's
  // pre-flight, the writers, show/describe/printSchema, the test kit's diffs and console.log
  const declared = schema === undefined ? fileTypes : schemaFromRowSchema(schema);
  const table = attachSchema(tableFromBuilders(ctx), declared ?? {});
  const report = readReport(ctx, files, performance.now() - started);
  return { table, report };
}

/**
 * Read every file of `source` into a fresh context's builders. With `onBatch`, the readers call it after each
 * settled batch (a CSV chunk, a Parquet row group, an Arrow file) instead of keeping every row. With
 * `keepWhere`, the pieces parsed in worker threads come back with only the rows on which all its conditions hold.
 * Without a schema, `fileTypes` are the column types the first file declares.
 */
export async function readSources<S extends RowSchema>(
  source: string | readonly string[],
  schema: S | undefined,
  options: ReadTableOptions<S>,
  onBatch?: (ctx: ReadContext) => void,
  onDecodedBatch?: (
    ctx: ReadContext,
    columns: ArrayLike<unknown>[],
    rows: number,
    tallies?: readonly ConditionTally[],
  ) => void,
  keepWhere?: readonly ExprNode[],
): Promise<{ ctx: ReadContext; files: string[]; fileTypes?: TableSchema }> {
  checkReadOptions(options, "readTable");
  const fromSchema = schema === undefined ? undefined : columnKinds(schema);
  if (schema !== undefined && fromSchema !== undefined) {
    refuseUncheckableRules(schema, fromSchema);
    checkAliases(fromSchema, options.aliases);
  }
  const files = await resolveSources(source);
  const formats = files.map((file) => chooseFormat(file, options.format));
  let fileTypes: TableSchema | undefined;
  let specs = fromSchema;
  if (specs === undefined) {
    const csv = files.findIndex((_, i) => formats[i] === "csv");
    const first = Math.max(csv, 0);
    const { fileSchema } = await import("./file-schema"); // hyparquet and flechette: loaded when needed
    const found = await fileSchema(files[first] as string, formats[first] as TableFormat);
    specs = found.specs;
    fileTypes = found.schema;
  }
  // bounds are checked against the columns read (the schema's, else the first file's), before any row
  if (options.rowGroupBounds !== undefined) checkColumnBounds(options.rowGroupBounds, specs);
  const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size));
  const ctx: ReadContext = {
    file: "",
    specs,
    builders: specs.map(createColumnBuilder),
    aliases: options.aliases,
    invalid: new InvalidValueLog(options.onInvalid ?? "error"),
    progress: new ProgressReporter(
      sizes.reduce((a, b) => a + b, 0),
      options.onProgress,
    ),
    rows: 0,
    drained: 0,
    ...(options.rowGroupBounds === undefined || options.rowGroupBounds.length === 0
      ? {}
      : { rowGroupBounds: options.rowGroupBounds, skippedRows: 0 }),
    ...(keepWhere === undefined || keepWhere.length === 0 ? {} : { keepWhere }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.zonedTimestamps === undefined ? {} : { zonedTimestamps: options.zonedTimestamps }),
  };
  if (onBatch !== undefined) ctx.onBatch = () => onBatch(ctx);
  if (onDecodedBatch !== undefined) {
    ctx.onDecodedBatch = (columns, rows, tallies) => onDecodedBatch(ctx, columns, rows, tallies);
  }
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? DEFAULT_CSV_CHUNK_SIZE));
  try {
    await readFiles(ctx, files, formats, sizes, options, chunkSize);
  } catch (error) {
    throw error instanceof BatchConsumerError ? error.original : error;
  }
  ctx.progress.finish(rowsRead(ctx));
  return { ctx, files, ...(fileTypes === undefined ? {} : { fileTypes }) };
}

async function readFiles(
  ctx: ReadContext,
  files: readonly string[],
  formats: readonly TableFormat[],
  sizes: readonly number[],
  options: ReadTableOptions,
  chunkSize: number,
): Promise<void> {
  for (const [i, file] of files.entries()) {
    ctx.file = file;
    ctx.progress.file = file;
    const format = formats[i] as TableFormat;
    if (format === "csv") {
      await refuseBinaryText(file);
      await readCsvFile(file, ctx, {
        delimiter: delimiterByte(file, options.delimiter),
        chunkSize,
        fileSize: sizes[i] ?? 0,
        workers: workerCount(ctx, options),
      });
    } else if (format === "parquet") {
      await readParquet(file, ctx, workerCount(ctx, options));
    } else {
      const { readArrowFile } = await import("../arrow/arrow-reader"); // flechette: loaded when needed
      await readArrowFile(file, ctx);
    }
  }
}

/**
 * Worker threads for a batched read: as asked (default one per core), none when a column has a refinement
 * (`.refine()` holds a function, which cannot be sent to a worker): then the calling thread parses.
 */
function workerCount(ctx: ReadContext, options: ReadTableOptions): number {
  return rulesCrossThreads(ctx.specs) ? (options.workers ?? defaultWorkerCount()) : 0;
}

/** The rows in the context's builders as a table, columns in schema order. */
function tableFromBuilders(ctx: ReadContext): ColumnTable {
  const columns: Record<string, ArrayLike<unknown>> = {};
  ctx.specs.forEach((spec, c) => {
    columns[spec.name] = ctx.builders[c]?.finish() ?? [];
  });
  return makeTable(
    columns,
    ctx.specs.map((s) => s.name),
  );
}

/** What a finished read did. */
export function readReport(ctx: ReadContext, files: string[], ms: number): ReadReport {
  return {
    files,
    ms,
    rows: rowsRead(ctx),
    droppedRows: ctx.invalid.droppedRows,
    invalidByColumn: Object.fromEntries(ctx.invalid.byColumn),
    examples: ctx.invalid.examples,
    ...(ctx.skippedRows === undefined || ctx.skippedRows === 0 ? {} : { skippedRows: ctx.skippedRows }),
    ...(ctx.threads === undefined ? {} : { threads: ctx.threads }),
    ...(ctx.absentColumns === undefined ? {} : { absentColumns: Object.fromEntries(ctx.absentColumns) }),
  };
}

/** A Parquet file: its row groups decoded in worker threads for a batched read, else on this thread. */
async function readParquet(file: string, ctx: ReadContext, workers: number): Promise<void> {
  const pool = ctx.onDecodedBatch !== undefined && workers > 0 ? createWorkerPool(workers) : undefined;
  // hyparquet is loaded by the first Parquet file: a CSV read never imports it
  if (pool === undefined) return (await import("../parquet/parquet-reader")).readParquetFile(file, ctx);
  countThreads(ctx, pool.size);
  try {
    const { readParquetInParallel } = await import("../parquet/parallel-parquet");
    await readParquetInParallel(file, ctx, pool);
  } finally {
    await pool.close();
  }
}

function chooseFormat(file: string, format: TableFormat | undefined): TableFormat {
  const chosen = format ?? formatFromExtension(file);
  if (chosen === undefined) {
    throw new TableReadError({
      file,
      reason:
        'cannot tell the format from the extension: name the file .csv, .tsv, .parquet, .arrow, .feather or .ipc, or pass readTable the option format: "csv" | "parquet" | "arrow"',
    });
  }
  return chosen;
}
