import type { DuckDBConnection } from "@duckdb/node-api";
import {
  COLUMN_TYPE,
  type ColumnSpec,
  emptyCellSql,
  isDateColumn,
  mapColumns,
  midnightSql,
  type ReadReport,
  type RowSchema,
  resolveSources,
} from "@tablepipe/io";
import { ReadTableDecides } from "../errors";
import { absentColumnsOf, type MappedFile } from "./absent-columns";
import { DUCKDB_TYPES } from "./column-types";
import { DUCKDB_CELL_DIALECT } from "./duckdb-cell-dialect";
import { checkedPartSql, NEEDS_TEXT_PATH, ROWS_PER_FILE } from "./fast-csv-read";
import { type DuckDbReadOptions, filesSchema, loadWithReadTable } from "./files-schema";
import type { DuckDbFilesSource, StreamedView } from "./files-source";
import { loadFlagged } from "./flagged-load";
import { flooredMillisOfNanos, flooredTimestamp } from "./floored-stamps";
import { readQuery } from "./read-result";
import { runSql } from "./run-sql";
import { oneOfSql, quote, sqlString } from "./sql-text";

/** DuckDB's integer types of Parquet columns (64-bit ones may exceed what readTable reads exactly). */
const INTEGER_TYPES = new Set(["TINYINT", "SMALLINT", "INTEGER", "UTINYINT", "USMALLINT", "UINTEGER"]);
const WIDE_INTEGER_TYPES = new Set(["BIGINT", "UBIGINT"]);
const FLOAT_TYPES = new Set(["FLOAT", "DOUBLE"]);
/** DuckDB's types of Parquet time stamps (milli- or microseconds, with or without a zone) and dates. */
const TIME_TYPES = new Set(["TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "DATE"]);

/** The largest integer readTable reads exactly (`Number.MAX_SAFE_INTEGER`). */
const MAX_INT = Number.MAX_SAFE_INTEGER;
/** The microseconds of the largest time a JavaScript Date holds (±8.64e15 ms), readTable's range. */
const MAX_MICROS = "8640000000000000000";
/** DuckDB's virtual column of a Parquet read: the row's position in its file. */
const FILE_ROW_NUMBER = "file_row_number";

/**
 * A DECIMAL(p, s) column's values as readTable has them, the double nearest to each decimal (as Spark reads it):
 * DuckDB's cast up to 15 digits (the unscaled integer, exact as a double, divided by 10^s: correctly rounded);
 * beyond, the parse of the decimal's exact text (DuckDB's cast of a wider one goes through a rounded unscaled
 * integer, and arithmetic on the decimal itself could overflow its width). Undefined for any other type.
 * @example decimalNumber('"fare"', "DECIMAL(10,2)") // CAST("fare" AS DOUBLE)
 */
function decimalNumber(c: string, type: string): string | undefined {
  const match = /^DECIMAL\((\d+),(\d+)\)$/.exec(type);
  if (match === null) return undefined;
  return Number(match[1]) <= 15 ? `CAST(${c} AS DOUBLE)` : `CAST(CAST(${c} AS VARCHAR) AS DOUBLE)`;
}

/** One column's fast read: its value from a non-empty cell, and when such a cell is invalid by readTable's rules. */
interface ParquetCell {
  readonly value: string;
  readonly invalid: string;
}

/**
 * The fast read of schema column `spec` from file column `c` of DuckDB type `type`, as readTable reads a decoded
 * Parquet value: numbers from any integer, float or decimal type (a float finite; an integer whole and within
 * 2^53);
 * time stamps of any unit (to the millisecond, floored; a zoned one, read with `zonedTimestamps: "utc"`, as its UTC
 * wall-clock time) and dates; text from text;
 * booleans from booleans. Undefined for any other pairing (readTable then decides: it parses text in a number
 * column, for one).
 */
function parquetCell(spec: ColumnSpec, c: string, type: string): ParquetCell | undefined {
  switch (spec.kind) {
    case "float": {
      if (INTEGER_TYPES.has(type) || WIDE_INTEGER_TYPES.has(type))
        return { value: `CAST(${c} AS DOUBLE)`, invalid: "FALSE" };
      if (FLOAT_TYPES.has(type)) return { value: `CAST(${c} AS DOUBLE)`, invalid: `NOT isfinite(${c})` };
      const decimal = decimalNumber(c, type);
      return decimal === undefined ? undefined : { value: decimal, invalid: "FALSE" };
    }
    case "int":
      if (INTEGER_TYPES.has(type)) return { value: `CAST(${c} AS BIGINT)`, invalid: "FALSE" };
      if (type === "BIGINT") return { value: c, invalid: `NOT (${c} BETWEEN -${MAX_INT} AND ${MAX_INT})` };
      if (type === "UBIGINT") return { value: `TRY_CAST(${c} AS BIGINT)`, invalid: `${c} > ${MAX_INT}` };
      {
        // compared as DOUBLE (a FLOAT would compare 2^53 - 1 as 2^53); NaN equals itself in DuckDB, and is above
        // every number: refused by the range
        const d = FLOAT_TYPES.has(type) ? `CAST(${c} AS DOUBLE)` : decimalNumber(c, type);
        if (d === undefined) return undefined;
        return {
          value: `TRY_CAST(${d} AS BIGINT)`,
          invalid: `NOT (${d} = floor(${d}) AND abs(${d}) <= ${MAX_INT})`,
        };
      }
    case "timestamp": {
      // a date column's value must be a midnight: another time of day sends the files to readTable, which names it
      const date = (cell: ParquetCell): ParquetCell =>
        isDateColumn(spec)
          ? { ...cell, invalid: `(${cell.invalid} OR NOT ${midnightSql(DUCKDB_CELL_DIALECT, cell.value)})` }
          : cell;
      // every nanosecond time stamp is within a Date's range (years 1677 to 2262)
      if (type === "TIMESTAMP_NS")
        return date({ value: `make_timestamp(${flooredMillisOfNanos(c)} * 1000)`, invalid: "FALSE" });
      if (!TIME_TYPES.has(type)) return undefined;
      const value = flooredTimestamp(c);
      return date({ value, invalid: `NOT (epoch_us(${value}) BETWEEN -${MAX_MICROS} AND ${MAX_MICROS})` });
    }
    case "boolean":
      return type === "BOOLEAN" ? { value: c, invalid: "FALSE" } : undefined;
    case "string":
      return type === "VARCHAR" ? { value: c, invalid: "FALSE" } : undefined;
    case "enum": {
      if (type !== "VARCHAR") return undefined;
      const values = spec.values ?? [];
      return { value: c, invalid: values.length === 0 ? "TRUE" : `NOT ${oneOfSql(c, values)}` };
    }
  }
}

/**
 * A Parquet file's top-level columns as DuckDB reads them (names, types), those stored as INT96, and those of
 * zoned time stamps (instants, as readTable and Spark take them: INT96, a TIMESTAMP adjusted to UTC, which DuckDB
 * reads as TIMESTAMP WITH TIME ZONE, or TIMESTAMP_MILLIS/MICROS without a logical type, which it reads as TIMESTAMP).
 */
async function parquetColumns(
  connection: DuckDBConnection,
  file: string,
): Promise<{ names: string[]; types: string[]; int96: Set<string>; zoned: Set<string> }> {
  const described = await readQuery(connection, `DESCRIBE SELECT * FROM read_parquet(${sqlString(file)})`);
  const rows = described.objects() as { column_name: string; column_type: string }[];
  const schema = await readQuery(
    connection,
    `SELECT name, type = 'INT96' AS int96 FROM parquet_schema(${sqlString(file)}) WHERE type = 'INT96' OR (logical_type IS NULL AND converted_type IN ('TIMESTAMP_MILLIS', 'TIMESTAMP_MICROS'))`,
  );
  const special = schema.objects() as { name: string; int96: boolean }[];
  const names = rows.map((row) => row.column_name);
  const types = rows.map((row) => row.column_type);
  const zoned = new Set(special.map((row) => row.name));
  names.forEach((name, i) => {
    if (types[i] === "TIMESTAMP WITH TIME ZONE") zoned.add(name);
  });
  return { names, types, int96: new Set(special.filter((row) => row.int96).map((row) => row.name)), zoned };
}

/**
 * The fast read of one Parquet file: each schema column from the file column its name or alias finds (absent:
 * its default or null), with its type, then the flag {@link NEEDS_TEXT_PATH} (a cell readTable would refuse, or
 * an empty one where none may be), then with `rowNumber` the row's position in the file (`file_row_number`); and
 * where each schema column was found. Undefined when readTable must decide: DuckDB cannot read the file, a column
 * is missing or found twice, a `z.date()` column reads zoned time stamps without `zonedTimestamps: "utc"`
 * (readTable refuses them, naming the column), or a column's type is not one {@link parquetCell} maps (INT96
 * time stamps: DuckDB reads them to the microsecond, before hyparquet's flooring to the millisecond).
 */
async function parquetSelect(
  connection: DuckDBConnection,
  file: string,
  specs: readonly ColumnSpec[],
  options: DuckDbReadOptions,
  rowNumber: boolean,
): Promise<{ select: string; found: number[] } | undefined> {
  let columns: Awaited<ReturnType<typeof parquetColumns>>;
  let found: number[];
  try {
    columns = await parquetColumns(connection, file);
    found = mapColumns(file, columns.names, specs, options.aliases);
  } catch {
    return undefined;
  }
  const names = [...columns.names, ...specs.map((spec) => spec.name)];
  if (names.some((name) => name.toLowerCase() === FILE_ROW_NUMBER)) return undefined;
  const list: string[] = [];
  const flags: string[] = [];
  for (const [i, spec] of specs.entries()) {
    const type = DUCKDB_TYPES[COLUMN_TYPE[spec.kind]];
    const empty = emptyCellSql(DUCKDB_CELL_DIALECT, spec);
    const mayBeEmpty = spec.nullable || spec.hasDefault;
    const index = found[i] ?? -1;
    if (index < 0) {
      if (!mayBeEmpty) return undefined;
      list.push(`${empty} AS ${quote(spec.name)}`);
      continue;
    }
    const name = columns.names[index] as string;
    if (columns.int96.has(name)) return undefined;
    if (spec.kind === "timestamp" && columns.zoned.has(name) && options.zonedTimestamps !== "utc")
      return undefined;
    const c = quote(name);
    const cell = parquetCell(spec, c, columns.types[index] as string);
    if (cell === undefined) return undefined;
    list.push(
      `CASE WHEN ${c} IS NULL THEN ${empty} ELSE CAST(${cell.value} AS ${type}) END AS ${quote(spec.name)}`,
    );
    if (cell.invalid !== "FALSE") flags.push(`(${c} IS NOT NULL AND ${cell.invalid})`);
    if (!mayBeEmpty) flags.push(`${c} IS NULL`);
  }
  list.push(`(${flags.join(" OR ") || "FALSE"}) AS ${quote(NEEDS_TEXT_PATH)}`);
  if (rowNumber) list.push(quote(FILE_ROW_NUMBER));
  const read = `read_parquet(${sqlString(file)}${rowNumber ? `, ${FILE_ROW_NUMBER} = true` : ""})`;
  return { select: `SELECT ${list.join(", ")} FROM ${read}`, found };
}

/**
 * Parquet files read by DuckDB with readTable's rules: a file, a folder or a glob (or a list), sorted as
 * readTable sorts them; schema columns found by name or alias (ignoring case, `_`, `-`, spaces); each value
 * checked as readTable checks a decoded Parquet value. DuckDB reads the files itself, on every core, with their
 * rows numbered in file order at no cost (so `"auto"` streams them); a value readTable would refuse, or a column
 * type this read does not map (text in a number column, INT96 time stamps), sends the
 * files to readTable, which names the invalid value (a `TableReadError`) or, with `onInvalid: "drop"`, drops and
 * counts its row. A `z.date()` column of zoned time stamps (DuckDB's TIMESTAMPTZ, INT96, ...) is refused as readTable
 * refuses it, unless `zonedTimestamps: "utc"` reads each instant as its UTC wall-clock time.
 * @example runOnDuckDb(pipe(trips.table).transform(dropDuplicates), { source: duckdbParquetFiles("data/*.parquet", taxiTripSchema) })
 */
export function duckdbParquetFiles(
  source: string | readonly string[],
  schema: RowSchema,
  options: DuckDbReadOptions = {},
): DuckDbFilesSource {
  const described = filesSchema(source, schema, options, "duckdbParquetFiles");
  const { specs, columns, table, path } = described;
  const files = async (): Promise<readonly string[]> => await resolveSources(source);
  const load = async (connection: DuckDBConnection, relation: string): Promise<ReadReport> => {
    const all = await files();
    const started = performance.now();
    const mapped: MappedFile[] = [];
    const rows =
      all.length === 0
        ? undefined
        : await loadFlagged(connection, all, relation, async (file) => {
            const read = await parquetSelect(connection, file, specs, options, false);
            if (read !== undefined) mapped.push({ file, found: read.found });
            return read?.select;
          });
    if (rows === undefined) {
      return await loadWithReadTable(connection, relation, all, schema, options, columns, `reading ${path}`);
    }
    const ms = performance.now() - started;
    const absent = absentColumnsOf(specs, mapped);
    return { files: [...all], ms, rows, droppedRows: 0, invalidByColumn: {}, examples: [], ...absent };
  };
  const stream = async (
    connection: DuckDBConnection,
    relation: string,
    rowColumn: string,
    streamed: readonly string[],
  ): Promise<StreamedView> => {
    const parts: string[] = [];
    const mapped: MappedFile[] = [];
    for (const [i, file] of streamed.entries()) {
      const read = await parquetSelect(connection, file, specs, options, true);
      if (read === undefined) throw new ReadTableDecides(`${file}: read by readTable`);
      mapped.push({ file, found: read.found });
      const row = `${i * ROWS_PER_FILE} + ${FILE_ROW_NUMBER}`;
      parts.push(checkedPartSql(read.select, [FILE_ROW_NUMBER], row, rowColumn));
    }
    await runSql(
      connection,
      `CREATE TEMP VIEW ${quote(relation)} AS ${parts.join(" UNION ALL ")}`,
      `reading ${path}`,
    );
    return absentColumnsOf(specs, mapped);
  };
  return {
    format: "files",
    path,
    columns,
    table,
    schema: described.schema,
    files,
    load,
    stream,
    numbersInParallel: true,
  };
}
