import { formatTimestamp, isEpochMillis } from "../time/timestamp";
import type { ExprNode, LiteralValue } from "./nodes";

function literal(value: LiteralValue): string {
  return value === null ? "null" : JSON.stringify(value);
}

/** A time-stamp literal as the call that builds it: `timestamp("2024-01-01 06:00:00")` (its epoch milliseconds past a Date's range). */
function timestampCall(value: LiteralValue): string {
  if (typeof value !== "number" || !isEpochMillis(value)) return `timestamp(${String(value)})`;
  return `timestamp(${JSON.stringify(formatTimestamp(value).replace("T", " "))})`;
}

/** The parts of a `concat` as its helper took them: `concat(a, b, c)` is built as `concat(concat(a, b), c)`. */
function concatParts(node: ExprNode): ExprNode[] {
  return node.kind === "binary" && node.op === "concat" ? [...concatParts(node.left), node.right] : [node];
}

/**
 * An expression as the helper calls that build it, for error messages.
 * @example formatExpr(gt(col("amount"), 10)) // 'gt(col("amount"), 10)'
 */
export function formatExpr(node: ExprNode): string {
  switch (node.kind) {
    case "column":
      return `col(${JSON.stringify(node.name)})`;
    case "literal":
      return node.timestamp === true ? timestampCall(node.value) : literal(node.value);
    case "binary":
      if (node.op === "concat") return `concat(${concatParts(node).map(formatExpr).join(", ")})`;
      return `${node.op}(${formatExpr(node.left)}, ${formatExpr(node.right)})`;
    case "unary":
      return `${node.op}(${formatExpr(node.arg)})`;
    case "trunc":
      return `truncate(${formatExpr(node.arg)}, "${node.unit}")`;
    case "replace":
      return `replace(${formatExpr(node.arg)}, ${JSON.stringify(node.search)}, ${JSON.stringify(node.replacement)})`;
    case "substring":
      return `substring(${formatExpr(node.arg)}, ${node.start}${node.length === undefined ? "" : `, ${node.length}`})`;
    case "in":
      return `isIn(${formatExpr(node.arg)}, [${node.values.map(literal).join(", ")}])`;
    case "coalesce":
    case "greatest":
    case "least":
      return `${node.kind}(${node.args.map(formatExpr).join(", ")})`;
    case "case": {
      const branches = node.branches.map((b) => `[${formatExpr(b.when)}, ${formatExpr(b.result)}]`);
      return `caseWhen([${branches.join(", ")}], ${formatExpr(node.otherwise)})`;
    }
    case "cast":
      return `cast(${formatExpr(node.arg)}, "${node.to}")`;
  }
}
