import { declaredSchema, isMissing } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import type { ColumnType } from "./column-types";

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

/** A column's SQL type, or why its values do not tell one. */
export type InferredColumnType = { readonly type: ColumnType } | { readonly problem: string };

/**
 * A column's type for a SQL engine: `declared` when given, else from its values (`values`: the column in row
 * order; numbers are floats: declare `timestamp` for epoch milliseconds). Values of two kinds, or no value at
 * all, give a `problem` the engine raises as its own load error.
 * @example inferColumnType(table.array("at"), "at", "timestamp") // { type: "timestamp" }
 */
export function inferColumnType(
  values: ArrayLike<unknown>,
  name: string,
  declared: ColumnType | undefined,
): InferredColumnType {
  if (declared !== undefined) return { type: declared };
  if (ArrayBuffer.isView(values)) return { type: "float" };
  let found: ColumnType | undefined;
  for (let i = 0; i < values.length; ++i) {
    const value = values[i];
    if (isMissing(value)) continue;
    const kind = kindOf(value);
    if (kind === undefined || (found !== undefined && kind !== found)) {
      return {
        problem: `column "${name}" holds ${found === undefined ? "" : `${found}s and `}${kind ?? typeof value} values; a SQL column holds one type`,
      };
    }
    found = kind;
  }
  if (found === undefined) {
    return { problem: `column "${name}" holds no value to tell its type from; give it in \`columnTypes\`` };
  }
  return { type: found };
}

/** The SQL type of each logical type a table may declare (a `date`, midnight UTC in epoch ms, is a time stamp). */
const FROM_LOGICAL: Partial<Record<string, ColumnType>> = {
  int: "int",
  float: "float",
  string: "string",
  boolean: "boolean",
  timestamp: "timestamp",
  date: "timestamp",
};

/**
 * The SQL type of column `name` as `table` declares it (a table from readTable, pipeFrom, `typedTable`, a row
 * factory or a step's output), if it declares one: such a table's time stamps need no `columnTypes`.
 * @example declaredColumnType(typedTable(t, { at: { type: "timestamp", nullable: false } }), "at") // "timestamp"
 */
export function declaredColumnType(table: ColumnTable, name: string): ColumnType | undefined {
  return FROM_LOGICAL[declaredSchema(table)?.[name]?.type ?? ""];
}
