import type { BinaryOp, CastType, ExprNode, UnaryOp } from "@tablepipe/core";
import { isArithmetic, isDatePart, pickedValues } from "@tablepipe/core/internal";
import type { KnownTypes } from "./step-rendering";

/** The number functions whose result is a float in process too (a DOUBLE in SQL). */
const FLOAT_FUNCTIONS: ReadonlySet<string> = new Set(["sqrt", "ln", "exp"]);

/** The operators whose SQL is a BOOLEAN: comparisons, boolean logic, string tests, null tests. */
const BOOLEAN_OPS: ReadonlySet<BinaryOp | UnaryOp> = new Set([
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
  "not",
  "isNull",
  "isNotNull",
]);

/**
 * The type an expression's SQL has where it is plain to see (a column, a cast, a literal, arithmetic, `concat` and
 * the string functions, `length` and the date parts, `truncate`, a comparison, boolean logic, a null test, `abs`,
 * `floor`, `ceil` or `round` of a float, `sqrt`, `ln`, `exp`, a `coalesce` or `case` of values of one type), else
 * undefined. Arithmetic (`mod` too) is on DOUBLEs in SQL, so it is a float; `abs`, `floor`, `ceil` and `round` of
 * an int or a time stamp are not given.
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
      // `toSql` computes arithmetic on DOUBLEs, as JavaScript's numbers are
      if (isArithmetic(expr.op)) return "float";
      if (expr.op === "round") return exprType(expr.left, types) === "float" ? "float" : undefined;
      if (expr.op === "pow") return "float";
      if (BOOLEAN_OPS.has(expr.op)) return "boolean";
      return expr.op === "concat" ? "string" : undefined;
    case "unary":
      if (FLOAT_FUNCTIONS.has(expr.op)) return "float";
      // a string's length and the date parts are BIGINTs (DuckDB) or INTs (Spark)
      if (expr.op === "length" || isDatePart(expr.op)) return "int";
      if (BOOLEAN_OPS.has(expr.op)) return "boolean";
      if (expr.op === "lower" || expr.op === "upper" || expr.op === "trim") return "string";
      return (expr.op === "abs" || expr.op === "floor" || expr.op === "ceil") &&
        exprType(expr.arg, types) === "float"
        ? "float"
        : undefined;
    case "in":
      return "boolean";
    case "trunc":
      return "timestamp";
    case "replace":
    case "substring":
      return "string";
    case "coalesce":
    case "greatest":
    case "least":
    case "case":
      return pickedType(pickedValues(expr), types);
    default:
      return undefined;
  }
}

/** Whether a value is a null literal (NaN is rendered as NULL too). */
function isNullLiteral(value: ExprNode): boolean {
  return value.kind === "literal" && (value.value === null || Number.isNaN(value.value));
}

/**
 * The type of a value a `coalesce` or `case` picks: its {@link exprType}, or for a number literal the type SQL reads
 * it as (a whole number within 2^53 an integer, any other a DOUBLE; a whole number past it may be a wider integer).
 */
function valueType(value: ExprNode, types: KnownTypes): CastType | undefined {
  if (value.kind !== "literal" || typeof value.value !== "number" || value.timestamp === true) {
    return exprType(value, types);
  }
  if (Number.isSafeInteger(value.value)) return "int";
  return Number.isInteger(value.value) ? undefined : "float";
}

/**
 * The type SQL gives a `coalesce` or `case` of these values: their one type, null literals aside (ints with floats
 * are floats); undefined when a value's type is unknown, the types differ otherwise, or every value is null.
 */
function pickedType(values: readonly ExprNode[], types: KnownTypes): CastType | undefined {
  const found = new Set<CastType>();
  for (const value of values) {
    if (isNullLiteral(value)) continue;
    const type = valueType(value, types);
    if (type === undefined) return undefined;
    found.add(type);
  }
  if (found.size === 2 && found.has("int") && found.has("float")) return "float";
  return found.size === 1 ? [...found][0] : undefined;
}
