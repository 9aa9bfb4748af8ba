import { type CastType, cast, col, ExpressionError, formatExpr, type SqlStepContext } from "@tablepipe/core";
import { castFailureDetail } from "@tablepipe/core/internal";
import type { FailureProbe } from "../failure-probe";
import type { KnownTypes } from "../step-rendering";
import { stringCastTest } from "./cast-text";

const COLUMN = "__tablepipe_failed_column";
const ROW = "__tablepipe_failed_row";
const VALUE = "__tablepipe_failed_value";

/**
 * The failure probe of a `castColumns` rendering: the first column (in the params' order) holding a cell that
 * does not convert, its first such row (0-based, in row order: the row in process names) and the cell, with the
 * in-process error for them (`castColumns: column "x": cast(col("x"), "float"): cannot convert "paid" to float
 * (row 1)`). Undefined when no cast can fail (none is of a string to a number or a boolean).
 */
export function castFailureProbe(
  c: SqlStepContext,
  casts: Readonly<Record<string, CastType>>,
  types: KnownTypes,
): FailureProbe | undefined {
  const failing: (readonly [string, CastType])[] = [];
  const selects: string[] = [];
  for (const [name, to] of Object.entries(casts)) {
    const cell = c.quote(name);
    const test = stringCastTest(c, cell, types[name], to);
    if (test === undefined) continue;
    const numbered = `SELECT row_number() OVER (ORDER BY ${c.rowOrder} ASC NULLS FIRST) - 1 AS ${c.quote(ROW)}, ${cell} AS ${c.quote(VALUE)}, ${cell} IS NOT NULL AND NOT (${test.converts}) AS ${c.quote("__tablepipe_fails")} FROM ${c.input}`;
    selects.push(
      `SELECT ${failing.length} AS ${c.quote(COLUMN)}, ${c.quote(ROW)}, ${c.quote(VALUE)} FROM (${numbered}) AS ${c.quote("__tablepipe_numbered")} WHERE ${c.quote("__tablepipe_fails")}`,
    );
    failing.push([name, to]);
  }
  if (failing.length === 0) return undefined;
  const order = `${c.quote(COLUMN)}, ${c.quote(ROW)}`;
  return {
    sql: `SELECT * FROM (${selects.join(" UNION ALL ")}) AS ${c.quote("__tablepipe_failures")} ORDER BY ${order} LIMIT 1`,
    error: (row) => {
      const [name, to] = failing[Number(row[COLUMN])] as readonly [string, CastType];
      const detail = castFailureDetail(String(row[VALUE]), to, Number(row[ROW]));
      return new ExpressionError(`castColumns: column "${name}"`, formatExpr(cast(col(name), to)), detail);
    },
  };
}
