import type { ColumnTable } from "arquero";
import { inferSchema } from "./infer-schema";
import type { TableSchema } from "./logical-types";

const KEY = Symbol.for("@tablepipe/core/schemas");

/** One registry per process, even with two copies of core loaded (ESM and CommonJS). */
function registry(): WeakMap<ColumnTable, TableSchema> {
  const global = globalThis as { [KEY]?: WeakMap<ColumnTable, TableSchema> };
  global[KEY] ??= new WeakMap();
  return global[KEY];
}

/**
 * Record `schema` as the declared schema of `table` (tables are never mutated: the schema is kept beside
 * it, keyed by the table object). Internal: users call `typedTable`, which validates first.
 */
export function attachSchema<T extends ColumnTable>(table: T, schema: TableSchema): T {
  registry().set(table, schema);
  return table;
}

/** The schema declared for `table` (by a read, `typedTable` or the step that made it), if any. */
export function declaredSchema(table: ColumnTable): TableSchema | undefined {
  const schema = registry().get(table);
  if (schema === undefined) return undefined;
  // A declared schema describes exactly the table's columns; a stale one (never expected) is ignored.
  const names = table.columnNames();
  if (names.length !== Object.keys(schema).length || names.some((name) => schema[name] === undefined)) {
    return undefined;
  }
  return schema;
}

/**
 * The run-time schema of a table: the one declared by the read, `typedTable` or the step that produced it,
 * else one typed from the values of a plain arquero table (see `inferColumnType`).
 * @example schemaOf(readTable("trips.csv", Trip)).pickup_datetime // { type: "timestamp", nullable: false }
 */
export function schemaOf(table: ColumnTable): TableSchema {
  return declaredSchema(table) ?? inferSchema(table);
}
