/**
 * The column types of a Parquet or Arrow file, read from its metadata: what `readTable` reads by when no
 * schema is given. A CSV file holds no types, so it needs a schema.
 */

import { readFile } from "node:fs/promises";
import type { ColumnType, LogicalType, TableSchema } from "@tablepipe/core";
import { tableFromIPC } from "@uwdata/flechette";
import { asyncBufferFromFile, parquetMetadataAsync, parquetSchema, type SchemaElement } from "hyparquet";
import { arrowColumnType } from "../arrow/arrow-column-type";
import { TableReadError } from "../errors";
import { parquetColumnType } from "../parquet/parquet-column-type";
import type { ColumnSpec } from "./schema-columns";
import type { TableFormat } from "./types";

/**
 * The columns of a file as specs (no defaults, not optional: a date is read as a time stamp is, its values
 * midnights), and the table schema they declare (`schemaOf` of the table read: a date column is a `date`).
 */
export interface FileSchema {
  readonly specs: ColumnSpec[];
  readonly schema: TableSchema;
}

/** The file schema of columns typed by the file's own types. */
function fileSchemaOf(
  columns: readonly { name: string; type: LogicalType; nullable: boolean }[],
): FileSchema {
  const specs = columns.map(({ name, type, nullable }): ColumnSpec => {
    const kind = type === "date" ? "timestamp" : type;
    const date = type === "date" ? { date: true } : {};
    return { name, kind, nullable, optional: false, hasDefault: false, defaultValue: undefined, ...date };
  });
  const schema: Record<string, ColumnType> = {};
  for (const { name, type, nullable } of columns) schema[name] = { type, nullable };
  return { specs, schema };
}

function unreadable(file: string, column: string, type: string): TableReadError {
  return new TableReadError({
    file,
    column,
    reason: `the file types this column as ${type}, which readTable cannot read without a schema: pass a row schema (readTable(path, schema)) that names the columns to read`,
  });
}

async function parquetFileSchema(file: string): Promise<FileSchema> {
  let children: SchemaElement[];
  try {
    const metadata = await parquetMetadataAsync(await asyncBufferFromFile(file));
    children = parquetSchema(metadata).children.map((child) => {
      if (child.children.length > 0) throw unreadable(file, child.element.name, "a nested group");
      return child.element;
    });
  } catch (error) {
    if (error instanceof TableReadError) throw error;
    throw new TableReadError(
      { file, reason: `cannot read as Parquet: ${(error as Error).message}` },
      { cause: error },
    );
  }
  return fileSchemaOf(
    children.map((element) => {
      const { type } = parquetColumnType(element);
      if (type === undefined) {
        const logical = element.logical_type?.type ?? element.converted_type;
        throw unreadable(
          file,
          element.name,
          `${element.type}${logical === undefined ? "" : ` (${logical})`}`,
        );
      }
      return { name: element.name, type, nullable: element.repetition_type !== "REQUIRED" };
    }),
  );
}

async function arrowFileSchema(file: string): Promise<FileSchema> {
  let fields: ReturnType<typeof tableFromIPC>["schema"]["fields"];
  try {
    fields = tableFromIPC(await readFile(file), { useDate: false }).schema.fields;
  } catch (error) {
    throw new TableReadError(
      { file, reason: `cannot read as Arrow IPC: ${(error as Error).message}` },
      { cause: error },
    );
  }
  return fileSchemaOf(
    fields.map((field) => {
      const { type, label } = arrowColumnType(field);
      if (type === undefined) throw unreadable(file, field.name, label);
      return { name: field.name, type, nullable: field.nullable };
    }),
  );
}

/**
 * The columns of the first file, typed by its metadata (Parquet logical types, the Arrow schema). A CSV file
 * is an error that says to pass a schema.
 * @example await fileSchema("trips.parquet", "parquet") // { specs: [...], schema: { pickup_datetime: { type: "timestamp", nullable: false }, ... } }
 */
export async function fileSchema(file: string, format: TableFormat): Promise<FileSchema> {
  if (format === "parquet") return parquetFileSchema(file);
  if (format === "arrow") return arrowFileSchema(file);
  throw new TableReadError({
    file,
    reason:
      "a CSV file holds no column types: pass a row schema, e.g. readTable(path, z.object({ id: z.int(), at: z.date(), amount: z.number() })); only Parquet and Arrow files can be read without one",
  });
}
