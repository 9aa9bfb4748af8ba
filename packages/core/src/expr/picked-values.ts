import type { ExprNode } from "./nodes";

/** A `coalesce`, `greatest`, `least` or a `case`: an expression that gives one of several values. */
export type PickingNode = Extract<ExprNode, { kind: "coalesce" | "greatest" | "least" | "case" }>;

/**
 * The values a `coalesce` or `case` gives one of: its arguments, or its branches' results and its `otherwise`.
 * @example pickedValues(coalesce(col("a"), 0)) // [col("a"), lit(0)]
 */
export function pickedValues(node: PickingNode): readonly ExprNode[] {
  return node.kind === "case" ? [...node.branches.map((b) => b.result), node.otherwise] : node.args;
}

/**
 * Whether every value a `coalesce` or `case` gives passes `test`, `null` literals aside (they fit any), and one
 * at least is not a `null` literal.
 */
export function everyPickedValue(node: PickingNode, test: (value: ExprNode) => boolean): boolean {
  const values = pickedValues(node).filter((value) => !(value.kind === "literal" && value.value === null));
  return values.length > 0 && values.every(test);
}
