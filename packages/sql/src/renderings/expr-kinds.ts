import { ExpressionError, type ExprNode } from "@tablepipe/core";
import { type ColumnKind, columnKind, expressionKind, type ValueKind } from "@tablepipe/core/internal";
import type { KnownTypes } from "../step-rendering";

/**
 * The kind of values `expr` gives in process on columns of the known types, or undefined when the in-process
 * step's own check refuses it (arithmetic on strings, `lower` of numbers, ...): the rendering then declines, so
 * the step runs in process and fails there with its error (or passes, on columns holding only nulls). A column
 * of unknown type is never refused.
 */
export function inProcessKind(expr: ExprNode, types: KnownTypes): ValueKind | undefined {
  const kinds: Record<string, ColumnKind> = {};
  for (const [name, type] of Object.entries(types)) kinds[name] = columnKind(type);
  try {
    return expressionKind(expr, kinds, "check");
  } catch (error) {
    if (error instanceof ExpressionError) return undefined;
    throw error;
  }
}
