import { type RowSchema, schemaFromRowSchema, type TableSchema } from "@tablepipe/core";
import type { Relation } from "../generated/spark/connect/relations_pb";
import { type ColumnType, columnTypesOf } from "./column-types";

/** Spark's type of each logical column type (time stamps zone-less, so wall clocks never shift). */
export const SPARK_TYPES: Readonly<Record<ColumnType, string>> = {
  int: "BIGINT",
  float: "DOUBLE",
  string: "STRING",
  boolean: "BOOLEAN",
  timestamp: "TIMESTAMP_NTZ",
};

/** A source Spark reads itself (files on the cluster's file systems, or a table), instead of the pipe's table. */
export interface SparkSource {
  /** What it is, for messages (`data/*.csv`, `table samples.trips`). */
  readonly label: string;
  /** The relation that reads it. */
  readonly relation: Relation;
  /**
   * The column types its schema declares (`sparkFiles`' `schema`), when given: the run checks the steps against
   * them before anything is read (a fill value of another kind, ...), as the in-process run checks readTable's table.
   */
  readonly schema?: TableSchema;
}

/** Options of {@link sparkFiles}. */
export interface SparkFileOptions {
  /** Column types: a row schema (`z.date()` is a time stamp) or a type by column name; default: Spark infers. */
  readonly schema?: RowSchema | Readonly<Record<string, ColumnType>>;
  /** Data source options (`header`, `delimiter`, ...); CSV has `header: "true"` unless told otherwise. */
  readonly options?: Readonly<Record<string, string>>;
}

/** A `schema` option's column types by name. */
function schemaTypes(schema: NonNullable<SparkFileOptions["schema"]>): Readonly<Record<string, ColumnType>> {
  return "shape" in schema
    ? columnTypesOf(schema as RowSchema)
    : (schema as Readonly<Record<string, ColumnType>>);
}

/**
 * A `schema` option as the run-time schema the steps are checked against: a row schema's, as readTable declares
 * it; a type by column name, nullable (a map says nothing of nulls).
 */
function declaredSchema(schema: SparkFileOptions["schema"]): TableSchema | undefined {
  if (schema === undefined) return undefined;
  if ("shape" in schema) return schemaFromRowSchema(schema as RowSchema);
  return Object.fromEntries(
    Object.entries(schemaTypes(schema)).map(([name, type]) => [name, { type, nullable: true }]),
  );
}

function ddl(schema: SparkFileOptions["schema"]): string | undefined {
  if (schema === undefined) return undefined;
  return Object.entries(schemaTypes(schema))
    .map(([name, type]) => `\`${name.replaceAll("`", "``")}\` ${SPARK_TYPES[type]}`)
    .join(", ");
}

/**
 * Files Spark reads (paths or globs on the machine Spark runs on, or `s3://...`, `abfss://...`): CSV,
 * Parquet or JSON lines, with the schema's column types. Rows are in Spark's read order (file by file). A path
 * listed twice is refused (Spark would read it twice, doubling its rows); overlapping globs are Spark's to resolve.
 * @example sparkFiles("csv", ["s3://bucket/trips/*.csv"], { schema: taxiTripSchema })
 */
export function sparkFiles(
  format: "csv" | "parquet" | "json",
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
  const defaults: Record<string, string> = format === "csv" ? { header: "true" } : {};
  const schema = declaredSchema(options.schema);
  return {
    label: list.join(", "),
    ...(schema === undefined ? {} : { schema }),
    relation: {
      relType: {
        case: "read",
        value: {
          readType: {
            case: "dataSource",
            value: {
              format,
              schema: ddl(options.schema),
              options: { ...defaults, ...options.options },
              paths: list,
            },
          },
          isStreaming: false,
        },
      },
    } as Relation,
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
