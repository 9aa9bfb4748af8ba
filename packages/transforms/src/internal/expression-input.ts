import { declaredSchema } from "@tablepipe/core";
import type { ExpressionInput } from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";
import { columnValues } from "./columns";

/** The visible rows of `table` as an expression's input: each column read once, in row order. */
export function expressionInput(table: ColumnTable, rows: Uint32Array): ExpressionInput {
  const identity = !table.isFiltered() && !table.isOrdered() && rows.length === table.totalRows();
  const declared = declaredSchema(table);
  return {
    rowCount: rows.length,
    columnType: (name) => {
      const type = declared?.[name]?.type;
      return type === undefined || type === "unknown" ? undefined : type;
    },
    column: (name) => {
      const values = columnValues(table, name);
      if (identity) return values;
      if (values instanceof Float64Array) return Float64Array.from(rows, (row) => values[row]!);
      return Array.from(rows, (row) => values[row]);
    },
  };
}
