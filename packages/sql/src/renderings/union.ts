import { type CastType, columnArray, isMissing } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import { columnList } from "../select-list";
import type { BuiltInRendering } from "../step-rendering";

/** The kind of value a column of this type holds in process (a time stamp is a number). */
const KIND: Readonly<Record<CastType, string>> = {
  int: "number",
  float: "number",
  timestamp: "number",
  string: "string",
  boolean: "boolean",
};

/** The kind of the first present value of a column, as the in-process `union` checks it; undefined if none. */
function firstKind(table: ColumnTable, name: string): string | undefined {
  const values = columnArray(table, name);
  for (let i = 0; i < values.length; ++i) {
    const value = values[i];
    if (!isMissing(value)) return value instanceof Date ? "number" : typeof value;
  }
  return undefined;
}

/** The smallest magnitude a BIGINT cannot hold (2^63): a whole number from it on is loaded as a float. */
const BIGINT_BOUND = 2 ** 63;

/** Whether an int column's other values hold a number a BIGINT cannot: a fraction, an infinity, 2^63 or more. */
function needsFloat(table: ColumnTable, name: string): boolean {
  const values = columnArray(table, name);
  for (let i = 0; i < values.length; ++i) {
    const value = values[i];
    if (typeof value === "number" && !isMissing(value)) {
      if (!Number.isInteger(value) || Math.abs(value) >= BIGINT_BOUND) return true;
    }
  }
  return false;
}

/**
 * `union`: the input's rows, then the other table's (loaded with the input's column types), as `UNION ALL`
 * with the columns matched by name; the other's rows numbered after the input's. An int column whose other
 * values hold a fraction (or a number past BIGINT) is a float, as in process (`[1, 2.5]`): the other's loaded
 * as DOUBLE, the input's cast to it. Declines (the in-process step names the error) when the columns differ,
 * when a column's type is unknown, or when the other table holds values of another kind.
 */
export const renderUnion: BuiltInRendering = (params, c, known) => {
  const other = params.other as ColumnTable;
  const names = other.columnNames();
  if (names.length !== c.columns.length || c.columns.some((name) => !names.includes(name))) return undefined;
  const types: Record<string, CastType> = {};
  for (const name of c.columns) {
    const type = known.types[name];
    if (type === undefined) return undefined;
    const kind = firstKind(other, name);
    if (kind !== undefined && kind !== KIND[type]) return undefined;
    types[name] = type === "int" && needsFloat(other, name) ? "float" : type;
  }
  const relation = c.quote(known.lookup(other, types));
  const ours = c.columns.map((name) => {
    const column = c.quote(name);
    return types[name] === known.types[name] ? column : `CAST(${column} AS DOUBLE) AS ${column}`;
  });
  const list = columnList(c, c.columns);
  const after = `(SELECT COALESCE(max(${c.rowOrder}), -1) + 1 FROM ${c.input})`;
  return {
    sql: `SELECT ${ours.join(", ")}, ${c.rowOrder} FROM ${c.input} UNION ALL SELECT ${list}, ${c.rowOrder} + ${after} FROM ${relation}`,
    columns: c.columns,
    types,
  };
};
