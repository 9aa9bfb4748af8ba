/**
 * The column types of a Parquet or Arrow file, read from its metadata: what `readTable` reads by when no
 * schema is given. A CSV file holds no types, so it needs a schema.
 */

import { readFile } from "node:fs/promises";
import type { DisplaySchema } from "@tablepipe/core";
import { Type, tableFromIPC } from "@uwdata/flechette";
import { asyncBufferFromFile, parquetMetadataAsync, parquetSchema, type SchemaElement } from "hyparquet";
import { TableReadError } from "../errors";
import { isParquetTimeColumn } from "../parquet/parquet-time-columns";
import type { ColumnKind, ColumnSpec } from "./schema-columns";
import type { TableFormat } from "./types";

/** The columns of a file as specs (no defaults, not optional), and which of its time columns hold dates. */
export interface FileSchema {
  readonly specs: ColumnSpec[];
  readonly display: DisplaySchema;
}

function spec(name: string, kind: ColumnKind, nullable: boolean): ColumnSpec {
  return { name, kind, nullable, optional: false, hasDefault: false, defaultValue: undefined };
}

function unreadable(file: string, column: string, type: string): TableReadError {
  return new TableReadError({
    file,
    column,
    reason: `the file types this column as ${type}, which readTable cannot read without a schema: pass a row schema (readTable(path, schema)) that names the columns to read`,
  });
}

/** The kind of a Parquet column, or undefined when it is none readTable reads. */
function parquetKind(element: SchemaElement): { kind: ColumnKind; date: boolean } | undefined {
  const { type, converted_type: converted, logical_type: logical } = element;
  if (converted === "DATE" || logical?.type === "DATE") return { kind: "timestamp", date: true };
  if (isParquetTimeColumn(element)) return { kind: "timestamp", date: false };
  if (converted === "DECIMAL" || logical?.type === "DECIMAL") return { kind: "float", date: false };
  switch (type) {
    case "BOOLEAN":
      return { kind: "boolean", date: false };
    case "INT32":
    case "INT64":
      return { kind: "int", date: false };
    case "FLOAT":
    case "DOUBLE":
      return { kind: "float", date: false };
    case "BYTE_ARRAY":
    case "FIXED_LEN_BYTE_ARRAY": {
      const text =
        converted === "UTF8" ||
        converted === "ENUM" ||
        logical?.type === "STRING" ||
        logical?.type === "ENUM";
      return text ? { kind: "string", date: false } : undefined;
    }
    default:
      return undefined;
  }
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
  const specs: ColumnSpec[] = [];
  const display: Record<string, { type: "date"; nullable: boolean }> = {};
  for (const element of children) {
    const found = parquetKind(element);
    if (found === undefined) {
      const logical = element.logical_type?.type ?? element.converted_type;
      throw unreadable(file, element.name, `${element.type}${logical === undefined ? "" : ` (${logical})`}`);
    }
    const nullable = element.repetition_type !== "REQUIRED";
    specs.push(spec(element.name, found.kind, nullable));
    if (found.date) display[element.name] = { type: "date", nullable };
  }
  return { specs, display };
}

const ARROW_KINDS: Partial<Record<number, ColumnKind>> = {
  [Type.Int]: "int",
  [Type.Float]: "float",
  [Type.Decimal]: "float",
  [Type.Utf8]: "string",
  [Type.LargeUtf8]: "string",
  [Type.Utf8View]: "string",
  [Type.Bool]: "boolean",
  [Type.Timestamp]: "timestamp",
  [Type.Date]: "timestamp",
};

function typeName(typeId: number): string {
  return Object.entries(Type).find(([, id]) => id === typeId)?.[0] ?? String(typeId);
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
  const specs: ColumnSpec[] = [];
  const display: Record<string, { type: "date"; nullable: boolean }> = {};
  for (const field of fields) {
    const type =
      field.type.typeId === Type.Dictionary
        ? (field.type as { dictionary: { typeId: number } }).dictionary
        : field.type;
    const kind = ARROW_KINDS[type.typeId];
    if (kind === undefined) throw unreadable(file, field.name, `Arrow type ${typeName(type.typeId)}`);
    specs.push(spec(field.name, kind, field.nullable));
    if (type.typeId === Type.Date) display[field.name] = { type: "date", nullable: field.nullable };
  }
  return { specs, display };
}

/**
 * The columns of the first file, typed by its metadata (Parquet logical types, the Arrow schema). A CSV file
 * is an error that says to pass a schema.
 * @example await fileSchema("trips.parquet", "parquet") // { specs: [{ name: "pickup_datetime", kind: "timestamp", ... }, ...] }
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
