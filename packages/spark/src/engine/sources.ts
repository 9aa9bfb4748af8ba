import type { RowSchema } from "@tablepipe/core";
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
}

/** Options of {@link sparkFiles}. */
export interface SparkFileOptions {
  /** Column types: a row schema (`z.date()` is a time stamp) or a type by column name; default: Spark infers. */
  readonly schema?: RowSchema | Readonly<Record<string, ColumnType>>;
  /** Data source options (`header`, `delimiter`, ...); CSV has `header: "true"` unless told otherwise. */
  readonly options?: Readonly<Record<string, string>>;
}

function ddl(schema: SparkFileOptions["schema"]): string | undefined {
  if (schema === undefined) return undefined;
  const types: Readonly<Record<string, ColumnType>> =
    "shape" in schema ? columnTypesOf(schema as RowSchema) : (schema as Readonly<Record<string, ColumnType>>);
  return Object.entries(types)
    .map(([name, type]) => `\`${name.replaceAll("`", "``")}\` ${SPARK_TYPES[type]}`)
    .join(", ");
}

/**
 * Files Spark reads (paths or globs on the machine Spark runs on, or `s3://...`, `abfss://...`): CSV,
 * Parquet or JSON lines, with the schema's column types. Rows are in Spark's read order (file by file).
 * @example sparkFiles("csv", ["s3://bucket/trips/*.csv"], { schema: taxiTripSchema })
 */
export function sparkFiles(
  format: "csv" | "parquet" | "json",
  paths: string | readonly string[],
  options: SparkFileOptions = {},
): SparkSource {
  const list = typeof paths === "string" ? [paths] : [...paths];
  const defaults: Record<string, string> = format === "csv" ? { header: "true" } : {};
  return {
    label: list.join(", "),
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
