import type { CastType, ExprNode } from "@tablepipe/core";
import type { KnownTypes } from "./step-rendering";

/** The type an expression's SQL has where it is plain to see (a column, a cast, a time-stamp literal), else undefined. */
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
    default:
      return undefined;
  }
}
