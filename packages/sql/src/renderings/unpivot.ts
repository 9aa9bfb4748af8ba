import { lit } from "@tablepipe/core";
import { stringsParam } from "../param-values";
import { type BuiltInRendering, typesOf } from "../step-rendering";

/**
 * `unpivot`: a `SELECT` per listed column (the kept columns, the column's name, its value), as `UNION ALL`;
 * input row `r`'s copy for the `j`-th listed column is numbered `r * k + j` (`k` listed columns), so the rows
 * come in row order, then in the listed order, as in process. `dropMissing` keeps the values that are not
 * NULL (NaN is loaded as NULL). Declines (the in-process step names the error) when a listed column's type is
 * unknown, the types differ, no column is listed, one is listed twice, or both new columns have one name.
 */
export const renderUnpivot: BuiltInRendering = (params, c, known) => {
  const columns = stringsParam(params, "columns");
  const nameColumn = params.nameColumn as string;
  const valueColumn = params.valueColumn as string;
  if (columns.length === 0 || new Set(columns).size !== columns.length || nameColumn === valueColumn) {
    return undefined;
  }
  const types = new Set(columns.map((name) => known.types[name]));
  const type = known.types[columns[0] as string];
  if (type === undefined || types.size !== 1) return undefined;
  const kept = c.columns.filter((name) => !columns.includes(name));
  const k = columns.length;
  const selects = columns.map((name, j) => {
    const list = [
      ...kept.map((column) => c.quote(column)),
      `${c.expr(lit(name))} AS ${c.quote(nameColumn)}`,
      `${c.quote(name)} AS ${c.quote(valueColumn)}`,
      `${c.rowOrder} * ${k} + ${j} AS ${c.rowOrder}`,
    ];
    const where = params.dropMissing === true ? ` WHERE ${c.quote(name)} IS NOT NULL` : "";
    return `SELECT ${list.join(", ")} FROM ${c.input}${where}`;
  });
  const output = [...kept, nameColumn, valueColumn];
  return {
    sql: selects.join(" UNION ALL "),
    columns: output,
    types: typesOf(known.types, output, { [nameColumn]: "string", [valueColumn]: type }),
  };
};
