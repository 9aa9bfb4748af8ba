import { formatTimestamp } from "../time/timestamp";
import { DATE_PARTS } from "./date-parts";
import {
  type BinaryOp,
  type CastType,
  type ExprNode,
  isArithmetic,
  type LiteralValue,
  type UnaryOp,
} from "./nodes";
import { everyPickedValue } from "./picked-values";
import { SQL_DIALECTS, type SqlDialect, type SqlDialectName, withoutNaN } from "./sql-dialects";
import { givesStamps } from "./stamp-text";
import { givesInts } from "./types";

const OPERATORS: Partial<Record<BinaryOp, string>> = {
  add: "+",
  sub: "-",
  mul: "*",
  eq: "=",
  ne: "<>",
  lt: "<",
  le: "<=",
  gt: ">",
  ge: ">=",
  and: "AND",
  or: "OR",
};

/**
 * A time stamp (epoch milliseconds) as a SQL literal, to the microsecond: a fraction of a millisecond is kept
 * (`-0.4` is `1969-12-31 23:59:59.999600`), as the loaded columns keep it.
 */
function timestampLiteral(millis: number): string {
  const micros = Math.round(millis * 1000);
  const whole = Math.floor(micros / 1000);
  const text = formatTimestamp(whole).replace("T", " ");
  if (micros === whole * 1000) return `TIMESTAMP '${text}'`;
  const fraction = `${micros - whole * 1000}`.padStart(3, "0");
  return `TIMESTAMP '${text.includes(".") ? text : `${text}.000`}${fraction}'`;
}

function literalSql(value: LiteralValue, timestamp: boolean | undefined, d: SqlDialect): string {
  if (value === null) return "NULL";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return d.stringLiteral(value);
  if (Number.isNaN(value)) return "NULL";
  if (timestamp === true) return timestampLiteral(value);
  if (!Number.isFinite(value)) return `CAST('${value > 0 ? "Infinity" : "-Infinity"}' AS DOUBLE)`;
  const text = String(value);
  const signed = value < 0 || Object.is(value, -0) ? `(${text})` : text;
  // SQL reads 0.1 as an exact DECIMAL, where JavaScript's number is the nearest double: say DOUBLE
  return Number.isInteger(value) ? signed : `CAST(${signed} AS DOUBLE)`;
}

/** The number functions, rendered on DOUBLEs (as in process, and no BIGINT overflow: `abs` of -2^63). */
const ON_DOUBLES: ReadonlySet<UnaryOp> = new Set(["abs", "floor", "ceil", "sqrt", "ln", "exp"]);

/**
 * Whether `toSql` renders `node` as a DOUBLE whatever its operands: arithmetic (`mod` too), `round`, `pow`, and the
 * number functions `abs`, `floor`, `ceil`, `sqrt`, `ln`, `exp`.
 * @example rendersDouble(abs(col("id"))) // true: abs of an int column is a DOUBLE in SQL
 */
export function rendersDouble(node: ExprNode): boolean {
  return (
    (node.kind === "binary" && (isArithmetic(node.op) || node.op === "round" || node.op === "pow")) ||
    (node.kind === "unary" && ON_DOUBLES.has(node.op))
  );
}

/** 2^52 as a DOUBLE literal: from it on every double is whole, so `round` has nothing to round. */
const WHOLE_FROM = "4503599627370496E0";

/**
 * `round(x, digits)` on the DOUBLE `x` as in process (`roundHalfAway`): `y` = `x × 10^digits` (or `x / 10^-digits`)
 * rounded half away from zero as `trunc(2y) - trunc(y)` (below 2^52 both are whole and exact, and `trunc(2y)` is
 * one more than `2 trunc(y)` exactly when `y`'s fraction is a half or more, one less for a negative `y`), scaled
 * back, `+ 0.0` for a zero; `x` itself from 2^52 on. The same IEEE operations, so the same double, on every engine;
 * `x` is written four times (a nested `round` multiplies its operand's text by four, not by eleven).
 */
function roundSql(x: string, digits: number, d: SqlDialect): string {
  const scale = `1E${Math.abs(digits)}`;
  const scaled = digits >= 0 ? `(${x} * ${scale})` : `(${x} / ${scale})`;
  const rounded = `(${d.truncateSmall(`(${scaled} * 2E0)`)} - ${d.truncateSmall(scaled)})`;
  const back = digits >= 0 ? `(${rounded} / ${scale})` : `(${rounded} * ${scale})`;
  return `(CASE WHEN abs(${scaled}) < ${WHOLE_FROM} THEN ${back} + 0.0 ELSE ${x} END)`;
}

/**
 * `pow(x, y)` of DOUBLEs (neither NaN: an operand is rendered with its NaN as null) as JavaScript's `x ** y`: null
 * where JavaScript gives NaN, for a finite negative `x` to a power with a fraction and for ±1 to an infinite power (C's
 * `pow`, DuckDB's, gives 1 there); else the engine's `pow`.
 */
function powSql(x: string, y: string, d: SqlDialect): string {
  const infinity = literalSql(Number.POSITIVE_INFINITY, false, d);
  const fraction = `${y} <> ${d.wholeNumber("floor", y)}`;
  // a finite negative base: -Infinity to a fraction is an infinity or 0, as in C
  const nan = `(abs(${x}) = 1E0 AND abs(${y}) = ${infinity}) OR (${x} < 0 AND ${x} > -${infinity} AND ${fraction})`;
  return `(CASE WHEN ${nan} THEN NULL ELSE pow(${x}, ${y}) END)`;
}

/**
 * An operand of arithmetic as a DOUBLE: cast, unless it is one already (arithmetic, `abs`, `floor`, `ceil`, a
 * literal with a fraction). `inArithmetic`: the operand of another arithmetic operator, which gives NaN for a NaN
 * operand, so an arithmetic operand is left with its NaN (the outermost operator makes it null).
 */
function asDouble(node: ExprNode, r: Rendering, inArithmetic = false): string {
  if (givesStampsIn(node, r)) return r.d.epochMillis(render(node, r));
  const sql =
    inArithmetic && node.kind === "binary" && isArithmetic(node.op)
      ? arithmeticSql(node, r)
      : render(node, r);
  const double =
    rendersDouble(node) ||
    (node.kind === "literal" && typeof node.value === "number" && !Number.isInteger(node.value));
  return double ? sql : `CAST(${sql} AS ${r.d.types.float})`;
}

/**
 * The operand of `abs`, `floor` or `ceil` as a DOUBLE: a time stamp as its epoch milliseconds, which in process it
 * is (SQL cannot cast a time stamp to a number), any other as {@link asDouble}.
 */
function numberOperand(node: ExprNode, r: Rendering): string {
  return asDouble(node, r);
}

/** Whether `node` gives time stamps on the known column types (see `givesStamps`). */
function givesStampsIn(node: ExprNode, r: Rendering): boolean {
  return givesStamps(node, (name) => (r.types[name] === "timestamp" ? "timestamp" : undefined));
}

/** What rendering needs: the dialect, and the columns' types where known. */
interface Rendering {
  readonly d: SqlDialect;
  readonly types: Readonly<Record<string, CastType>>;
}

/** The one-argument functions that give numbers (not time stamps): a negation, the number functions, a length, date parts. */
const NUMBER_FUNCTIONS: ReadonlySet<UnaryOp> = new Set([
  "neg",
  "abs",
  "floor",
  "ceil",
  "sqrt",
  "ln",
  "exp",
  "length",
  ...DATE_PARTS,
]);

/**
 * Whether `node` gives numbers that are not time stamps, as far as its form and the known column types tell
 * (arithmetic, a number literal, a date part, a cast to a number, an int or float column, and a `coalesce` or
 * `case` whose every value is one of these or a null literal, at least one not null).
 */
function givesNumbers(node: ExprNode, types: Readonly<Record<string, CastType>>): boolean {
  switch (node.kind) {
    case "column":
      return types[node.name] === "int" || types[node.name] === "float";
    case "literal":
      return typeof node.value === "number" && node.timestamp !== true;
    case "binary":
      return isArithmetic(node.op) || node.op === "round";
    case "unary":
      return NUMBER_FUNCTIONS.has(node.op);
    case "cast":
      return node.to === "int" || node.to === "float";
    case "coalesce":
    case "greatest":
    case "least":
    case "case":
      return everyPickedValue(node, (value) => givesNumbers(value, types));
    default:
      return false;
  }
}

/**
 * Whether `node` may give numbers of a SQL type the compiler does not know (a DECIMAL, a HUGEINT, a DOUBLE): a
 * column of no known type, a negation of one, or a `coalesce` or `case` whose every value is one of these or gives
 * numbers, at least one of these (as far as the known column types tell: a string column's never does).
 */
function mayGiveUnknownNumbers(node: ExprNode, types: Readonly<Record<string, CastType>>): boolean {
  switch (node.kind) {
    case "column":
      return types[node.name] === undefined;
    case "unary":
      return node.op === "neg" && mayGiveUnknownNumbers(node.arg, types);
    case "coalesce":
    case "greatest":
    case "least":
    case "case":
      return (
        everyPickedValue(
          node,
          (value) => givesNumbers(value, types) || mayGiveUnknownNumbers(value, types),
        ) && !everyPickedValue(node, (value) => givesNumbers(value, types))
      );
    default:
      return false;
  }
}

/**
 * A cast to `string` or `boolean` of a value that gives numbers (`known`: the compiler sees it does) or may give
 * numbers of a type it does not know, as in process: a number's text as JavaScript writes it, a number's boolean
 * its being other than 0, NaN (the engine's; a null in process) null. A value of unknown type is tested on the
 * engine's type of it (`valueTypeIs`): a text or a boolean casts as SQL casts it.
 */
function numberCast(to: "string" | "boolean", arg: string, known: boolean, d: SqlDialect): string {
  const double = known ? `CAST(${arg} AS DOUBLE)` : d.anyAsDouble(arg);
  const number =
    to === "string" ? d.numberText(known ? arg : double) : `CAST(${withoutNaN(double)} AS BOOLEAN)`;
  return known
    ? number
    : `(CASE WHEN ${d.valueTypeIs(arg, "number")} THEN ${number} ELSE CAST(${arg} AS ${d.types[to]}) END)`;
}

/**
 * Arithmetic on DOUBLEs, NaN kept (an operand that is arithmetic too keeps its NaN: NaN gives NaN, so the
 * outermost operator's `withoutNaN` covers the whole chain).
 */
function arithmeticSql(node: Extract<ExprNode, { kind: "binary" }>, r: Rendering): string {
  const left = asDouble(node.left, r, true);
  const right = asDouble(node.right, r, true);
  if (node.op === "div") return `(${left} / NULLIF(${right}, 0))`;
  if (node.op === "mod") {
    // JavaScript's `%` and SQL's on DOUBLEs agree (the sign of the left); of ints `+ 0.0` makes `-0.0` (`-4 % 2`) 0
    const remainder = `(${left} % NULLIF(${right}, 0))`;
    return givesInts(node, (name) => r.types[name]) ? `(${remainder} + 0.0)` : remainder;
  }
  // a product of ints, computed on DOUBLEs, may be -0.0 (`0 * -3`): `+ 0.0` makes it 0, as an int holds it (a
  // sum or difference is -0.0 only of -0.0s, which neither an int column nor such a product gives)
  if (node.op === "mul" && givesInts(node, (name) => r.types[name])) {
    return `((${left} ${OPERATORS[node.op]} ${right}) + 0.0)`;
  }
  return `(${left} ${OPERATORS[node.op]} ${right})`;
}

function render(node: ExprNode, r: Rendering): string {
  const d = r.d;
  switch (node.kind) {
    case "column":
      return d.quoteIdentifier(node.name);
    case "literal":
      return literalSql(node.value, node.timestamp, d);
    case "binary": {
      // NaN (`Infinity - Infinity`, `Infinity * 0`, `Infinity / Infinity`) is null, as in process NaN is a null;
      // arithmetic on ints never gives one (the operands are finite and far from overflowing a DOUBLE)
      if (isArithmetic(node.op)) {
        const ints = (operand: ExprNode) => givesInts(operand, (name) => r.types[name]);
        const sql = arithmeticSql(node, r);
        return ints(node.left) && ints(node.right) ? sql : withoutNaN(sql);
      }
      if (node.op === "round") {
        const digits = node.right.kind === "literal" ? Number(node.right.value) : 0;
        return roundSql(asDouble(node.left, r), digits, d);
      }
      if (node.op === "pow") return powSql(asDouble(node.left, r), asDouble(node.right, r), d);
      const left = render(node.left, r);
      const right = render(node.right, r);
      if (node.op === "contains") return d.contains(left, right);
      if (node.op === "startsWith") return d.startsWith(left, right);
      if (node.op === "endsWith") return d.endsWith(left, right);
      if (node.op === "concat") return `(${left} || ${right})`;
      return `(${left} ${OPERATORS[node.op]} ${right})`;
    }
    case "unary": {
      if (node.op === "abs") return `abs(${numberOperand(node.arg, r)})`;
      // no real root or logarithm of a negative number (nor a logarithm of 0): null, as NaN is in process
      if (node.op === "sqrt") {
        const x = numberOperand(node.arg, r);
        return `(CASE WHEN ${x} >= 0 THEN sqrt(${x}) + 0.0 END)`;
      }
      if (node.op === "ln") {
        const x = numberOperand(node.arg, r);
        return `(CASE WHEN ${x} > 0 THEN ln(${x}) END)`;
      }
      if (node.op === "exp") return `exp(${numberOperand(node.arg, r)})`;
      if (node.op === "floor" || node.op === "ceil")
        return d.wholeNumber(node.op, numberOperand(node.arg, r));
      const arg = render(node.arg, r);
      switch (node.op) {
        case "not":
          return `(NOT ${arg})`;
        case "isNull":
          return `(${arg} IS NULL)`;
        case "isNotNull":
          return `(${arg} IS NOT NULL)`;
        case "neg":
          return givesStampsIn(node.arg, r) ? `(-${r.d.epochMillis(arg)})` : `(-${arg})`;
        case "dayOfWeek":
          return d.dayOfWeekSunday === 1 ? `dayofweek(${arg})` : `(dayofweek(${arg}) + 1)`;
        case "trim":
          return d.trimBlanks(arg);
        default:
          return `${node.op}(${arg})`;
      }
    }
    case "trunc":
      return `date_trunc('${node.unit}', ${render(node.arg, r)})`;
    case "replace":
      return `replace(${render(node.arg, r)}, ${d.stringLiteral(node.search)}, ${d.stringLiteral(node.replacement)})`;
    case "substring":
      return node.length === undefined
        ? `substring(${render(node.arg, r)}, ${node.start})`
        : `substring(${render(node.arg, r)}, ${node.start}, ${node.length})`;
    case "in": {
      const arg = render(node.arg, r);
      if (node.values.length === 0) return `(CASE WHEN ${arg} IS NULL THEN NULL ELSE FALSE END)`;
      return `(${arg} IN (${node.values.map((v) => literalSql(v, false, d)).join(", ")}))`;
    }
    case "coalesce":
      return node.args.length === 0 ? "NULL" : `COALESCE(${node.args.map((a) => render(a, r)).join(", ")})`;
    case "greatest":
    case "least": {
      // nulls skipped on both engines, as in process; a float's zero `0` (which of -0 and 0 wins is undefined)
      const extreme = `${node.kind}(${node.args.map((a) => render(a, r)).join(", ")})`;
      const floats = givesNumbers(node, r.types) && !givesInts(node, (name) => r.types[name]);
      return floats ? `(${extreme} + 0.0)` : extreme;
    }
    case "case": {
      if (node.branches.length === 0) return render(node.otherwise, r);
      const branches = node.branches.map((b) => `WHEN ${render(b.when, r)} THEN ${render(b.result, r)}`);
      return `(CASE ${branches.join(" ")} ELSE ${render(node.otherwise, r)} END)`;
    }
    case "cast": {
      const arg = render(node.arg, r);
      // a time stamp is its epoch milliseconds as a number, and a number epoch milliseconds as a time stamp
      const stamps = givesStampsIn(node.arg, r);
      if (stamps && node.to === "float") return d.epochMillis(arg);
      if (stamps && node.to === "int") return d.castInt(d.epochMillis(arg));
      if (node.to === "timestamp" && givesNumbers(node.arg, r.types)) return d.timestampFromMillis(arg);
      if (node.to === "int") return d.castInt(arg);
      // a number's text as JavaScript writes it (`2`, not SQL's `2.0`), and NaN null, as the in-process cast does
      if (node.to === "string" || node.to === "boolean") {
        if (givesNumbers(node.arg, r.types)) return numberCast(node.to, arg, true, d);
        if (mayGiveUnknownNumbers(node.arg, r.types)) return numberCast(node.to, arg, false, d);
      }
      return `CAST(${arg} AS ${d.types[node.to]})`;
    }
  }
}

/**
 * An expression as SQL in a dialect: every operator parenthesised, so the SQL means what the tree means;
 * `a / b` is `a / NULLIF(b, 0)` (null on a zero divisor, as in process); arithmetic that gives NaN
 * (`Infinity - Infinity`) gives null, as in process NaN is a missing value; `dayOfWeek` counts Sunday as 1 in
 * every dialect; `abs`, `floor` and `ceil` are on DOUBLEs (a time stamp's epoch milliseconds), a zero result `0`,
 * never `-0` (`SqlDialect.wholeNumber`); `concat` is `||` (null when a part is null); `cast(x, "int")` truncates
 * toward zero; `cast(x, "string")` of numbers (arithmetic, a number column of the known `types`, a `coalesce` or
 * `case` of such, ...) writes them as JavaScript does (`2`, not `2.0`).
 *
 * @example toSql(and(gt(col("amount"), 10), eq(col("status"), "paid")), "duckdb")
 * // (("amount" > 10) AND ("status" = 'paid'))
 */
export function toSql(
  expr: ExprNode,
  dialect: SqlDialectName,
  types: Readonly<Record<string, CastType>> = {},
): string {
  return render(expr, { d: SQL_DIALECTS[dialect], types });
}

/** One key of an ORDER BY: a column, its direction, and where its nulls go. */
export interface SqlSortKey {
  readonly column: string;
  readonly descending?: boolean;
  /** Default: first ascending, last descending (tablepipe's order, the exact reverse of ascending). */
  readonly nulls?: "first" | "last";
}

/**
 * An ORDER BY list, always saying where nulls go (engines disagree on the default).
 * @example toSqlOrderBy([{ column: "amount", descending: true }], "duckdb") // "amount" DESC NULLS LAST
 */
export function toSqlOrderBy(keys: readonly SqlSortKey[], dialect: SqlDialectName): string {
  const d = SQL_DIALECTS[dialect];
  return keys
    .map((key) => {
      const nulls = key.nulls ?? (key.descending === true ? "last" : "first");
      return `${d.quoteIdentifier(key.column)} ${key.descending === true ? "DESC" : "ASC"} NULLS ${nulls.toUpperCase()}`;
    })
    .join(", ");
}
