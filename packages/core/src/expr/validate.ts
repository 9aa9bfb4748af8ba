import * as z from "zod";
import { DATE_PARTS } from "./date-parts";
import { isQuantileFraction, MEASURE_FNS } from "./measures";
import type { Expr, ExprNode } from "./nodes";
import { isRoundDigits } from "./number-functions";
import { isWholeAtLeast } from "./whole-number";

const BINARY = new Set([
  "add",
  "sub",
  "mul",
  "div",
  "mod",
  "pow",
  "eq",
  "ne",
  "lt",
  "le",
  "gt",
  "ge",
  "and",
  "or",
  "contains",
  "startsWith",
  "endsWith",
  "concat",
]);
const UNARY = new Set([
  "not",
  "isNull",
  "isNotNull",
  "neg",
  "abs",
  "floor",
  "ceil",
  "sqrt",
  "ln",
  "exp",
  "lower",
  "upper",
  "trim",
  "length",
  ...DATE_PARTS,
]);
const UNITS = new Set(["minute", "hour", "day", "week", "month", "year"]);
const CASTS = new Set(["int", "float", "string", "boolean", "timestamp"]);

/** Whether `round`'s right side is its digits: a literal whole number from -15 to 15. */
function isRoundDigitsLiteral(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.kind === "literal" && v.timestamp === undefined && isRoundDigits(v.value);
}

function isLiteral(value: unknown): boolean {
  return (
    value === null || typeof value === "number" || typeof value === "string" || typeof value === "boolean"
  );
}

/** True when `value` is a well-formed expression tree (as built by the helpers, or read back from JSON). */
export function isExprNode(value: unknown): value is ExprNode {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  switch (v.kind) {
    case "column":
      return typeof v.name === "string" && v.name !== "";
    case "literal":
      return isLiteral(v.value) && (v.timestamp === undefined || typeof v.timestamp === "boolean");
    case "binary":
      if (v.op === "round") return isExprNode(v.left) && isRoundDigitsLiteral(v.right);
      return BINARY.has(v.op as string) && isExprNode(v.left) && isExprNode(v.right);
    case "unary":
      return UNARY.has(v.op as string) && isExprNode(v.arg);
    case "trunc":
      return UNITS.has(v.unit as string) && isExprNode(v.arg);
    case "replace":
      return (
        typeof v.search === "string" &&
        v.search !== "" &&
        typeof v.replacement === "string" &&
        isExprNode(v.arg)
      );
    case "substring":
      return (
        isWholeAtLeast(v.start, 1) &&
        (v.length === undefined || isWholeAtLeast(v.length, 0)) &&
        isExprNode(v.arg)
      );
    case "in":
      return isExprNode(v.arg) && Array.isArray(v.values) && v.values.every(isLiteral);
    case "coalesce":
      return Array.isArray(v.args) && v.args.every(isExprNode);
    case "greatest":
    case "least":
      return Array.isArray(v.args) && v.args.length > 0 && v.args.every(isExprNode);
    case "case":
      return (
        Array.isArray(v.branches) &&
        v.branches.every(
          (b: unknown) =>
            typeof b === "object" &&
            b !== null &&
            isExprNode((b as Record<string, unknown>).when) &&
            isExprNode((b as Record<string, unknown>).result),
        ) &&
        isExprNode(v.otherwise)
      );
    case "cast":
      return CASTS.has(v.to as string) && isExprNode(v.arg);
    default:
      return false;
  }
}

/**
 * A zod schema for a param that takes an expression (built with `col`, `gt`, ...; a bare literal is not an
 * expression here: wrap it in `lit`).
 */
export function exprParam() {
  return z.custom<Expr>((value) => isExprNode(value), {
    message: "expected an expression (built with col(...), gt(...), ...)",
  });
}

const MEASURES: ReadonlySet<string> = new Set(MEASURE_FNS);

const NOT_A_MEASURE = "expected a measure (count(), sum(col(...)), quantile(col(...), 0.9), ...)";

/**
 * What is wrong with `value` as a measure node (a known function, its expression, none only for `count()`, and
 * `quantile`'s q from 0 to 1, which no other measure takes), or undefined when it is one.
 */
function measureProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return NOT_A_MEASURE;
  const { fn, of, q } = value as Record<string, unknown>;
  if (!MEASURES.has(fn as string)) return NOT_A_MEASURE;
  if (of === undefined ? fn !== "count" : !isExprNode(of)) return NOT_A_MEASURE;
  if (fn === "quantile") {
    return isQuantileFraction(q)
      ? undefined
      : `expected quantile's q, a number from 0 to 1 (quantile(col(...), 0.9))`;
  }
  return q === undefined ? undefined : `expected no q: only quantile takes one`;
}

/** A zod schema for a param that takes a measure (`sum(col("amount"))`, `count()`, `quantile(col("x"), 0.9)`, ...). */
export function measureParam() {
  return z.custom<import("./measures").Measure>((value) => measureProblem(value) === undefined, {
    error: (issue) => measureProblem(issue.input) ?? NOT_A_MEASURE,
  });
}
