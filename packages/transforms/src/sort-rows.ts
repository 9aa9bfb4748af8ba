import { defineTransform, needsEach } from "@tablepipe/core";
import { columnValues } from "./internal/columns";
import { rowComparator } from "./internal/row-order";
import { takeRows, visibleRows } from "./internal/rows";

/**
 * Sort rows ascending by `by`, then by every other column in table order, so the result is one canonical
 * order whatever the input order was (only identical rows tie). Order is the transforms' total order:
 * missing values first (null, undefined, NaN), then numbers and time stamps by value, booleans, strings by
 * code unit.
 *
 * Params: `by` (default `[]`: every column, in table order).
 *
 * @example
 * sortRows(prepared, { by: ["pickup_location_id", "pickup_datetime"] }); // by zone and time, then the rest
 * sortRows(table); // by every column, in table order
 */
export const sortRows = defineTransform({
  name: "sortRows",
  description: "Sort rows by the given columns, then by all others: one canonical order for any input order.",
  columns: { by: needsEach([]) },
  apply: (table, { by }) => {
    const first = [...new Set(by)];
    const rest = table.columnNames().filter((name) => !first.includes(name));
    const rows = visibleRows(table);
    const compare = rowComparator(
      rows,
      [...first, ...rest].map((name) => columnValues(table, name)),
    );
    const positions = Array.from({ length: rows.length }, (_, i) => i).sort(compare);
    const selected = new Uint32Array(positions.length);
    for (let i = 0; i < positions.length; ++i) selected[i] = rows[positions[i]!]!;
    return takeRows(table.ungroup(), selected);
  },
});
