import { col, isIn, lit, SQL_DIALECTS, type SqlStepContext } from "@tablepipe/core";
import type { RenderedStep } from "../step-rendering";

const ROW = "__tablepipe_failed_row";
const VALUE = "__tablepipe_failed_value";
const FAILS = "__tablepipe_fails";

/** The in-process `pivot`'s error for a row whose names column holds a value that is not a declared name. */
function undeclaredName(column: string, value: unknown, row: number, names: readonly string[]): TypeError {
  const shown = value === null || value === undefined ? "a missing value" : JSON.stringify(String(value));
  const declared = names.map((name) => JSON.stringify(name)).join(", ");
  return new TypeError(
    `pivot: column "${column}" holds ${shown} at row ${row}, which is not a declared name ` +
      `(${declared}); declare it in names, or pass ignoreUndeclared: true to leave such rows out`,
  );
}

/**
 * The ` WHERE` clause of a `pivot` over `namesFrom` (a string column): with `ignore`, the rows of a declared name
 * only; else every row, a value that is not a declared name (NULL too) raising an error, with the failure probe
 * that finds the first such row and gives the in-process error naming it.
 */
export function declaredNamesWhere(
  c: SqlStepContext,
  namesFrom: string,
  names: readonly string[],
  ignore: boolean,
): { readonly where: string; readonly probe: Pick<RenderedStep, "failureProbe"> } {
  const declared = c.expr(isIn(col(namesFrom), names));
  if (ignore) return { where: ` WHERE ${declared}`, probe: {} };
  const d = SQL_DIALECTS[c.dialect];
  const fails = `(${c.quote(namesFrom)} IS NULL OR NOT ${declared})`;
  const message = c.expr(lit(`pivot: column "${namesFrom}" holds a value that is not a declared name`));
  const where = ` WHERE ${d.inPlace(`(CASE WHEN ${fails} THEN ${d.raiseError(message)} ELSE TRUE END)`)}`;
  const numbered = `SELECT row_number() OVER (ORDER BY ${c.rowOrder} ASC NULLS FIRST) - 1 AS ${c.quote(ROW)}, ${c.quote(namesFrom)} AS ${c.quote(VALUE)}, ${fails} AS ${c.quote(FAILS)} FROM ${c.input}`;
  const sql = `SELECT ${c.quote(ROW)}, ${c.quote(VALUE)} FROM (${numbered}) AS ${c.quote("__tablepipe_numbered")} WHERE ${c.quote(FAILS)} ORDER BY ${c.quote(ROW)} LIMIT 1`;
  const error = (row: Readonly<Record<string, unknown>>) =>
    undeclaredName(namesFrom, row[VALUE], Number(row[ROW]), names);
  return { where, probe: { failureProbe: { sql, error } } };
}
