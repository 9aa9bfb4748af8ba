import { stat } from "node:fs/promises";
import { table as makeTable } from "arquero";
import { getLogger } from "../log";
import { checkAliases } from "./aliases";
import { readArrowFile } from "./arrow-reader";
import { createColumnBuilder } from "./column-builders";
import { DEFAULT_CSV_CHUNK_SIZE, readCsvFile } from "./csv-reader";
import { TableReadError } from "./errors";
import { InvalidValueLog } from "./invalid-values";
import { readParquetFile } from "./parquet-reader";
import { ProgressReporter } from "./progress";
import type { ReadContext } from "./read-context";
import { columnKinds, type RowSchema } from "./schema-columns";
import { formatFromExtension, resolveSources } from "./sources";
import type { ReadReport, ReadTableOptions, SchemaColumns, Table, TableFormat } from "./types";

const log = getLogger("io");

/**
 * Read CSV, Parquet or Arrow IPC files into one table typed by a zod row schema (see {@link readTableWithReport}).
 * @example
 *   const trips = await readTable("data/yellow_tripdata_2018-*.csv", TripRow, {
 *     aliases: { rate_code: ["RatecodeID", "rate_code_id"] },
 *   });
 */
export async function readTable<S extends RowSchema>(
  source: string | readonly string[],
  schema: S,
  options: ReadTableOptions<S> = {},
): Promise<Table<SchemaColumns<S>>> {
  return (await readTableWithReport(source, schema, options)).table;
}

/**
 * Read a file, a folder, a glob or a list of files into one table, and report what was read and dropped.
 * Columns come in schema order; non-nullable numbers as Float64Array, time stamps as Dates (a stamp without
 * a zone is its UTC wall-clock time); columns the schema does not name are ignored.
 * @example const { table, report } = await readTableWithReport("trips.csv", TripRow, { onInvalid: "drop" });
 */
export async function readTableWithReport<S extends RowSchema>(
  source: string | readonly string[],
  schema: S,
  options: ReadTableOptions<S> = {},
): Promise<{ table: Table<SchemaColumns<S>>; report: ReadReport }> {
  const started = performance.now();
  const specs = columnKinds(schema);
  checkAliases(specs, options.aliases);
  const files = await resolveSources(source);
  const formats = files.map((file) => chooseFormat(file, options.format));
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
  };
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? DEFAULT_CSV_CHUNK_SIZE));
  for (const [i, file] of files.entries()) {
    ctx.file = file;
    ctx.progress.file = file;
    const format = formats[i] as TableFormat;
    if (format === "csv") {
      await readCsvFile(file, ctx, {
        delimiter: delimiterByte(file, options.delimiter),
        chunkSize,
        fileSize: sizes[i] ?? 0,
      });
    } else if (format === "parquet") {
      await readParquetFile(file, ctx);
    } else {
      await readArrowFile(file, ctx);
    }
  }
  ctx.progress.finish(ctx.rows);
  const columns: Record<string, ArrayLike<unknown>> = {};
  specs.forEach((spec, c) => {
    columns[spec.name] = ctx.builders[c]?.finish() ?? [];
  });
  const table = makeTable(
    columns,
    specs.map((s) => s.name),
  );
  const report: ReadReport = {
    files,
    rows: ctx.rows,
    droppedRows: ctx.invalid.droppedRows,
    invalidByColumn: Object.fromEntries(ctx.invalid.byColumn),
    examples: ctx.invalid.examples,
  };
  logRead(report, performance.now() - started);
  return { table, report };
}

function chooseFormat(file: string, format: TableFormat | undefined): TableFormat {
  const chosen = format ?? formatFromExtension(file);
  if (chosen === undefined) {
    throw new TableReadError({
      file,
      reason:
        "cannot tell the format from the extension (.csv, .tsv, .parquet, .arrow, .feather, .ipc); pass options.format",
    });
  }
  return chosen;
}

function delimiterByte(file: string, delimiter: string | undefined): number {
  const d = delimiter ?? (file.toLowerCase().endsWith(".tsv") ? "\t" : ",");
  const code = d.charCodeAt(0);
  if (d.length !== 1 || code > 127 || d === '"' || d === "\n" || d === "\r") {
    throw new TypeError(
      `readTable: delimiter must be one ASCII character other than a quote or a line end, got ${JSON.stringify(d)}`,
    );
  }
  return code;
}

function logRead(report: ReadReport, ms: number): void {
  const files = report.files.length === 1 ? report.files[0] : `${report.files.length} files`;
  log.debug(`read ${report.rows} rows from ${files} in ${Math.round(ms)} ms`, {
    rows: report.rows,
    files: report.files,
  });
  if (report.droppedRows === 0) return;
  const counts = Object.entries(report.invalidByColumn)
    .map(([column, n]) => `${column} ${n}`)
    .join(", ");
  const examples = report.examples
    .slice(0, 5)
    .map(
      (e) =>
        `${e.file}${e.line === undefined ? ` row ${e.row}` : ` line ${e.line}`}${e.column ? `, column ${e.column}` : ""}: ${e.reason}`,
    )
    .join("; ");
  log.warn(`dropped ${report.droppedRows} rows with invalid values (${counts}); e.g. ${examples}`, {
    droppedRows: report.droppedRows,
    invalidByColumn: report.invalidByColumn,
  });
}
