import { declaredSchema } from "@tablepipe/core";
import { withoutNegativeZeros } from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";

/**
 * A group's key and a distinct row are values, in which `-0` and `0` are one number: `aggregate` and `pivot` give
 * a float key's zero as `0`, and so does `dropDuplicates` on every column for each float cell, as Spark's
 * `GROUP BY` and `DISTINCT` do (they normalise `-0.0`), and as DuckDB does once told to (`+ 0.0`). Left as it
 * was, the key's sign would be its group's first row's in process and whichever row a hash table met first on
 * DuckDB.
 */

/**
 * `table` with each `-0` of the columns `names` as `0` (a column without one is shared, not copied); its rows,
 * filter and order unchanged.
 * @example withoutNegativeZeroColumns(deduped, deduped.columnNames())
 */
export function withoutNegativeZeroColumns(table: ColumnTable, names: readonly string[]): ColumnTable {
  const data: Record<string, ArrayLike<unknown>> = {};
  for (const name of names) {
    const column = table.column(name) as unknown as ArrayLike<unknown> | undefined;
    if (column === undefined || !(Array.isArray(column) || ArrayBuffer.isView(column))) continue;
    const values = withoutNegativeZeros(column);
    if (values !== column) data[name] = values;
  }
  if (Object.keys(data).length === 0) return table;
  const all = table.columnNames();
  for (const name of all) data[name] ??= table.column(name) as unknown as ArrayLike<unknown>;
  return table.create({ data: data as Record<string, unknown[]>, names: all });
}

/**
 * The columns of `table` that may hold a `-0`: every column but those its declared schema types `string` or
 * `boolean`. (A schema inferred from the values types a float column of whole numbers `int`: `[-0, 2]` is one.)
 * @example zeroSignedColumns(trips) // every column but store_and_fwd_flag
 */
export function zeroSignedColumns(table: ColumnTable): string[] {
  const schema = declaredSchema(table);
  const names = table.columnNames();
  if (schema === undefined) return names;
  return names.filter((name) => {
    const type = schema[name]?.type;
    return type !== "string" && type !== "boolean";
  });
}
