import {
  defineTransform,
  type ExprColumns,
  exprColumns,
  expressionType,
  exprParam,
  type StaticContract,
  withStaticContract,
} from "@tablepipe/core";
import {
  evaluateExpression,
  expressionKind,
  expressionKinds,
  markBuiltIn,
  vectorToColumn,
} from "@tablepipe/core/internal";
import * as z from "zod";
import { expressionInput } from "./internal/expression-input";
import { assignColumns, visibleRows } from "./internal/rows";

/** The columns of `derive`: it needs those its expressions reference and adds (or overwrites) the named ones. */
export interface DeriveColumns extends StaticContract {
  needs: ExprColumns<this["params"]>;
  adds: this["params"] extends { columns: infer M } ? keyof M & string : never;
  removes: never;
}

/** The step an expression's error names: `derive: column "total"`. */
function deriveStep(name: string): string {
  return `derive: column "${name}"`;
}

/**
 * Add (or overwrite) columns computed by expressions, each from the input's columns (SQL's `SELECT *, expr
 * AS name`: one new column never sees another). Numbers with no null become a `Float64Array`; other results
 * are arrays with `null`. Rows and their order are unchanged. An expression the declared column types refuse
 * (`div(col("status"), 2)` on a string column) fails before any row is read.
 *
 * Params: `columns` (required), `{ name: expression }`.
 *
 * @example
 * derive(orders, { columns: { total: mul(col("price"), col("quantity")), month: month(col("ordered_at")) } });
 */
export const derive = withStaticContract<DeriveColumns>()(
  defineTransform({
    name: "derive",
    rowLocal: true,
    description: "Add or overwrite columns computed by expressions on each row.",
    params: z.object({
      columns: z
        .record(z.string().min(1, "expected a non-empty column name"), exprParam())
        .describe("The new columns: { name: expression }."),
    }),
    contract: ({ columns }) => ({
      needs: [...new Set(Object.values(columns).flatMap((expr) => exprColumns(expr)))],
      adds: Object.keys(columns),
      // derive is the one step meant to overwrite: { fare: mul(col("fare"), 100) }.
      replaces: Object.keys(columns),
    }),
    // each expression on the declared column types, before any row is read: the run's own check on no rows
    check: ({ columns }, input) => {
      const kinds = expressionKinds(input);
      for (const [name, expr] of Object.entries(columns)) expressionKind(expr, kinds, deriveStep(name));
    },
    types: ({ columns }, input) =>
      Object.fromEntries(Object.entries(columns).map(([name, expr]) => [name, expressionType(expr, input)])),
    apply: (table, { columns }) => {
      const rows = visibleRows(table);
      const input = expressionInput(table, rows);
      const values: Record<string, unknown[] | Float64Array> = {};
      for (const [name, expr] of Object.entries(columns)) {
        values[name] = vectorToColumn(evaluateExpression(expr, input, deriveStep(name)), rows.length);
      }
      return assignColumns(table, rows, values);
    },
  }),
);

markBuiltIn(derive);
