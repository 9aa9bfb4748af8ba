import { defineTransform, needsEach, type StaticContract, withStaticContract } from "@tablepipe/core";
import { markBuiltIn } from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";

/** The columns of `dropColumns`: it removes the listed ones; the others keep their known types. */
export interface DropColumnsColumns extends StaticContract {
  needs: never;
  adds: never;
  removes: this["params"] extends { columns: readonly (infer C extends string)[] } ? C : never;
}

/**
 * Drop the listed columns (pandas' `drop(columns=...)`, Spark's `drop`); the others keep their order and rows are
 * unchanged. A listed column the table lacks is an error naming it (checked before any row is read), as a
 * misspelt name is a compile error.
 *
 * Params: `columns` (required).
 *
 * @example dropColumns(trips, { columns: ["store_and_fwd_flag", "rate_code"] });
 */
export const dropColumns = withStaticContract<DropColumnsColumns>()(
  defineTransform({
    name: "dropColumns",
    description: "Drop the listed columns; the others keep their order.",
    columns: { columns: needsEach() },
    contract: ({ columns }) => ({ removes: [...new Set(columns)] }),
    apply: (table, { columns }): ColumnTable =>
      table.select(table.columnNames().filter((name) => !columns.includes(name))),
  }),
);

markBuiltIn(dropColumns);
