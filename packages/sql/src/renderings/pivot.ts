import {
  caseWhen,
  col,
  eq,
  type MeasureFn,
  type MeasureNode,
  SQL_DIALECTS,
  type SqlStepContext,
} from "@tablepipe/core";
import { groupKeyList } from "../group-key";
import { stringsParam } from "../param-values";
import { columnList } from "../select-list";
import { type BuiltInRendering, type KnownTypes, typesOf } from "../step-rendering";
import { measureAccepted, measureSql, measureType } from "./measure-sql";
import { OrderedSums } from "./ordered-sums";
import { declaredNamesWhere } from "./pivot-names";

/** A measure `pivot` takes (its params check transforms' `PIVOT_AGGREGATES`): any but `quantile`, which takes a q. */
type PivotAggregate = Exclude<MeasureFn, "quantile">;

/**
 * The SQL of one cell: `aggregate`'s measure of the values on the rows of that name (a `CASE` giving NULL on the
 * others, which every measure but `first` and `last` skips); `first` and `last`, which take a NULL value too, are
 * the dialect's first and last value of the rows of that name (`FILTER`).
 */
function cellSql(
  fn: PivotAggregate,
  name: string,
  columns: { readonly namesFrom: string; readonly valuesFrom: string },
  c: SqlStepContext,
  types: KnownTypes,
  sums: OrderedSums,
): string {
  const isName = eq(col(columns.namesFrom), name);
  if (fn === "first" || fn === "last") {
    const value = SQL_DIALECTS[c.dialect].valueAt(fn, c.quote(columns.valuesFrom), c.rowOrder);
    return `${value} FILTER (WHERE ${c.expr(isName)})`;
  }
  return measureSql({ fn, of: caseWhen([[isName, col(columns.valuesFrom)]]) }, c, types, sums);
}

/**
 * `pivot`: `aggregate`'s `GROUP BY` on the `by` columns (groups at the position of their first row; with no `by`,
 * one row even for an empty input), a column per declared name holding `aggregate`'s measure of that name's rows
 * (float sums in row order, exact int sums, NaN as NULL, as `aggregate` renders them). A name that is not declared
 * raises the in-process error naming its row (the failure probe), or with `ignoreUndeclared` its rows are left
 * out. Declines (the in-process step runs, naming its error) when the names column's type is not known to be
 * string, a name is declared twice or is a `by` column, or the measure is refused on the values' type.
 */
export const renderPivot: BuiltInRendering = (params, c, known) => {
  const by = [...new Set(stringsParam(params, "by"))];
  const names = stringsParam(params, "names");
  const namesFrom = params.namesFrom as string;
  const valuesFrom = params.valuesFrom as string;
  const fn = params.aggregate as PivotAggregate;
  if (names.length === 0 || new Set(names).size !== names.length) return undefined;
  if (names.some((name) => by.includes(name)) || known.types[namesFrom] !== "string") return undefined;
  const values: MeasureNode = { fn, of: col(valuesFrom) };
  if (!measureAccepted(values, known.types)) return undefined;
  const { where, probe } = declaredNamesWhere(c, namesFrom, names, params.ignoreUndeclared === true);
  const sums = new OrderedSums(c, by);
  const items = names.map(
    (name) => `${cellSql(fn, name, { namesFrom, valuesFrom }, c, known.types, sums)} AS ${c.quote(name)}`,
  );
  const from = sums.from(where);
  const columns = [...by, ...names];
  const type = measureType(values, known.types);
  const types = typesOf(known.types, columns, Object.fromEntries(names.map((name) => [name, type])));
  if (by.length === 0) {
    return {
      sql: `SELECT ${[...items, `0 AS ${c.rowOrder}`].join(", ")} FROM ${from}`,
      columns,
      types,
      ...probe,
    };
  }
  const keys = columnList(c, by);
  const list = [groupKeyList(c, by, known.types), ...items, `min(${c.rowOrder}) AS ${c.rowOrder}`].join(", ");
  return { sql: `SELECT ${list} FROM ${from} GROUP BY ${keys}`, columns, types, ...probe };
};
