import { defineTransform, needsEach } from "@tablepipe/core";
import { markBuiltIn } from "@tablepipe/core/internal";
import { columnValues } from "./internal/columns";
import { takeRows, visibleRows } from "./internal/rows";
import { sortedPositions } from "./internal/sorted-positions";

/**
 * Sort rows by `by`, then by every other column ascending in table order, so the result is one canonical
 * order whatever the input order was (only rows equal in every column tie, and keep their order). Ascending is
 * the transforms' order: missing values first (null, undefined, NaN, all one missing value, equal to each other
 * as DuckDB's and Spark's NULLs are), then numbers and time stamps by value, booleans, strings by code unit; a
 * column listed in `descending` is sorted in the exact reverse: missing values last (SQL's `ASC NULLS FIRST`
 * and `DESC NULLS LAST`).
 *
 * Params: `by` (default `[]`: every column, in table order), `descending` (default `[]`: the `by` columns to
 * sort descending).
 *
 * @example
 * sortRows(prepared, { by: ["pickup_location_id", "pickup_datetime"] }); // by zone and time, then the rest
 * sortRows(orders, { by: ["amount"], descending: ["amount"] });        // largest amounts first
 * sortRows(table); // by every column, in table order
 */
export const sortRows = defineTransform({
  name: "sortRows",
  description: "Sort rows by the given columns, then by all others: one canonical order for any input order.",
  columns: { by: needsEach([]), descending: needsEach([]) },
  apply: (table, { by, descending }) => {
    const first = [...new Set(by)];
    const stray = descending.find((name) => !first.includes(name));
    if (stray !== undefined) {
      throw new TypeError(
        `sortRows: param "descending": "${stray}" is not one of the by columns (${first.join(", ")})`,
      );
    }
    const rest = table.columnNames().filter((name) => !first.includes(name));
    const rows = visibleRows(table);
    const positions = sortedPositions(
      rows,
      [...first, ...rest].map((name) => columnValues(table, name)),
      first.map((name) => descending.includes(name)),
    );
    const selected = new Uint32Array(positions.length);
    for (let i = 0; i < positions.length; ++i) selected[i] = rows[positions[i]!]!;
    return takeRows(table.ungroup(), selected);
  },
});

markBuiltIn(sortRows);
