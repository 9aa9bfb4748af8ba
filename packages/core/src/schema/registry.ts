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

/** The key under which Node's `util.inspect` (the REPL, `console.log`) asks an object how to show itself. */
const INSPECT = Symbol.for("nodejs.util.inspect.custom");
type Inspect = (value: unknown, options: object) => string;
let renderTable: ((table: ColumnTable) => string) | undefined;

/** Internal (the display module sets it): how the REPL, `console.log` and `util.inspect` show a typed table. */
export function setTableRenderer(render: (table: ColumnTable) => string): void {
  renderTable = render;
}

/**
 * Record `schema` as the declared schema of `table`. The schema is kept beside the table, keyed by the table
 * object; the only thing set on the table is a non-enumerable `util.inspect` hook, so that the REPL and
 * `console.log` show it as `show` does (time stamps as `2018-02-04 18:00:00`). Internal: users call
 * `typedTable`, which validates first.
 */
export function attachSchema<T extends ColumnTable>(table: T, schema: TableSchema): T {
  registry().set(table, schema);
  if (!Object.hasOwn(table, INSPECT) && Object.isExtensible(table)) {
    Object.defineProperty(table, INSPECT, {
      value: (_depth: number, options: object, inspect: Inspect) =>
        renderTable === undefined ? inspect(table, { ...options, customInspect: false }) : renderTable(table),
      enumerable: false,
      configurable: true,
    });
  }
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
