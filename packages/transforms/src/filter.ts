import {
  defineTransform,
  type ExprColumns,
  ExpressionError,
  type ExprNode,
  exprColumns,
  exprParam,
  formatExpr,
  type StaticContract,
  withStaticContract,
} from "@tablepipe/core";
import {
  evaluateExpression,
  expressionKind,
  expressionKinds,
  markBuiltIn,
  trueRows,
  type ValueKind,
} from "@tablepipe/core/internal";
import * as z from "zod";
import { expressionInput } from "./internal/expression-input";
import { keepPositions, visibleRows } from "./internal/rows";

/** The columns of `filter`: those its condition references. */
export interface FilterColumns extends StaticContract {
  needs: ExprColumns<this["params"]>;
  adds: never;
  removes: never;
}

/** Throw unless a condition gives booleans (or nulls only). */
function requireCondition(where: ExprNode, kind: ValueKind): void {
  if (kind !== "boolean" && kind !== "null") {
    throw new ExpressionError("filter", formatExpr(where), `expected a condition (booleans), got ${kind}s`);
  }
}

/**
 * Keep the rows where an expression is true: SQL's `WHERE`. A row where it is false or null is dropped
 * (`gt(col("amount"), 10)` drops the rows with no amount). The survivors keep their input order. A condition
 * the declared column types refuse (`gt(col("status"), 3)` on a string column) fails before any row is read.
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
    // the condition on the declared column types, before any row is read: the run's own check on no rows
    check: ({ where }, input) =>
      requireCondition(where, expressionKind(where, expressionKinds(input), "filter")),
    keepWhere: ({ where }) => where,
    apply: (table, { where }) => {
      const rows = visibleRows(table);
      const result = evaluateExpression(where, expressionInput(table, rows), "filter");
      requireCondition(where, result.kind);
      return keepPositions(table, rows, trueRows(result, rows.length));
    },
  }),
);

markBuiltIn(filter);
