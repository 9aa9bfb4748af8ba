import { withoutNegativeZeros } from "@tablepipe/core/internal";
import {
  asyncBufferFromFile,
  type ColumnData,
  type Compressors,
  type FileMetaData,
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
  type SchemaElement,
} from "hyparquet";
import { appendValueBatch, type DecodedColumn, mapNamedColumns } from "../columns/value-columns";
import { TableReadError } from "../errors";
import { refuseMismatchedTypes } from "../read/file-column-type";
import { chunkRead, type ReadContext } from "../read/read-context";
import { refuseZonedColumns } from "../read/zoned-timestamps";
import { readByteRanges } from "./byte-ranges";
import { columnChunkRange, decodeFlatColumnChunk, flatKind } from "./flat-column-chunk";
import { compressorsFor } from "./parquet-codecs";
import { parquetColumnType } from "./parquet-column-type";
import { decimalScale, decimalsFromUnscaled, unscaledDecimalsMetadata } from "./parquet-decimals";
import { epochMillisParsers, isParquetTimeColumn, parquetZonedStamps } from "./parquet-time-columns";
import { rowGroupsToRead } from "./row-group-bounds";

/** An open Parquet file: its bytes, metadata, and which of its columns the schema maps. */
export interface OpenParquet {
  /** The file's path. */
  readonly path: string;
  readonly file: Awaited<ReturnType<typeof asyncBufferFromFile>>;
  readonly metadata: FileMetaData;
  /** For each schema column, the file column it reads, or undefined (absent). */
  readonly mapped: readonly (string | undefined)[];
  /** The file columns to decode. */
  readonly wanted: readonly string[];
  /** The file columns typed as time stamps or dates. */
  readonly timeColumns: ReadonlySet<string>;
  /** The schema element of each top-level file column, by name. */
  readonly elements: ReadonlyMap<string, SchemaElement>;
  /** Decompressors for the file's codecs other than uncompressed (undefined: it uses none). */
  readonly compressors: Compressors | undefined;
  /** The scale of each wanted DECIMAL column, by name: read from its unscaled integers. */
  readonly decimals: ReadonlyMap<string, number>;
  /** The metadata hyparquet reads those columns' unscaled integers with (undefined: the file has no DECIMAL). */
  readonly unscaledMetadata: FileMetaData | undefined;
}

/** Open `path` and map its columns onto the context's schema (a missing column is a TableReadError). */
export async function openParquet(path: string, ctx: ReadContext): Promise<OpenParquet> {
  let file: Awaited<ReturnType<typeof asyncBufferFromFile>>;
  let metadata: FileMetaData;
  try {
    file = await asyncBufferFromFile(path);
    metadata = await parquetMetadataAsync(file, { parsers: epochMillisParsers }); // time statistics as epoch ms
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
  const byName = new Map(elements.map((element) => [element.name, element]));
  refuseMismatchedTypes(ctx, mapped, (name) => {
    const element = byName.get(name);
    return element === undefined ? undefined : parquetColumnType(element);
  });
  const wanted = [...new Set(mapped.filter((name): name is string => name !== undefined))];
  const compressors = await compressorsFor(metadata);
  const decimals = new Map<string, number>();
  for (const name of wanted) {
    const scale = decimalScale(byName.get(name) as SchemaElement);
    if (scale !== undefined) decimals.set(name, scale);
  }
  const unscaledMetadata = decimals.size === 0 ? undefined : unscaledDecimalsMetadata(metadata);
  return {
    path,
    file,
    metadata,
    mapped,
    wanted,
    timeColumns,
    elements: byName,
    compressors,
    decimals,
    unscaledMetadata,
  };
}

/**
 * Refuse the file's zoned time stamps read by `z.date()` columns, unless the read takes them as UTC wall-clock
 * times (`zonedTimestamps: "utc"`): on the calling thread, once per file (a worker's piece is not checked again).
 */
export function refuseZonedParquet(parquet: OpenParquet, ctx: ReadContext): void {
  refuseZonedColumns(ctx, parquet.mapped, (name) => {
    const element = parquet.elements.get(name);
    return element === undefined ? undefined : parquetZonedStamps(element);
  });
}

/** The row ranges of the file's row groups, in order, each marked `read: false` when `rowGroupBounds` skip it. */
export function rowGroupRanges(
  parquet: OpenParquet,
  ctx: ReadContext,
): { rowStart: number; rowEnd: number; read: boolean }[] {
  const { metadata } = parquet;
  const bounds = ctx.rowGroupBounds;
  const read =
    bounds === undefined ? undefined : rowGroupsToRead(metadata, ctx.specs, parquet.mapped, bounds);
  let rowStart = 0;
  return metadata.row_groups.map((group, i) => {
    const rowEnd = rowStart + Number(group.num_rows);
    const range = { rowStart, rowEnd, read: read?.[i] ?? true };
    rowStart = rowEnd;
    return range;
  });
}

/** Count a row group `rowGroupBounds` skipped. */
export function skipRowGroup(ctx: ReadContext, rows: number): void {
  ctx.skippedRows = (ctx.skippedRows ?? 0) + rows;
}

/** The index of the row group holding exactly rows `[rowStart, rowEnd)`, or -1. */
function rowGroupIndex(metadata: FileMetaData, rowStart: number, rowEnd: number): number {
  let start = 0;
  for (let i = 0; i < metadata.row_groups.length; i++) {
    const end = start + Number(metadata.row_groups[i]?.num_rows);
    if (start === rowStart && end === rowEnd) return i;
    if (start > rowStart) break;
    start = end;
  }
  return -1;
}

/**
 * The wanted columns of a whole row group that the direct decoder reads (flat numbers, time stamps, dates and
 * strings: see flat-column-chunk.ts), by file column name; the others are left to hyparquet.
 */
async function decodeFlatColumns(
  parquet: OpenParquet,
  file: string,
  rowStart: number,
  rowEnd: number,
): Promise<Map<string, ArrayLike<unknown>>> {
  const decoded = new Map<string, ArrayLike<unknown>>();
  const group = parquet.metadata.row_groups[rowGroupIndex(parquet.metadata, rowStart, rowEnd)];
  if (group === undefined) return decoded;
  const wanted = new Set(parquet.wanted);
  const chunks = group.columns.flatMap((chunk) => {
    const meta = chunk.meta_data;
    const name = meta?.path_in_schema.length === 1 ? meta.path_in_schema[0] : undefined;
    const element = name === undefined ? undefined : parquet.elements.get(name);
    if (meta === undefined || name === undefined || element === undefined || chunk.file_path !== undefined)
      return [];
    if (!wanted.has(name) || flatKind(element) === undefined) return [];
    return [{ name, meta, element, range: columnChunkRange(meta) }];
  });
  const failure = (error: unknown, column?: string): TableReadError =>
    new TableReadError(
      {
        file,
        row: rowStart + 1,
        ...(column === undefined ? {} : { column }),
        reason: `cannot read as Parquet: ${(error as Error).message}`,
      },
      { cause: error },
    );
  let bytes: Uint8Array[];
  try {
    bytes = await readByteRanges(
      parquet.path,
      chunks.map((chunk) => chunk.range),
    );
  } catch (error) {
    throw failure(error);
  }
  chunks.forEach(({ name, meta, element }, i) => {
    try {
      const rows = rowEnd - rowStart;
      const values = decodeFlatColumnChunk(bytes[i] as Uint8Array, meta, element, rows, parquet.compressors);
      if (values !== undefined) decoded.set(name, values);
    } catch (error) {
      throw failure(error, name);
    }
  });
  return decoded;
}

/**
 * Decode `columns` of rows `[rowStart, rowEnd)` with hyparquet into `chunks`, by column name; with `unscaled`
 * (the metadata of {@link unscaledDecimalsMetadata}), DECIMAL columns as their unscaled integers.
 */
async function decodeColumns(
  parquet: OpenParquet,
  ctx: ReadContext,
  columns: readonly string[],
  rowStart: number,
  rowEnd: number,
  chunks: Map<string, ColumnData[]>,
  unscaled?: FileMetaData,
): Promise<void> {
  if (columns.length === 0) return;
  try {
    await parquetRead({
      file: parquet.file,
      metadata: unscaled ?? parquet.metadata,
      columns: [...columns],
      rowStart,
      rowEnd,
      parsers: epochMillisParsers,
      ...(unscaled === undefined ? {} : { utf8: false }),
      ...(parquet.compressors === undefined ? {} : { compressors: parquet.compressors }),
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
}

/** Decode rows `[rowStart, rowEnd)` (one row group) into the context's builders, checked as the schema says. */
export async function readRowGroup(
  parquet: OpenParquet,
  ctx: ReadContext,
  rowStart: number,
  rowEnd: number,
): Promise<void> {
  // an empty builder needs no hint: it takes (or allocates exactly) the row group's column
  for (const builder of ctx.builders)
    if (builder.length > 0) builder.expect(builder.length + (rowEnd - rowStart));
  const direct = await decodeFlatColumns(parquet, ctx.file, rowStart, rowEnd);
  const rest = parquet.wanted.filter((name) => !direct.has(name));
  const chunks = new Map<string, ColumnData[]>();
  const decimals = rest.filter((name) => parquet.decimals.has(name));
  const others = rest.filter((name) => !parquet.decimals.has(name));
  await decodeColumns(parquet, ctx, others, rowStart, rowEnd, chunks);
  // DECIMAL columns as their unscaled integers (hyparquet gives bytes, not text, for binary ones there)
  await decodeColumns(parquet, ctx, decimals, rowStart, rowEnd, chunks, parquet.unscaledMetadata);
  // a direct-decoded array is this row group's own, and goes to one builder (a file column maps to one
  // schema column), which may keep it instead of a copy
  const columns = parquet.mapped.map((name, c): DecodedColumn | undefined => {
    if (name === undefined) return undefined;
    const own = direct.get(name);
    const values = own ?? assemble(chunks.get(name) ?? [], rowStart, rowEnd);
    const scale = parquet.decimals.get(name);
    const type = parquet.elements.get(name)?.type;
    const floatAsInt = ctx.specs[c]?.kind === "int" && (type === "DOUBLE" || type === "FLOAT");
    return {
      // a decimal as the double nearest to it, from its unscaled integer; a float's -0 in an int column as 0
      values:
        scale !== undefined
          ? decimalsFromUnscaled(values, scale)
          : floatAsInt
            ? withoutNegativeZeros(values)
            : values,
      epochMillis: parquet.timeColumns.has(name),
      owned: own !== undefined,
    };
  });
  appendValueBatch(ctx, columns, rowEnd - rowStart, rowStart);
}

/**
 * Read one Parquet file (any codec: parquet-codecs.ts) into the context's builders, one row group at a
 * time, reading only the columns the schema maps. Time stamps (INT64 with a TIMESTAMP type in any unit, INT96)
 * and dates are decoded straight to epoch milliseconds of the wall-clock time stored, without a Date per
 * value (zoned ones, instants, are refused unless the read's `zonedTimestamps` is `"utc"`); strings, numbers and bigints are checked or parsed as the schema says.
 * @example await readParquetFile("trips.parquet", ctx)
 */
export async function readParquetFile(path: string, ctx: ReadContext): Promise<void> {
  const parquet = await openParquet(path, ctx);
  refuseZonedParquet(parquet, ctx);
  const totalRows = Math.max(1, Number(parquet.metadata.num_rows));
  for (const builder of ctx.builders) builder.expect(builder.length + Number(parquet.metadata.num_rows));
  let reported = 0;
  for (const { rowStart, rowEnd, read } of rowGroupRanges(parquet, ctx)) {
    if (read) await readRowGroup(parquet, ctx, rowStart, rowEnd);
    else skipRowGroup(ctx, rowEnd - rowStart);
    const bytes = Math.round((parquet.file.byteLength * rowEnd) / totalRows);
    chunkRead(ctx, bytes - reported);
    reported = bytes;
  }
  chunkRead(ctx, parquet.file.byteLength - reported);
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
