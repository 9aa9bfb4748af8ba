import { columnArray } from "@tablepipe/core";
import { type ColumnType, declaredColumnType, inferColumnType as inferFromValues } from "@tablepipe/sql";
import type { ColumnTable } from "arquero";
import { SparkLoadError } from "../client/errors";

export type { ColumnType } from "@tablepipe/sql";
export { columnTypesOf } from "@tablepipe/sql";

/**
 * A column's type: `declared` when given, else the type the table's schema declares (a table from readTable,
 * `typedTable` or a row factory), else from its values (numbers are floats: say `timestamp` for epoch
 * milliseconds). Throws a {@link SparkLoadError} for values of two kinds, or no value to tell from.
 */
export function inferColumnType(
  table: ColumnTable,
  name: string,
  declared: ColumnType | undefined,
  label: string,
): ColumnType {
  if (declared !== undefined) return declared;
  const fromSchema = declaredColumnType(table, name);
  if (fromSchema !== undefined) return fromSchema;
  const found = inferFromValues(columnArray(table, name), name, undefined);
  if ("problem" in found) throw new SparkLoadError(`${label}: ${found.problem}`);
  return found.type;
}
