import { isMissing } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import { DuckDbLoadError } from "../errors";
import type { ColumnType } from "./column-types";
import { columnValues } from "./column-values";

function kindOf(value: unknown): ColumnType | undefined {
  if (value instanceof Date) return "timestamp";
  switch (typeof value) {
    case "number":
      return "float";
    case "string":
      return "string";
    case "boolean":
      return "boolean";
    default:
      return undefined;
  }
}

/**
 * A column's type from its values (numbers are floats: say `timestamp` for epoch milliseconds in
 * `declared`). Throws a {@link DuckDbLoadError} for values of two kinds, or no value to tell the kind from.
 */
export function inferColumnType(
  table: ColumnTable,
  name: string,
  declared: ColumnType | undefined,
  label: string,
): ColumnType {
  if (declared !== undefined) return declared;
  const values = columnValues(table, name);
  if (ArrayBuffer.isView(values)) return "float";
  let found: ColumnType | undefined;
  for (let i = 0; i < values.length; ++i) {
    const value = values[i];
    if (isMissing(value)) continue;
    const kind = kindOf(value);
    if (kind === undefined || (found !== undefined && kind !== found)) {
      throw new DuckDbLoadError(
        `${label}: column "${name}" holds ${found === undefined ? "" : `${found}s and `}${kind ?? typeof value} values; ` +
          "a DuckDB column holds one type",
      );
    }
    found = kind;
  }
  if (found === undefined) {
    throw new DuckDbLoadError(
      `${label}: column "${name}" holds no value to tell its type from; give it in \`columnTypes\``,
    );
  }
  return found;
}
