import type { ColumnTable } from "arquero";
import * as z from "zod";
import { type ColumnType, formatColumnType, type TableSchema } from "../schema/logical-types";
import { attachSchema, schemaOf } from "../schema/registry";
import type { SchemaTypesOf } from "../schema/static-types";
import {
  type SchemaInput,
  type SchemaInputColumns,
  toTableSchema,
  valuesMisfit,
} from "../schema/typed-table";
import { isTable, type Table, type TableFitting } from "./table";

/** The zod schema of a typed table param: it takes a {@link TableFitting} table and gives the typed table. */
export type TypedTableParam<S extends SchemaInput> = z.ZodType<
  Table<SchemaInputColumns<S>, SchemaTypesOf<S>>,
  TableFitting<SchemaInputColumns<S>, SchemaTypesOf<S>>
>;

/** What is wrong with `table` as a table of `schema` (a column it lacks, a value that does not fit), if anything. */
function tableProblem(table: ColumnTable, schema: TableSchema): string | undefined {
  const names = table.columnNames();
  const absent = Object.keys(schema).filter((name) => !names.includes(name));
  if (absent.length > 0) {
    const listed = absent.map((name) => `"${name}" (${formatColumnType(schema[name]!)})`).join(", ");
    return `the table lacks ${absent.length === 1 ? "column" : "columns"} ${listed}`;
  }
  return valuesMisfit(table, schema);
}

/**
 * The checked, typed view of table params: each table checked once per param and schema, and the same view
 * given back each time (so a lookup used by two steps is one table to the engines).
 */
function typedView(schema: TableSchema): (table: ColumnTable, ctx: z.core.ParsePayload<unknown>) => unknown {
  const views = new WeakMap<ColumnTable, ColumnTable>();
  return (table, ctx) => {
    const seen = views.get(table);
    if (seen !== undefined) return seen;
    const problem = tableProblem(table, schema);
    if (problem !== undefined) {
      ctx.issues.push({ code: "custom", message: problem, input: table });
      return z.NEVER;
    }
    // The schema's types for its columns; a column it does not name keeps the table's own type.
    const own = schemaOf(table);
    const types: Record<string, ColumnType> = {};
    for (const name of table.columnNames()) {
      const type = schema[name] ?? own[name];
      if (type !== undefined) types[name] = type;
    }
    const view = attachSchema(table.create({}), types);
    views.set(table, view);
    return view;
  };
}

/** A zod schema for a param that takes an arquero table (e.g. the zone table of `excludeAirports`). */
export function tableParam(): z.ZodCustom<ColumnTable, ColumnTable>;
/**
 * A zod schema for a param that takes a table of `schema` (a zod row schema, as `readTable` and `typedTable`
 * take, or a `{ column: { type, nullable } }` object): the compiler knows the given table's columns and types
 * (in a `compose`'s steps, a `join` with `right: p.zones` adds the zone columns, and a misspelt column after it
 * is an error), and at run time the table must have every column of the schema with values of its types (more
 * columns are kept), else the error names the param, the column and what was expected.
 * @example params: z.object({ zones: tableParam(ZoneSchema) })
 */
export function tableParam<const S extends SchemaInput>(schema: S): TypedTableParam<S>;
export function tableParam(schema?: SchemaInput): z.ZodType<ColumnTable, ColumnTable> {
  const table = z.custom<ColumnTable>((value) => isTable(value), { message: "expected an arquero table" });
  if (schema === undefined) return table;
  return table.transform(typedView(toTableSchema(schema))) as z.ZodType<ColumnTable, ColumnTable>;
}
