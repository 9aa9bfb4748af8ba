import {
  defineTransform,
  type ExprColumns,
  ExpressionError,
  exprColumns,
  exprParam,
  formatExpr,
  type StaticContract,
  withStaticContract,
} from "@tablepipe/core";
import { evaluateExpression, trueRows } from "@tablepipe/core/internal";
import * as z from "zod";
import { expressionInput } from "./internal/expression-input";
import { keepPositions, visibleRows } from "./internal/rows";

/** The columns of `filter`: those its condition references. */
export interface FilterColumns extends StaticContract {
  needs: ExprColumns<this["params"]>;
  adds: never;
  removes: never;
}

/**
 * Keep the rows where an expression is true: SQL's `WHERE`. A row where it is false or null is dropped
 * (`gt(col("amount"), 10)` drops the rows with no amount). The survivors keep their input order.
 *
 * Params: `where` (required), a boolean expression built with the helpers of `@tablepipe/core`.
 *
 * @example
 * filter(orders, { where: and(gt(col("amount"), 10), eq(col("status"), "paid")) });
 */
export const filter = withStaticContract<FilterColumns>()(
  defineTransform({
    name: "filter",
    rowLocal: true,
    description: "Keep the rows where a boolean expression is true (false and null drop the row).",
    params: z.object({ where: exprParam().describe("The condition, a boolean expression.") }),
    contract: ({ where }) => ({ needs: exprColumns(where) }),
    keepWhere: ({ where }) => where,
    apply: (table, { where }) => {
      const rows = visibleRows(table);
      const result = evaluateExpression(where, expressionInput(table, rows), "filter");
      if (result.kind !== "boolean" && result.kind !== "null") {
        throw new ExpressionError(
          "filter",
          formatExpr(where),
          `expected a condition (booleans), got ${result.kind}s`,
        );
      }
      return keepPositions(table, rows, trueRows(result, rows.length));
    },
  }),
);
