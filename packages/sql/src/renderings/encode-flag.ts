import { type CastType, SQL_DIALECTS, type SqlStepContext } from "@tablepipe/core";
import { typeKind } from "@tablepipe/core/internal";
import { stringParam } from "../param-values";
import { selectWithColumns } from "../select-list";
import { type BuiltInRendering, typesOf } from "../step-rendering";

/**
 * The test of a cell of `column` (of type `type`) against `value`, as in process: equal and of the same kind
 * (a time stamp is its epoch milliseconds there, so it equals a number, never a text); undefined when no cell
 * can match (SQL would convert one side: `'1' = 1`, `TRUE = 1`, a time stamp and its text).
 */
function sameValueTest(
  column: string,
  type: CastType,
  value: string | number | boolean,
  c: SqlStepContext,
): string | undefined {
  if (typeKind(type) !== typeof value) return undefined;
  const literal = c.expr({ kind: "literal", value });
  const cell = type === "timestamp" ? SQL_DIALECTS[c.dialect].epochMillis(c.quote(column)) : c.quote(column);
  return `${cell} = ${literal}`;
}

/**
 * `encodeFlag`: 1 where the column equals the value and is of its kind (a null is 0), else 0; a constant 0
 * when the column's type holds no value of the value's kind. Declines when the column's type is unknown.
 */
export const renderEncodeFlag: BuiltInRendering = (params, c, known) => {
  const column = stringParam(params, "column");
  const type = known.types[column];
  if (type === undefined) return undefined;
  const test = sameValueTest(column, type, params.value as string | number | boolean, c);
  const flag =
    test === undefined ? "CAST(0 AS INTEGER)" : `CAST(CASE WHEN ${test} THEN 1 ELSE 0 END AS INTEGER)`;
  const output = stringParam(params, "output");
  const { list, columns } = selectWithColumns(c, { [output]: flag });
  const types = typesOf(known.types, columns, { [output]: "int" });
  return { sql: `SELECT ${list} FROM ${c.input}`, columns, types };
};
