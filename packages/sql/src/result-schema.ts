import { schemaOf, type TableSchema } from "@tablepipe/core";
import { attachSchema, type PlannedStep } from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";

/**
 * The schema the in-process run gives the columns after the first `rendered` steps of `flat`: the plan's (the
 * source's, for none), or undefined when the plan was made without one (a files source).
 */
export function plannedSchemaAfter(
  flat: readonly PlannedStep[],
  rendered: number,
  sourceSchema: TableSchema | undefined,
): TableSchema | undefined {
  return rendered === 0 ? sourceSchema : flat[rendered - 1]?.schemaOut;
}

/**
 * An engine's result `table` declaring, for each column `schema` knows, its type and nullability there (as the
 * in-process run declares it: an int sum of ints, where the engine computed doubles; a nullable column of an empty
 * table), and for the others the type the engine's result gave it.
 */
export function withPlannedSchema(table: ColumnTable, schema: TableSchema | undefined): ColumnTable {
  if (schema === undefined) return table;
  const own = schemaOf(table);
  const merged = Object.fromEntries(
    table.columnNames().map((name) => [name, schema[name] ?? own[name]] as const),
  );
  return attachSchema(table, merged as TableSchema);
}
