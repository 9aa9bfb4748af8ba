import {
  asyncBufferFromFile,
  type ColumnData,
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
} from "hyparquet";
import { TableReadError } from "./errors";
import { epochMillisParsers, isParquetTimeColumn } from "./parquet-time-columns";
import type { ReadContext } from "./read-context";
import { appendValueBatch, type DecodedColumn, mapNamedColumns } from "./value-columns";

/**
 * Read one Parquet file (hyparquet; uncompressed or Snappy) into the context's builders, one row group at a
 * time, reading only the columns the schema maps. Time stamps (INT64 with a TIMESTAMP type in any unit, INT96)
 * and dates are decoded straight to epoch milliseconds of the wall-clock time stored, without a Date per
 * value; strings, numbers and bigints are checked or parsed as the schema says.
 * @example await readParquetFile("trips.parquet", ctx)
 */
export async function readParquetFile(path: string, ctx: ReadContext): Promise<void> {
  let file: Awaited<ReturnType<typeof asyncBufferFromFile>>;
  let metadata: Awaited<ReturnType<typeof parquetMetadataAsync>>;
  try {
    file = await asyncBufferFromFile(path);
    metadata = await parquetMetadataAsync(file);
  } catch (error) {
    throw new TableReadError(
      { file: ctx.file, reason: `cannot read as Parquet: ${(error as Error).message}` },
      { cause: error },
    );
  }
  const elements = parquetSchema(metadata).children.map((child) => child.element);
  const names = elements.map((element) => element.name);
  const timeColumns = new Set(elements.filter(isParquetTimeColumn).map((element) => element.name));
  const mapped = mapNamedColumns(ctx, names);
  const wanted = [...new Set(mapped.filter((name): name is string => name !== undefined))];
  const totalRows = Math.max(1, Number(metadata.num_rows));
  let reported = 0;
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const count = Number(group.num_rows);
    const rowEnd = rowStart + count;
    const chunks = new Map<string, ColumnData[]>();
    try {
      await parquetRead({
        file,
        metadata,
        columns: wanted,
        rowStart,
        rowEnd,
        parsers: epochMillisParsers,
        onChunk: (chunk) => {
          const list = chunks.get(chunk.columnName) ?? [];
          list.push(chunk);
          chunks.set(chunk.columnName, list);
        },
      });
    } catch (error) {
      throw new TableReadError(
        { file: ctx.file, row: rowStart + 1, reason: `cannot read as Parquet: ${(error as Error).message}` },
        { cause: error },
      );
    }
    const columns = mapped.map((name): DecodedColumn | undefined =>
      name === undefined
        ? undefined
        : { values: assemble(chunks.get(name) ?? [], rowStart, rowEnd), epochMillis: timeColumns.has(name) },
    );
    appendValueBatch(ctx, columns, count, rowStart);
    rowStart = rowEnd;
    const bytes = Math.round((file.byteLength * rowEnd) / totalRows);
    ctx.progress.advance(bytes - reported, ctx.rows);
    reported = bytes;
  }
  ctx.progress.advance(file.byteLength - reported, ctx.rows);
}

/** The values of rows `[from, to)` from a column's chunks. */
function assemble(chunks: readonly ColumnData[], from: number, to: number): ArrayLike<unknown> {
  const only = chunks[0];
  if (chunks.length === 1 && only !== undefined && only.rowStart === from && only.rowEnd === to)
    return only.columnData;
  const out: unknown[] = new Array(to - from).fill(null);
  for (const chunk of chunks) {
    const start = Math.max(from, chunk.rowStart);
    const end = Math.min(to, chunk.rowEnd);
    for (let row = start; row < end; row++) out[row - from] = chunk.columnData[row - chunk.rowStart];
  }
  return out;
}
