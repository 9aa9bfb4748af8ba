import type { CastType, ExprNode } from "@tablepipe/core";
import type { KnownTypes } from "./step-rendering";

/**
 * The type an expression's SQL has where it is plain to see (a column, a cast, a time-stamp literal, `concat`, `abs`,
 * `floor` or `ceil` of a float), else undefined. `abs`, `floor` and `ceil` are DOUBLEs in SQL, so of an int (an
 * `int` in process) their type is not given, as arithmetic's is not.
 */
export function exprType(expr: ExprNode, types: KnownTypes): CastType | undefined {
  switch (expr.kind) {
    case "column":
      return types[expr.name];
    case "cast":
      return expr.to;
    case "literal":
      if (expr.timestamp === true) return "timestamp";
      if (typeof expr.value === "string") return "string";
      if (typeof expr.value === "boolean") return "boolean";
      return undefined;
    case "binary":
      return expr.op === "concat" ? "string" : undefined;
    case "unary":
      return (expr.op === "abs" || expr.op === "floor" || expr.op === "ceil") &&
        exprType(expr.arg, types) === "float"
        ? "float"
        : undefined;
    default:
      return undefined;
  }
}
