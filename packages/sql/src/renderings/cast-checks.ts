import { type CastType, type ExprNode, SQL_DIALECTS, type SqlStepContext } from "@tablepipe/core";
import { rendersDouble } from "@tablepipe/core/internal";
import type { KnownTypes } from "../step-rendering";
import { floatCastTest, sqlText, stringCastTest, unknownCastTest } from "./cast-text";
import { inProcessKind } from "./expr-kinds";

/**
 * The type of a value a check reads: a string, a DOUBLE, of a type the compiler does not know (`unknown`: a
 * column a `derive` it cannot type gave, a text or a DOUBLE at run time), or a number whose SQL type it does not
 * know (`number`: a `coalesce` or `case` of numbers, a BIGINT or a DOUBLE at run time).
 */
export type CheckedType = "string" | "float" | "unknown" | "number";

/**
 * A cast that can fail, as a step's query checks it: of a string to `int`, `float` or `boolean`, or of a float
 * to `int` (past 2^63 in magnitude).
 */
export interface CastCheck {
  /** Where the in-process error says it failed: `castColumns: column "x"`, `derive: column "y"`, `filter`. */
  readonly where: string;
  /** The cast, as the in-process error shows it. */
  readonly cast: Extract<ExprNode, { kind: "cast" }>;
  /** The SQL of the value the cast reads (a cell, or its operand's expression). */
  readonly value: string;
  /** The value's type: a string, a DOUBLE, or unknown to the compiler (the engine's type decides the test). */
  readonly from: CheckedType;
  /** The SQL test a non-null value passes when it converts as in process. */
  readonly converts: string;
  /** What the error says is expected. */
  readonly expected: string;
}

/** The check of `cast` reading `value` (SQL) of type `from`, or undefined when the cast cannot fail. */
export function castCheck(
  c: SqlStepContext,
  where: string,
  cast: Extract<ExprNode, { kind: "cast" }>,
  value: string,
  from: CastType | CheckedType | undefined,
): CastCheck | undefined {
  if (from !== "string" && from !== "float" && from !== "unknown" && from !== "number") return undefined;
  const test =
    from === "float"
      ? floatCastTest(value, cast.to)
      : from === "string"
        ? stringCastTest(c, value, from, cast.to)
        : unknownCastTest(c, value, cast.to, from === "unknown");
  return test === undefined ? undefined : { where, cast, value, from, ...test };
}

/**
 * The type of an operand's SQL where a cast of it can fail: `string` for an expression giving strings in process,
 * `float` for one whose SQL is a DOUBLE (a float column, arithmetic, which is on doubles, a negation or cast to
 * float of one, and whatever `toSql` renders as a DOUBLE: `rendersDouble`), `unknown` for one of columns of unknown
 * type only (its kind is null on the known types: a text or a DOUBLE at run time), `number` for a `coalesce` or `case` giving numbers
 * (a BIGINT or a DOUBLE), or a negation of either; undefined for any other (an int column's BIGINT always fits an
 * `int`; a null literal never fails).
 */
function operandType(expr: ExprNode, types: KnownTypes): CheckedType | undefined {
  const kind = inProcessKind(expr, types);
  if (kind === "string") return "string";
  const double =
    (expr.kind === "column" && types[expr.name] === "float") ||
    rendersDouble(expr) ||
    (expr.kind === "cast" && expr.to === "float");
  if (double) return "float";
  if (expr.kind === "unary" && expr.op === "neg") {
    const negated = operandType(expr.arg, types);
    return negated === "string" ? undefined : negated;
  }
  const picks = expr.kind === "coalesce" || expr.kind === "greatest" || expr.kind === "least";
  if (kind === "number" && (picks || expr.kind === "case")) return "number";
  return kind === "null" && expr.kind !== "literal" ? "unknown" : undefined;
}

/** The casts within `expr` in the order the in-process evaluation meets them (operands first, left to right). */
function castsOf(expr: ExprNode): Extract<ExprNode, { kind: "cast" }>[] {
  switch (expr.kind) {
    case "column":
    case "literal":
      return [];
    case "binary":
      return [...castsOf(expr.left), ...castsOf(expr.right)];
    case "unary":
    case "trunc":
    case "replace":
    case "substring":
    case "in":
      return castsOf(expr.arg);
    case "coalesce":
    case "greatest":
    case "least":
      return expr.args.flatMap(castsOf);
    case "case":
      return [
        ...expr.branches.map((b) => b.when),
        ...expr.branches.map((b) => b.result),
        expr.otherwise,
      ].flatMap(castsOf);
    case "cast":
      return [...castsOf(expr.arg), expr];
  }
}

/**
 * The checks of the casts within an expression that can fail (in the order in process meets them): of strings,
 * and of floats to `int`; or undefined when one is a string to a time stamp (in process reads it with the table
 * reader's layouts, which SQL cannot: the rendering declines). A string is an operand of the in-process kind
 * string on the known column types.
 */
export function exprCastChecks(
  c: SqlStepContext,
  where: string,
  expr: ExprNode,
  types: KnownTypes,
): CastCheck[] | undefined {
  const checks: CastCheck[] = [];
  for (const cast of castsOf(expr)) {
    const from = operandType(cast.arg, types);
    if (from === "string" && cast.to === "timestamp") return undefined;
    const check = from === undefined ? undefined : castCheck(c, where, cast, c.expr(cast.arg), from);
    if (check !== undefined) checks.push(check);
  }
  return checks;
}

/**
 * The checks of the casts that can fail within several expressions, each with where its error says it failed
 * (`derive: column "y"`, `aggregate: measure "s"`), in the order given (as in process evaluates them); undefined
 * when one casts a string to a time stamp (the rendering declines).
 */
export function exprsCastChecks(
  c: SqlStepContext,
  exprs: readonly (readonly [where: string, expr: ExprNode | undefined])[],
  types: KnownTypes,
): CastCheck[] | undefined {
  const checks: CastCheck[] = [];
  for (const [where, expr] of exprs) {
    const own = expr === undefined ? [] : exprCastChecks(c, where, expr, types);
    if (own === undefined) return undefined;
    checks.push(...own);
  }
  return checks;
}

/** The error a value that does not convert raises: where, the value and what was expected. */
function castFailure(
  c: SqlStepContext,
  where: string,
  value: string,
  to: CastType,
  expected: string,
): string {
  const prefix = sqlText(c, `${where}: cannot cast "`);
  return SQL_DIALECTS[c.dialect].raiseError(
    `${prefix} || ${value} || ${sqlText(c, `" to ${to}; expected ${expected}`)}`,
  );
}

/**
 * A condition raising the error of the first check a row's value fails, else `otherwise` (default TRUE), for a
 * step's `WHERE`: a filter decides the rows, so the engine never prunes it, whether a later step reads the cast
 * column or not; one expression, left in its step (`SqlDialect.inPlace`), so it sees the rows the step sees in
 * process, no more (an earlier join's or filter's rows are gone) and no fewer (it is not split from `otherwise`).
 */
export function castGuard(c: SqlStepContext, checks: readonly CastCheck[], otherwise = "TRUE"): string {
  const text = SQL_DIALECTS[c.dialect].types.string;
  const whens = checks.map((k) => {
    const shown = k.from === "unknown" || k.from === "number" ? `CAST(${k.value} AS ${text})` : k.value;
    return `WHEN ${k.value} IS NOT NULL AND NOT (${k.converts}) THEN ${castFailure(c, k.where, shown, k.cast.to, k.expected)}`;
  });
  return SQL_DIALECTS[c.dialect].inPlace(`(CASE ${whens.join(" ")} ELSE ${otherwise} END)`);
}
