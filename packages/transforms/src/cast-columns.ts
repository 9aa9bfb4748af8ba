import {
  type CastType,
  cast,
  col,
  defineTransform,
  type KnownTypesOf,
  type NoColumnTypes,
  type StaticContract,
  withStaticContract,
} from "@tablepipe/core";
import { evaluateExpression, markBuiltIn, vectorToColumn } from "@tablepipe/core/internal";
import * as z from "zod";
import { expressionInput } from "./internal/expression-input";
import { assignColumns, visibleRows } from "./internal/rows";

/** The columns of `castColumns`: it needs (and overwrites in place) the columns it casts. */
export interface CastColumnsColumns extends StaticContract {
  needs: this["params"] extends { columns: infer M } ? keyof M & string : never;
  adds: never;
  removes: never;
  /** Each cast column has its new type. */
  types: this["params"] extends { columns: infer M } ? KnownTypesOf<M> : NoColumnTypes;
}

const CAST_TYPES = ["int", "float", "string", "boolean", "timestamp"] as const satisfies readonly CastType[];

/**
 * Convert columns to another type, in place: `{ column: type }`, with the rules of the expression `cast`
 * (SQL's `CAST`). Null stays null; `int` truncates toward zero; a string becomes a number from its decimal
 * text, a boolean from `true`/`false` (any case), a time stamp (epoch milliseconds) from the table reader's
 * layouts; a number or boolean becomes its text. A value that cannot be cast is an error naming the step,
 * the column, the row (0-based, as the table shows it) and the value. Numbers with no null become a
 * `Float64Array`; other results are arrays with `null`. Rows and their order are unchanged. (Named
 * `castColumns` so that it never clashes with the expression `cast` of `@tablepipe/core`.)
 *
 * Params: `columns` (required), `{ column: "int" | "float" | "string" | "boolean" | "timestamp" }`.
 *
 * @example
 * castColumns(orders, { columns: { quantity: "int", ordered_at: "timestamp", paid: "boolean" } });
 */
export const castColumns = withStaticContract<CastColumnsColumns>()(
  defineTransform({
    name: "castColumns",
    description: "Convert columns to another type in place (int, float, string, boolean, timestamp).",
    params: z.object({
      columns: z
        .record(
          z.string().min(1, "expected a non-empty column name"),
          z.enum(CAST_TYPES, { error: `expected one of ${CAST_TYPES.join(", ")}` }),
        )
        .describe("The new types: { column: type }."),
    }),
    contract: ({ columns }) => ({ needs: Object.keys(columns) }),
    types: ({ columns }, input) =>
      Object.fromEntries(
        Object.entries(columns).map(([name, to]) => [
          name,
          { type: to, nullable: input[name]?.nullable ?? true },
        ]),
      ),
    apply: (table, { columns }) => {
      const rows = visibleRows(table);
      const input = expressionInput(table, rows);
      const values: Record<string, unknown[] | Float64Array> = {};
      for (const [name, to] of Object.entries(columns)) {
        values[name] = vectorToColumn(
          evaluateExpression(cast(col(name), to), input, `castColumns: column "${name}"`),
          rows.length,
        );
      }
      return assignColumns(table, rows, values);
    },
  }),
);

markBuiltIn(castColumns);
