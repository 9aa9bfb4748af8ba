import { defineTransform, isMissing, schemaOf, tableParam } from "@tablepipe/core";
import { markBuiltIn } from "@tablepipe/core/internal";
import { type ColumnTable, table as makeTable } from "arquero";
import * as z from "zod";
import { type ColumnValues, columnValues } from "./internal/columns";
import { valueKind } from "./internal/missing";
import { visibleRows } from "./internal/rows";
import { checkUnionStamps, unionType } from "./internal/union-types";

function quoted(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(", ");
}

/** The kind of the first present value among `rows`, or undefined when every value is missing. */
function firstKind(values: ColumnValues, rows: Uint32Array): { kind: string; row: number } | undefined {
  for (let i = 0; i < rows.length; ++i) {
    const value = values[rows[i]!];
    if (!isMissing(value)) return { kind: valueKind(value), row: i };
  }
  return undefined;
}

/** The values at `top` rows of `a` then `bottom` rows of `b`: two `Float64Array`s stay one. */
function concatenated(a: ColumnValues, top: Uint32Array, b: ColumnValues, bottom: Uint32Array) {
  const n = top.length + bottom.length;
  const out =
    a instanceof Float64Array && b instanceof Float64Array ? new Float64Array(n) : new Array<unknown>(n);
  for (let i = 0; i < top.length; ++i) out[i] = a[top[i]!] as number;
  for (let j = 0; j < bottom.length; ++j) out[top.length + j] = b[bottom[j]!] as number;
  return out;
}

/**
 * Append the rows of another table with the same columns: SQL's `UNION ALL BY NAME` (every row kept, no
 * dedupe; follow it with `dropDuplicates` for `UNION`). Columns match by name, in any order; the output has
 * the input's column order, the input's rows, then the other's, each in their order.
 *
 * - A column missing from either table is an error naming the missing and the extra columns.
 * - A column holding numbers (or time stamps) in one table and strings or booleans in the other is an error
 *   naming it; a column holding only missing values fits any.
 * - A column of time stamps (or dates) in one table and other numbers in the other is an error naming it and
 *   both types, before any row is read; a date with a time stamp gives a time stamp (the date is its midnight).
 *
 * Params: `other` (required), a table.
 *
 * @example
 * union(januaryOrders, { other: februaryOrders });
 */
export const union = defineTransform({
  name: "union",
  description: "Append the rows of another table with the same columns, matched by name (UNION ALL).",
  params: z.object({ other: tableParam().describe("The table whose rows are appended.") }),
  // a time stamp with another number is refused before any row is read
  check: ({ other }, input) => checkUnionStamps(input, schemaOf(other)),
  // The input's types (int and float together make float, a date and a time stamp a time stamp; a column of
  // nulls takes the other's type); nullable where either table's column is.
  types: ({ other }, input) => {
    const theirs = schemaOf(other);
    return Object.fromEntries(
      Object.entries(input).map(([name, ours]) => [name, unionType(ours, theirs[name])]),
    );
  },
  apply: (table, { other }): ColumnTable => {
    const names = table.columnNames();
    const otherNames = other.columnNames();
    const missing = names.filter((name) => !otherNames.includes(name));
    const extra = otherNames.filter((name) => !names.includes(name));
    if (missing.length > 0 || extra.length > 0) {
      const parts = [
        missing.length > 0 ? `lacks ${quoted(missing)}` : "",
        extra.length > 0 ? `has extra ${extra.length === 1 ? "column" : "columns"} ${quoted(extra)}` : "",
      ].filter(Boolean);
      throw new TypeError(
        `union: the other table ${parts.join(" and ")}; expected the same columns as the input (${names.join(", ")})`,
      );
    }
    const top = visibleRows(table);
    const bottom = visibleRows(other);
    const data: Record<string, unknown> = {};
    for (const name of names) {
      const a = columnValues(table, name);
      const b = columnValues(other, name);
      const ka = firstKind(a, top);
      const kb = firstKind(b, bottom);
      if (ka !== undefined && kb !== undefined && ka.kind !== kb.kind) {
        throw new TypeError(
          `union: column "${name}" holds ${ka.kind}s in the input (row ${ka.row}) but ${kb.kind}s in the ` +
            `other table (row ${kb.row}); expected one type`,
        );
      }
      data[name] = concatenated(a, top, b, bottom);
    }
    return makeTable(data as Record<string, unknown[]>, names);
  },
});

markBuiltIn(union);
