import { evaluateExpression } from "./evaluate";
import type { ExprNode } from "./nodes";
import type { ValueKind, Vector } from "./vector";

const EMPTY: { readonly [K in ValueKind]: () => Vector } = {
  number: () => ({ kind: "number", values: new Float64Array(0) }),
  boolean: () => ({ kind: "boolean", values: new Uint8Array(0) }),
  string: () => ({ kind: "string", values: [] }),
  null: () => ({ kind: "null" }),
};

/**
 * The kind of values an expression gives on columns of these kinds, with the very checks
 * `evaluateExpression` makes (it evaluates the expression on no rows): throws its `ExpressionError`, naming
 * `step`, where it would refuse columns of these kinds that hold values. A column not listed may hold
 * anything: it is never refused (as a column of nulls).
 * @example expressionKind(div(col("status"), 2), { status: "string" }, "derive") // throws: expected numbers
 */
export function expressionKind(
  node: ExprNode,
  kinds: Readonly<Record<string, ValueKind>>,
  step: string,
): ValueKind {
  const input = {
    rowCount: 0,
    column: (): readonly unknown[] => [],
    vector: (name: string): Vector => (Object.hasOwn(kinds, name) ? EMPTY[kinds[name]!]() : EMPTY.null()),
  };
  return evaluateExpression(node, input, step).kind;
}
