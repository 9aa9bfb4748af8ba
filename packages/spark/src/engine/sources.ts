import { type RowSchema, schemaFromRowSchema, type TableSchema } from "@tablepipe/core";
import type { ColumnAliases, OnInvalid, ZonedTimestamps } from "@tablepipe/io";
import type { Relation } from "../generated/spark/connect/relations_pb";
import type { ColumnType } from "./column-types";
import { type FileSchema, fileSchema } from "./file-schema";
import { refuseRelativePaths } from "./relative-paths";
import { QUOTED_EMPTY } from "./text-cells";

export { SPARK_TYPES } from "./spark-types";

/** A source Spark reads itself (files on the cluster's file systems, or a table), instead of the pipe's table. */
export interface SparkSource {
  /** What it is, for messages (`data/*.csv`, `table samples.trips`). */
  readonly label: string;
  /** The format of the files it reads (`sparkFiles`); absent for a table. */
  readonly format?: SparkFileFormat;
  /** The relation that reads it (files with a schema: every column as Spark finds it, before readTable's rules). */
  readonly relation: Relation;
  /**
   * The column types its schema declares (`sparkFiles`' `schema`), when given: the run checks the steps against
   * them before anything is read (a fill value of another kind, ...), as the in-process run checks readTable's table.
   */
  readonly schema?: TableSchema;
  /** Files read with a schema: the format, and the schema's columns read from the relation by readTable's rules. */
  readonly files?: SchemaFiles;
}

/**
 * A `schema` option as the run-time schema the steps are checked against: a row schema's, as readTable declares
 * it; a type by column name, nullable (a map says nothing of nulls).
 */
function declaredSchema(schema: SparkFileOptions["schema"]): TableSchema | undefined {
  if (schema === undefined) return undefined;
  if ("shape" in schema) return schemaFromRowSchema(schema as RowSchema);
  return Object.fromEntries(
    Object.entries(schema as Readonly<Record<string, ColumnType>>).map(([name, type]) => [
      name,
      { type, nullable: true },
    ]),
  );
}

/** Files {@link sparkFiles} reads with a schema: what to read again once their columns are known. */
export interface SchemaFiles {
  readonly format: SparkFileFormat;
  readonly paths: readonly string[];
  readonly options: Readonly<Record<string, string>>;
  readonly schema: FileSchema;
}

/** The formats {@link sparkFiles} reads. */
export type SparkFileFormat = "csv" | "parquet" | "json";

/** Options of {@link sparkFiles}. */
export interface SparkFileOptions {
  /**
   * The columns and their types: a row schema (`z.date()` is a time stamp) or a type by column name (each
   * nullable); columns are found by name, values read by readTable's rules. Default: Spark infers.
   */
  readonly schema?: RowSchema | Readonly<Record<string, ColumnType>>;
  /** Other names each schema column may have in a file (compared ignoring case, `_`, `-` and spaces), as readTable. */
  readonly aliases?: ColumnAliases;
  /** `"error"` (default): the first invalid value stops the read, named; `"drop"`: its row is dropped. */
  readonly onInvalid?: OnInvalid;
  /**
   * Time stamps with a zone (Spark's TimestampType: a Parquet TIMESTAMP adjusted to UTC, INT96, TIMESTAMP_MILLIS or
   * MICROS without a logical type) in a `z.date()` column, with a schema: `"error"` (default) refuses the column
   * before any row is read, as readTable does; `"utc"` reads each instant as its UTC wall-clock time.
   */
  readonly zonedTimestamps?: ZonedTimestamps;
  /**
   * Data source options (`sep`, `encoding`, ...). With a schema, those readTable's rules depend on are set
   * (`header`, `multiLine`, `quote`, `escape`, `inferSchema`, `mode`, ...) and win over these.
   */
  readonly options?: Readonly<Record<string, string>>;
}

/** Spark's CSV options for readTable's CSV: a header, RFC 4180 quotes (`""` inside a quoted cell), records over lines. */
const CSV_OPTIONS: Readonly<Record<string, string>> = {
  header: "true",
  multiLine: "true",
  quote: '"',
  escape: '"',
  // every file's header is checked against the first one's: never matched by position
  enforceSchema: "false",
};

/** The options that make Spark's read of `format` files give readTable's cells (text for CSV, every column). */
function readOptions(
  format: SparkFileFormat,
  list: readonly string[],
  typed: boolean,
  given: Readonly<Record<string, string>>,
): Record<string, string> {
  if (format === "json") return typed ? { ...given, mode: "FAILFAST" } : { ...given };
  if (format !== "csv") return { ...given };
  if (!typed) return { ...CSV_OPTIONS, ...given };
  const tsv: Record<string, string> =
    list.length > 0 && list.every((path) => /\.tsv$/i.test(path)) ? { sep: "\t" } : {};
  return {
    ...tsv,
    ...given,
    ...CSV_OPTIONS,
    inferSchema: "false",
    // records split at LF alone: Spark's detection of the line end turns a CRLF inside quotes into LF
    lineSep: "\n",
    nullValue: "",
    emptyValue: QUOTED_EMPTY,
    ignoreLeadingWhiteSpace: "false",
    ignoreTrailingWhiteSpace: "false",
    mode: "PERMISSIVE",
    // a quote inside a quoted cell that is not doubled stops the read, as readTable refuses the file
    unescapedQuoteHandling: "RAISE_ERROR",
  };
}

/** A read of `paths` in `format` with these options (and a DDL schema). */
export function dataSourceRelation(
  format: SparkFileFormat,
  paths: readonly string[],
  options: Readonly<Record<string, string>>,
  schema?: string,
): Relation {
  return {
    relType: {
      case: "read",
      value: {
        readType: {
          case: "dataSource",
          value: { format, schema, options: { ...options }, paths: [...paths] },
        },
        isStreaming: false,
      },
    },
  } as Relation;
}

/**
 * Files Spark reads (paths or globs on the machines Spark runs on, from the root, or `s3://...`, `abfss://...`: a
 * relative path is refused, as Spark would resolve it in its server's working directory): CSV, Parquet or JSON lines. With a schema they read as readTable reads them: columns found by header name (or alias), CSV cells
 * as text (quoted cells over several lines, `""` inside quotes) parsed by readTable's rules, Parquet and JSON
 * values checked against the schema's types and nullability; a missing column, a value that does not convert
 * or a null where none may be is a `TableReadError` naming the file, the line (or row), the column and the value
 * (or, with `onInvalid: "drop"`, its row is dropped). A schema with value rules (`.min(0)`) is refused.
 * Rows are in readTable's order with a schema, else in Spark's read order (file by file, largest first). A path
 * listed twice is refused (Spark would read it twice, doubling its rows); overlapping globs are Spark's to resolve.
 * CSV files whose header has one column are refused before any row is read: Spark's CSV reader skips blank lines,
 * which in such a file are rows (missing values); read them with readTable or on DuckDB.
 * @example sparkFiles("csv", ["s3://bucket/trips/*.csv"], { schema: taxiTripSchema })
 */
export function sparkFiles(
  format: SparkFileFormat,
  paths: string | readonly string[],
  options: SparkFileOptions = {},
): SparkSource {
  const list = typeof paths === "string" ? [paths] : [...paths];
  const twice = list.find((path, i) => list.indexOf(path) !== i);
  if (twice !== undefined) {
    throw new TypeError(
      `sparkFiles: "${twice}" is listed twice; reading it twice would double its rows: name each file once`,
    );
  }
  const schema =
    options.schema === undefined
      ? undefined
      : fileSchema(options.schema, options.aliases, options.onInvalid, "sparkFiles", options.zonedTimestamps);
  refuseRelativePaths(list);
  const read = readOptions(format, list, schema !== undefined, options.options ?? {});
  const declared = declaredSchema(options.schema);
  return {
    label: list.join(", "),
    format,
    ...(declared === undefined ? {} : { schema: declared }),
    relation: dataSourceRelation(format, list, read),
    ...(schema === undefined ? {} : { files: { format, paths: list, options: read, schema } }),
  };
}

/**
 * A table of Spark's catalog, by name (`samples.nyctaxi.trips`).
 * @example sparkTable("samples.nyctaxi.trips")
 */
export function sparkTable(name: string): SparkSource {
  return {
    label: `table ${name}`,
    relation: {
      relType: {
        case: "read",
        value: {
          readType: { case: "namedTable", value: { unparsedIdentifier: name, options: {} } },
          isStreaming: false,
        },
      },
    } as Relation,
  };
}
