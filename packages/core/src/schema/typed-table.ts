import type { ColumnTable } from "arquero";
import { SchemaMismatchError } from "../transform/errors";
import type { Table } from "../transform/table";
import { checkValueRules } from "./check-value-rules";
import { columnMisfit } from "./conforms";
import { schemaFromRowSchema } from "./from-row-schema";
import { type ColumnType, formatColumnType, isLogicalType, type TableSchema } from "./logical-types";
import { attachSchema } from "./registry";
import type { RowSchema } from "./row-schema";
import type { SchemaTypesOf } from "./static-types";

/** A schema given by hand or as the zod row schema of a read. */
export type SchemaInput = TableSchema | RowSchema;

/** The column names of a schema input, for the typed table's TypeScript type. */
export type SchemaInputColumns<S extends SchemaInput> = S extends RowSchema
  ? keyof S["shape"] & string
  : keyof S & string;

function isRowSchema(schema: SchemaInput): schema is RowSchema {
  const shape = (schema as { shape?: unknown }).shape;
  return typeof shape === "object" && shape !== null && "_zod" in (schema as object);
}

/** A schema input as a run-time schema (a zod row schema is read with `schemaFromRowSchema`). */
export function toTableSchema(schema: SchemaInput): TableSchema {
  if (isRowSchema(schema)) return schemaFromRowSchema(schema);
  for (const [name, type] of Object.entries(schema as TableSchema)) {
    if (type === null || typeof type !== "object" || !(isLogicalType(type.type) || type.type === "unknown")) {
      throw new TypeError(
        `column "${name}": expected { type: int|float|string|boolean|timestamp|date, nullable }`,
      );
    }
  }
  return schema as TableSchema;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (value instanceof Date)
    return `Date ${Number.isNaN(value.getTime()) ? "(invalid)" : value.toISOString()}`;
  return `${typeof value} ${String(value)}`;
}

/**
 * Check that every column of `table` holds what `schema` says (names, in any order; each value's type;
 * no missing value in a column that is not nullable), else throw a {@link SchemaMismatchError} naming the
 * column, the row, the value and the expected type.
 */
export function checkTableSchema(table: ColumnTable, schema: TableSchema, where: string): void {
  const names = table.columnNames();
  const expected = Object.keys(schema);
  const absent = expected.filter((name) => !names.includes(name));
  const extra = names.filter((name) => schema[name] === undefined);
  if (absent.length > 0 || extra.length > 0) {
    const parts = [
      absent.length > 0 ? `lacks ${absent.map((c) => `"${c}"`).join(", ")}` : "",
      extra.length > 0 ? `has ${extra.map((c) => `"${c}"`).join(", ")}, not in the schema` : "",
    ].filter(Boolean);
    throw new SchemaMismatchError(`${where}: the table ${parts.join(" and ")}`);
  }
  const misfit = valuesMisfit(table, schema);
  if (misfit !== undefined) throw new SchemaMismatchError(`${where}: ${misfit}`);
}

/**
 * The first value of `table` that breaks the type `schema` gives its column, as a message naming the column,
 * the row, the value and the type (`column "id" should be int, but row 3 holds "x"`); undefined when every
 * value of every column `schema` names fits. Columns the schema does not name are not looked at.
 */
export function valuesMisfit(table: ColumnTable, schema: TableSchema): string | undefined {
  for (const name of table.columnNames()) {
    const type = schema[name];
    if (type === undefined) continue;
    const misfit = columnMisfit(table, name, type);
    if (misfit !== undefined) {
      return (
        `column "${name}" should be ${formatColumnType(type)}, ` +
        `but row ${misfit.row} holds ${describe(misfit.value)}`
      );
    }
  }
  return undefined;
}

/**
 * A typed table: `table` with `schema` as its run-time schema, after checking every value against it
 * (the schema may be a zod row schema or a `{ column: { type, nullable } }` object); a zod schema's value rules
 * (`.min(0)`, `.regex()`, `z.email()`, `z.enum([...])`, `.refine()`) are checked as `readTable` checks them. Storage is unchanged
 * and shared (typed arrays, epoch-ms time stamps); `table` itself is not modified. Get the plain arquero
 * table back with {@link toArquero}. The compiler knows the columns and their types too
 * (`Table<"id" | "at", { id: "int"; at: "timestamp" | "date" }>`): a step that needs another type for one of
 * them does not compile.
 * @example const orders = typedTable(aq.table({ id: [1, 2], at: [Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 2)] }), Order);
 */
export function typedTable<const S extends SchemaInput>(
  table: ColumnTable,
  schema: S,
): Table<SchemaInputColumns<S>, SchemaTypesOf<S>> {
  const resolved = toTableSchema(schema);
  checkTableSchema(table, resolved, "typedTable");
  if (isRowSchema(schema)) checkValueRules(table, schema, "typedTable");
  const ordered: Record<string, ColumnType> = {};
  for (const name of table.columnNames()) ordered[name] = resolved[name] as ColumnType;
  return attachSchema(table.create({}), ordered) as Table<SchemaInputColumns<S>, SchemaTypesOf<S>>;
}

/**
 * The plain arquero table under a typed one (the same columns, not copied): for code that wants arquero
 * alone. Its types, when needed again, are `schemaOf(table)`.
 */
export function toArquero(table: ColumnTable): ColumnTable {
  return table;
}
