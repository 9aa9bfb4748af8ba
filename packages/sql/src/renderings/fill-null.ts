import type { CastType, LiteralValue } from "@tablepipe/core";
import { selectWithColumns } from "../select-list";
import { type BuiltInRendering, typesOf } from "../step-rendering";

/** The kind of fill value a column of this type takes (numbers for numbers and time stamps). */
const FILL_KIND: Readonly<Record<CastType, string>> = {
  int: "number",
  float: "number",
  timestamp: "number",
  string: "string",
  boolean: "boolean",
};

/**
 * `fillNull`: `COALESCE(column, value)`, a time stamp's value (epoch milliseconds) as a time-stamp literal.
 * Declines (the step runs in process) when a column's type is unknown or the value is of another kind: in
 * process that is an error naming it, or, for a column holding only missing values, any value is taken.
 */
export const renderFillNull: BuiltInRendering = (params, c, known) => {
  const fills = params.columns as Readonly<Record<string, string | number | boolean>>;
  const computed: Record<string, string> = {};
  for (const [name, value] of Object.entries(fills)) {
    const type = known.types[name];
    if (type === undefined || FILL_KIND[type] !== typeof value) return undefined;
    const literal = c.expr({
      kind: "literal",
      value: value as LiteralValue,
      timestamp: type === "timestamp",
    });
    computed[name] = `COALESCE(${c.quote(name)}, ${literal})`;
  }
  const { list, columns } = selectWithColumns(c, computed);
  const floats = Object.entries(fills).flatMap(([name, value]) =>
    // an int column filled with a fraction becomes a float (COALESCE widens), as in process
    known.types[name] === "int" && !Number.isInteger(value) ? [[name, "float" as const]] : [],
  );
  return {
    sql: `SELECT ${list} FROM ${c.input}`,
    columns,
    types: typesOf(known.types, columns, Object.fromEntries(floats)),
  };
};
