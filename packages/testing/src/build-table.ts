import type { DisplaySchema } from "@tablepipe/core";
import { rememberTableSchema } from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";
import { table } from "arquero";
import type { FieldInfo } from "./schema-fields";

/**
 * Builds a table from validated rows, columns in schema order. Like the table reader: a Date column holds
 * epoch milliseconds of the UTC wall-clock time (`Date.UTC(2018, 1, 4, 18)`), never Dates; a number or Date
 * column that cannot be null is a `Float64Array`; every other column is a plain array, with `null` for
 * missing values.
 */
export function buildTable(
  fields: readonly FieldInfo[],
  rows: readonly Readonly<Record<string, unknown>>[],
): ColumnTable {
  const columns: Record<string, unknown[] | Float64Array> = {};
  for (const field of fields) {
    const isDate = field.outputKind === "date";
    const values = rows.map((row) =>
      isDate ? epochMillis(row[field.name]) : normalizeCell(row[field.name]),
    );
    const numeric = (field.outputKind === "number" || isDate) && !field.nullable;
    columns[field.name] =
      numeric && values.every((value) => typeof value === "number")
        ? Float64Array.from(values as number[])
        : values;
  }
  // remembers which columns are time stamps, for the diffs, `show` and console.log
  return rememberTableSchema(
    table(
      columns,
      fields.map((field) => field.name),
    ),
    displaySchemaOfFields(fields),
  );
}

/** The display schema of a row schema's fields: a date field is a time-stamp column (epoch milliseconds). */
function displaySchemaOfFields(fields: readonly FieldInfo[]): DisplaySchema {
  const type = {
    number: "float",
    date: "timestamp",
    string: "string",
    boolean: "boolean",
    other: "other",
  } as const;
  return Object.fromEntries(
    fields.map((field) => [field.name, { type: type[field.outputKind], nullable: field.nullable }]),
  );
}

/** A Date column's cell: a Date becomes its epoch milliseconds, `undefined` becomes `null`. */
function epochMillis(value: unknown): unknown {
  return value instanceof Date ? value.getTime() : normalizeCell(value);
}

/** `undefined` becomes `null`; a Date is copied so that rows never share one mutable instance. */
function normalizeCell(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return new Date(value.getTime());
  return value;
}
