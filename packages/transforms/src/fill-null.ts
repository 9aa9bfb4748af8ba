import {
  defineTransform,
  describeValue,
  isMissing,
  type StaticContract,
  type TableSchema,
  withStaticContract,
} from "@tablepipe/core";
import { declaredKinds, markBuiltIn, withArticle } from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";
import * as z from "zod";
import { type ColumnValues, columnValues } from "./internal/columns";
import { checkDateFills } from "./internal/date-fill";
import { valueKind } from "./internal/missing";
import { assignColumns, visibleRows } from "./internal/rows";

/** The columns of `fillNull`: it needs (and overwrites in place) the columns it fills. */
export interface FillNullColumns extends StaticContract {
  needs: this["params"] extends { columns: infer M } ? keyof M & string : never;
  adds: never;
  removes: never;
}

type FillValue = string | number | boolean;

/** The error of a fill value not of its column's `kind`: `where` says how that is known (a row, the type). */
function misfit(name: string, kind: string, where: string, value: FillValue): TypeError {
  return new TypeError(
    `fillNull: column "${name}" holds ${kind}s (${where}), but the fill value ${describeValue(value)} ` +
      `is ${withArticle(typeof value)}; expected ${withArticle(kind)}`,
  );
}

/** Throw unless every non-missing value of the column is of the fill value's kind. */
function checkFits(name: string, values: ColumnValues, rows: Uint32Array, value: FillValue): void {
  const wanted = typeof value;
  for (let i = 0; i < rows.length; ++i) {
    const cell = values[rows[i]!];
    if (isMissing(cell)) continue;
    const kind = valueKind(cell);
    if (kind !== wanted) throw misfit(name, kind, `row ${i}: ${describeValue(cell)}`, value);
  }
}

/** Throw, before any row is read, when a fill value is not of its column's declared kind. */
function checkDeclared(columns: Record<string, FillValue>, input: TableSchema): void {
  const kinds = declaredKinds(input);
  for (const [name, value] of Object.entries(columns)) {
    const kind = kinds[name];
    if (kind !== undefined && kind !== typeof value) {
      throw misfit(name, kind, `declared ${input[name]!.type}`, value);
    }
  }
}

/** The column's visible values with missing ones replaced: a `Float64Array` stays one. */
function filled(values: ColumnValues, rows: Uint32Array, value: FillValue): Float64Array | unknown[] {
  if (values instanceof Float64Array && typeof value === "number") {
    const out = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; ++i) {
      const v = values[rows[i]!]!;
      out[i] = Number.isNaN(v) ? value : v;
    }
    return out;
  }
  const out = new Array<unknown>(rows.length);
  let dates = false;
  for (let i = 0; i < rows.length && !dates; ++i) dates = values[rows[i]!] instanceof Date;
  const fill = dates && typeof value === "number" ? new Date(value) : value;
  for (let i = 0; i < rows.length; ++i) {
    const v = values[rows[i]!];
    out[i] = isMissing(v) ? fill : v;
  }
  return out;
}

/**
 * Replace the missing values (null, undefined, NaN, an invalid Date) of columns by a value: `{ column: value }`
 * (SQL's `COALESCE(column, value)`). The value must be of the column's type: a number for numbers and time
 * stamps (epoch milliseconds, e.g. `Date.UTC(2024, 0, 1)`, not a Date; a column holding Date objects gets the
 * fill as a Date; for a `date` column a midnight), a string for strings, a boolean for booleans;
 * otherwise it is an error naming the step, the column, a row's value and the fill value. A column whose type
 * is declared (a read's row schema, `typedTable`) is checked before any row is read, against that type; a
 * column of a plain table holding only missing values takes any value. Rows and their order are unchanged.
 *
 * Params: `columns` (required), `{ column: value }`.
 *
 * @example
 * fillNull(orders, { columns: { discount: 0, status: "unknown", gift: false } });
 */
export const fillNull = withStaticContract<FillNullColumns>()(
  defineTransform({
    name: "fillNull",
    description: "Replace the missing values of columns by a value of the column's type.",
    params: z.object({
      columns: z
        .record(
          z.string().min(1, "expected a non-empty column name"),
          z.union([z.string(), z.number(), z.boolean()], {
            error: "expected a string, a finite number or a boolean",
          }),
        )
        .describe("The fill values: { column: value }."),
    }),
    contract: ({ columns }) => ({ needs: Object.keys(columns) }),
    check: ({ columns }, input) => {
      checkDeclared(columns, input);
      checkDateFills(columns, input);
    },
    // Same type, no longer nullable (an int column filled with 1.5 becomes a float one).
    types: ({ columns }, input) =>
      Object.fromEntries(
        Object.entries(columns).map(([name, value]) => {
          const type = input[name]?.type ?? "unknown";
          const widened = type === "int" && typeof value === "number" && !Number.isInteger(value);
          return [name, { ...input[name], type: widened ? "float" : type, nullable: false }];
        }),
      ),
    apply: (table, { columns }): ColumnTable => {
      const rows = visibleRows(table);
      const data: Record<string, Float64Array | unknown[]> = {};
      for (const [name, value] of Object.entries(columns)) {
        const values = columnValues(table, name);
        checkFits(name, values, rows, value);
        data[name] = filled(values, rows, value);
      }
      return assignColumns(table, rows, data);
    },
  }),
);

markBuiltIn(fillNull);
