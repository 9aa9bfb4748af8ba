import { ExpressionError, formatExpr, SQL_DIALECTS, type SqlStepContext } from "@tablepipe/core";
import { castFailureDetail } from "@tablepipe/core/internal";
import type { FailureProbe } from "../failure-probe";
import type { CastCheck } from "./cast-checks";

const CHECK = "__tablepipe_failed_check";
const ROW = "__tablepipe_failed_row";
const VALUE = "__tablepipe_failed_value";
const NUMBER = "__tablepipe_failed_number";

/**
 * The SQL of a check's value as a string (or null) and as a DOUBLE (or null): a string's in the first, a
 * DOUBLE's in the second, and a value of unknown type (or a number of unknown type) in the one its type says (a
 * DECIMAL or a HUGEINT as its double, the number in process holds).
 */
function valueColumns(c: SqlStepContext, check: CastCheck): readonly [text: string, number: string] {
  const d = SQL_DIALECTS[c.dialect];
  if (check.from === "string") return [check.value, `CAST(NULL AS ${d.types.float})`];
  if (check.from === "float") return [`CAST(NULL AS ${d.types.string})`, check.value];
  return [
    check.from === "number"
      ? `CAST(NULL AS ${d.types.string})`
      : `(CASE WHEN ${d.valueTypeIs(check.value, "string")} THEN CAST(${check.value} AS ${d.types.string}) END)`,
    `(CASE WHEN ${d.valueTypeIs(check.value, "number")} THEN ${d.anyAsDouble(check.value)} END)`,
  ];
}

/**
 * The failure probe of a step whose casts can fail: the first check (in the order in process makes them: a
 * `castColumns` rendering's columns in the params' order, a `derive`'s casts column by column, an `aggregate`'s
 * measure by measure, a `window`'s function by function) a value fails, its first such row (0-based, in row
 * order: the row in process names) and the value, with the in-process error for them (`castColumns: column "x":
 * cast(col("x"), "float"): cannot convert "paid" to float (row 1)`). Undefined when there is no check (no cast can
 * fail).
 */
export function castFailureProbe(c: SqlStepContext, checks: readonly CastCheck[]): FailureProbe | undefined {
  if (checks.length === 0) return undefined;
  const selects = checks.map((check, i) => {
    // a string value in one column, a number in the other (one type each, for the UNION)
    const [text, number] = valueColumns(c, check);
    const numbered = `SELECT row_number() OVER (ORDER BY ${c.rowOrder} ASC NULLS FIRST) - 1 AS ${c.quote(ROW)}, ${text} AS ${c.quote(VALUE)}, ${number} AS ${c.quote(NUMBER)}, ${check.value} IS NOT NULL AND NOT (${check.converts}) AS ${c.quote("__tablepipe_fails")} FROM ${c.input}`;
    return `SELECT ${i} AS ${c.quote(CHECK)}, ${c.quote(ROW)}, ${c.quote(VALUE)}, ${c.quote(NUMBER)} FROM (${numbered}) AS ${c.quote("__tablepipe_numbered")} WHERE ${c.quote("__tablepipe_fails")}`;
  });
  const order = `${c.quote(CHECK)}, ${c.quote(ROW)}`;
  return {
    sql: `SELECT * FROM (${selects.join(" UNION ALL ")}) AS ${c.quote("__tablepipe_failures")} ORDER BY ${order} LIMIT 1`,
    error: (row) => {
      const check = checks[Number(row[CHECK])] as CastCheck;
      const text = row[VALUE];
      const value = text === null || text === undefined ? Number(row[NUMBER]) : String(text);
      const detail = castFailureDetail(value, check.cast.to, Number(row[ROW]));
      return new ExpressionError(check.where, formatExpr(check.cast), detail);
    },
  };
}
