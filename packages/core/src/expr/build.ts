import { parseTimestamp, parseWallClockTimestamp } from "../time/timestamp";
import { zonedTimestampReason } from "../time/zoned";
import { describeValue } from "../values/describe-value";
import { formatExpr } from "./format";
import type {
  BinaryOp,
  CastType,
  Expr,
  ExprInput,
  ExprNode,
  LiteralValue,
  RefsOf,
  TruncUnit,
  UnaryOp,
} from "./nodes";
import { isRoundDigits, MAX_ROUND_DIGITS } from "./number-functions";
import { isWholeAtLeast } from "./whole-number";

/** The column references of several helper arguments. */
type RefsOfAll<A extends readonly unknown[]> = RefsOf<A[number]>;

/** An expression from a helper argument: literals become literal nodes. */
export function toExpr(input: ExprInput): ExprNode {
  if (input === null || typeof input !== "object") return { kind: "literal", value: input };
  return input;
}

/**
 * A reference to a column. Its name is checked against the table's columns where a transform takes the
 * expression (a compile error when the table is typed, a run-time error naming the step otherwise).
 *
 * @example col("amount")
 */
export function col<const C extends string>(name: C): Expr<C> {
  return { kind: "column", name };
}

/** A literal value (helpers accept bare literals too: `gt(col("amount"), 10)`). @example lit("paid") */
export function lit(value: LiteralValue): Expr<never> {
  return { kind: "literal", value };
}

/**
 * A zone-less time-stamp literal from its wall-clock text (the CSV reader's layouts: `2024-03-01 18:30:00`,
 * `2024-03-01T18:30`, ...), held as
 * the epoch milliseconds of that wall-clock time read as UTC. Text with a zone (`Z` or an offset) is refused,
 * as readTable refuses it, never shifted.
 *
 * @example ge(col("ordered_at"), timestamp("2024-03-01"))
 */
export function timestamp(text: string): Expr<never> {
  const value = parseWallClockTimestamp(text);
  if (Number.isNaN(value)) {
    if (!Number.isNaN(parseTimestamp(text)))
      throw new RangeError(`timestamp: ${zonedTimestampReason(JSON.stringify(text))}`);
    throw new RangeError(`timestamp: expected a time stamp like "2024-03-01 18:30:00", got "${text}"`);
  }
  return { kind: "literal", value, timestamp: true };
}

function binary<A extends ExprInput, B extends ExprInput>(
  op: BinaryOp,
  a: A,
  b: B,
): Expr<RefsOf<A> | RefsOf<B>> {
  return { kind: "binary", op, left: toExpr(a), right: toExpr(b) };
}

function unary<A extends ExprInput>(op: UnaryOp, a: A): Expr<RefsOf<A>> {
  return { kind: "unary", op, arg: toExpr(a) };
}

function chain<A extends readonly ExprInput[]>(op: "and" | "or", args: A): Expr<RefsOfAll<A>> {
  const [first, ...rest] = args.map(toExpr);
  if (first === undefined) return { kind: "literal", value: op === "and" };
  return rest.reduce<ExprNode>((left, right) => ({ kind: "binary", op, left, right }), first);
}

/** `a + b` (null if either is null). */
export const add = <A extends ExprInput, B extends ExprInput>(a: A, b: B) => binary("add", a, b);
/** `a - b` (null if either is null). */
export const sub = <A extends ExprInput, B extends ExprInput>(a: A, b: B) => binary("sub", a, b);
/** `a * b` (null if either is null). */
export const mul = <A extends ExprInput, B extends ExprInput>(a: A, b: B) => binary("mul", a, b);
/** `a / b`: null if either is null or `b` is 0 (SQL's `a / NULLIF(b, 0)`). */
export const div = <A extends ExprInput, B extends ExprInput>(a: A, b: B) => binary("div", a, b);
/**
 * The remainder of `a / b`, with the sign of `a` (JavaScript's and SQL's `%`: `mod(-7, 3)` is -1); null if either
 * is null or `b` is 0. Of two ints an int; a time stamp is its epoch milliseconds, as in arithmetic.
 * @example mod(col("order_id"), 10) // a bucket from 0 to 9
 */
export const mod = <A extends ExprInput, B extends ExprInput>(a: A, b: B) => binary("mod", a, b);
/**
 * `a` to the power `b`, as JavaScript's `a ** b`: a float; null if either is null, for a finite negative `a` to a power
 * with a fraction (`pow(-8, 1 / 3)`), and for 1 or -1 to an infinite power (JavaScript's NaN, where C's `pow`
 * gives 1). The engines' `pow` may differ from JavaScript's in the last place. A time stamp is its epoch
 * milliseconds, as in arithmetic.
 * @example pow(add(1, col("rate")), col("years")) // compound growth
 */
export const pow = <A extends ExprInput, B extends ExprInput>(a: A, b: B) => binary("pow", a, b);
/** `-a`. */
export const neg = <A extends ExprInput>(a: A) => unary("neg", a);
/**
 * The absolute value of a number (null stays null; `-0` gives `0`). Numbers only: a string or boolean is an error
 * naming the step; a time stamp is its epoch milliseconds, as in arithmetic.
 *
 * @example abs(sub(col("estimate"), col("actual")))
 */
export const abs = <A extends ExprInput>(a: A) => unary("abs", a);
/**
 * A number rounded to `digits` decimal places (default 0; negative: to tens, hundreds, ...), halves away from zero:
 * `round(2.5)` is 3, `round(-2.5)` -3. It rounds the double `a × 10^digits`, so a value whose decimal text ends in
 * 5 but whose double lies just below it rounds down (`round(1.005, 2)` is 1), the same on every engine. `digits`
 * is a whole number from -15 to 15, refused where it is written otherwise. An int stays an int; null stays null;
 * an infinity stays itself; a zero result is `0`.
 * @example round(div(col("tip"), col("fare")), 2)
 */
export function round<A extends ExprInput>(a: A, digits = 0): Expr<RefsOf<A>> {
  const arg = toExpr(a);
  if (!isRoundDigits(digits)) {
    throw new RangeError(
      `round(${formatExpr(arg)}, ${describeValue(digits)}): digits: expected a whole number from -${MAX_ROUND_DIGITS} to ${MAX_ROUND_DIGITS}`,
    );
  }
  return { kind: "binary", op: "round", left: arg, right: { kind: "literal", value: digits } };
}

/**
 * The square root of a number; null for a negative number (no real root) or null. A float.
 * @example sqrt(add(mul(col("dx"), col("dx")), mul(col("dy"), col("dy"))))
 */
export const sqrt = <A extends ExprInput>(a: A) => unary("sqrt", a);
/**
 * The natural logarithm of a number; null for 0, a negative number (no real logarithm) or null. A float, which
 * engines may compute differently in the last place (each uses its own math library).
 * @example ln(add(col("fare_amount"), 1))
 */
export const ln = <A extends ExprInput>(a: A) => unary("ln", a);
/**
 * e to the power of a number (an infinity past ~709.78); null stays null. A float, which engines may compute
 * differently in the last place, as {@link ln}.
 * @example exp(col("log_fare"))
 */
export const exp = <A extends ExprInput>(a: A) => unary("exp", a);

/**
 * The greatest whole number not above a number: `floor(-2.5)` is `-3` (null stays null; an infinity stays itself;
 * a zero result is `0`, never `-0`, on every engine). An int stays an int. Numbers only, as {@link abs}.
 *
 * @example floor(div(col("minutes"), 60))
 */
export const floor = <A extends ExprInput>(a: A) => unary("floor", a);
/**
 * The least whole number not below a number: `ceil(-0.5)` is `0`, never `-0`, on every engine (null stays null; an
 * infinity stays itself). An int stays an int. Numbers only, as {@link abs}.
 *
 * @example ceil(div(col("items"), 12))
 */
export const ceil = <A extends ExprInput>(a: A) => unary("ceil", a);
/** `a = b`: null if either is null. */
export const eq = <A extends ExprInput, B extends ExprInput>(a: A, b: B) => binary("eq", a, b);
/** `a <> b`: null if either is null. */
export const ne = <A extends ExprInput, B extends ExprInput>(a: A, b: B) => binary("ne", a, b);
/** `a < b`: null if either is null. */
export const lt = <A extends ExprInput, B extends ExprInput>(a: A, b: B) => binary("lt", a, b);
/** `a <= b`: null if either is null. */
export const le = <A extends ExprInput, B extends ExprInput>(a: A, b: B) => binary("le", a, b);
/** `a > b`: null if either is null. */
export const gt = <A extends ExprInput, B extends ExprInput>(a: A, b: B) => binary("gt", a, b);
/** `a >= b`: null if either is null. */
export const ge = <A extends ExprInput, B extends ExprInput>(a: A, b: B) => binary("ge", a, b);

/** SQL `AND` of all arguments, three-valued: false beats null, null beats true. No arguments: true. */
export function and<const A extends readonly ExprInput[]>(...args: A): Expr<RefsOfAll<A>> {
  return chain("and", args);
}
/** SQL `OR` of all arguments, three-valued: true beats null, null beats false. No arguments: false. */
export function or<const A extends readonly ExprInput[]>(...args: A): Expr<RefsOfAll<A>> {
  return chain("or", args);
}
/** SQL `NOT`: null stays null. */
export const not = <A extends ExprInput>(a: A) => unary("not", a);
/** `a IS NULL` (NaN counts as null): never null itself. */
export const isNull = <A extends ExprInput>(a: A) => unary("isNull", a);
/** `a IS NOT NULL` (NaN counts as null): never null itself. */
export const isNotNull = <A extends ExprInput>(a: A) => unary("isNotNull", a);

/**
 * `a IN (values...)`: true when `a` equals one of the values; null when `a` is null, or when nothing matched
 * and a value is null (SQL's rule); false otherwise.
 *
 * @example isIn(col("status"), ["paid", "shipped"])
 */
export function isIn<A extends ExprInput>(a: A, values: readonly LiteralValue[]): Expr<RefsOf<A>> {
  return { kind: "in", arg: toExpr(a), values: [...values] };
}

/** True when the string `a` contains `b` (case-sensitive, like SQL `LIKE`). */
export const contains = <A extends ExprInput, B extends ExprInput>(a: A, b: B) => binary("contains", a, b);
/** True when the string `a` starts with `b` (case-sensitive). */
export const startsWith = <A extends ExprInput, B extends ExprInput>(a: A, b: B) =>
  binary("startsWith", a, b);
/** True when the string `a` ends with `b` (case-sensitive). @example endsWith(col("email"), "@example.com") */
export const endsWith = <A extends ExprInput, B extends ExprInput>(a: A, b: B) => binary("endsWith", a, b);
/**
 * The strings one after the other (SQL's `a || b || ...`): null when any of them is null (as SQL's `||` and
 * Spark's `concat`; wrap a part in `coalesce(part, "")` to skip a null one). Strings only: a number, boolean or
 * time stamp is an error naming the step (cast it first: `cast(col("zip"), "string")`).
 *
 * @example concat(col("first_name"), " ", col("last_name"))
 */
export function concat<const A extends readonly [ExprInput, ExprInput, ...ExprInput[]]>(
  ...args: A
): Expr<RefsOfAll<A>> {
  const [first, ...rest] = args.map(toExpr);
  return rest.reduce<ExprNode>(
    (left, right) => ({ kind: "binary", op: "concat", left, right }),
    first as ExprNode,
  );
}

/** The string in lower case. */
export const lower = <A extends ExprInput>(a: A) => unary("lower", a);
/** The string in upper case. */
export const upper = <A extends ExprInput>(a: A) => unary("upper", a);
/**
 * The string without the blanks at either end that JavaScript's `String.prototype.trim` removes: spaces, tabs,
 * line ends, no-break and other Unicode spaces, the byte-order mark (SQL's `trim` removes spaces only; the
 * engines are given these characters). Inner blanks stay.
 * @example trim(col("city")) // "  New York\t" gives "New York"
 */
export const trim = <A extends ExprInput>(a: A) => unary("trim", a);
/**
 * The string with every occurrence of the text `search` (not a pattern; not empty) replaced by `replacement`,
 * left to right (SQL's `replace`). Refuses an empty `search` where it is written.
 * @example replace(col("price_text"), ",", ".") // "1,5" gives "1.5"
 */
export function replace<A extends ExprInput>(a: A, search: string, replacement: string): Expr<RefsOf<A>> {
  if (typeof search !== "string" || search === "") {
    throw new RangeError(
      `replace(${formatExpr(toExpr(a))}, ...): search: expected a non-empty string; got ${JSON.stringify(search)}`,
    );
  }
  if (typeof replacement !== "string") {
    throw new RangeError(
      `replace(${formatExpr(toExpr(a))}, ...): replacement: expected a string; got ${String(replacement)}`,
    );
  }
  return { kind: "replace", arg: toExpr(a), search, replacement };
}

/**
 * `length` characters (Unicode code points) of the string from the `start`-th, counted from 1 (to the end when
 * `length` is left out; "" past the end): SQL's `substring`. `start` is a whole number from 1, `length` one from
 * 0, each up to 2^31 - 1, refused where it is written otherwise.
 * @example substring(col("zip"), 1, 3) // "10013" gives "100"
 */
export function substring<A extends ExprInput>(a: A, start: number, length?: number): Expr<RefsOf<A>> {
  const call = () =>
    `substring(${formatExpr(toExpr(a))}, ${String(start)}${length === undefined ? "" : `, ${String(length)}`})`;
  if (!isWholeAtLeast(start, 1)) {
    throw new RangeError(
      `${call()}: start: expected a whole number from 1 (the first character) to 2^31 - 1`,
    );
  }
  if (length !== undefined && !isWholeAtLeast(length, 0)) {
    throw new RangeError(`${call()}: length: expected a whole number from 0 to 2^31 - 1`);
  }
  return length === undefined
    ? { kind: "substring", arg: toExpr(a), start }
    : { kind: "substring", arg: toExpr(a), start, length };
}

/** The string's length in characters (Unicode code points). */
export const length = <A extends ExprInput>(a: A) => unary("length", a);

/** The year of a time stamp (its wall-clock fields). */
export const year = <A extends ExprInput>(a: A) => unary("year", a);
/** The month of a time stamp, 1-12. */
export const month = <A extends ExprInput>(a: A) => unary("month", a);
/** The day of the month of a time stamp, 1-31. */
export const day = <A extends ExprInput>(a: A) => unary("day", a);
/** The day of the week of a time stamp: 1 = Sunday ... 7 = Saturday (Spark's `dayofweek`). */
export const dayOfWeek = <A extends ExprInput>(a: A) => unary("dayOfWeek", a);
/** The hour of a time stamp, 0-23. */
export const hour = <A extends ExprInput>(a: A) => unary("hour", a);
/** The minute of a time stamp, 0-59. */
export const minute = <A extends ExprInput>(a: A) => unary("minute", a);
/** The second of a time stamp, 0-59, its fraction dropped (`12:00:05.999` gives 5). */
export const second = <A extends ExprInput>(a: A) => unary("second", a);
/** The quarter of a time stamp's year, 1-4 (January to March is 1). */
export const quarter = <A extends ExprInput>(a: A) => unary("quarter", a);
/**
 * The day of the year of a time stamp, 1-366 (February 1st is 32).
 * @example derive(rides, { columns: { doy: dayOfYear(col("picked_at")) } })
 */
export const dayOfYear = <A extends ExprInput>(a: A) => unary("dayOfYear", a);

/**
 * A time stamp truncated to the start of its minute, hour, day, week (Monday 00:00), month or year: its wall-clock
 * fields below the unit set to zero (`truncate(col("at"), "hour")` of 18:42:07.5 is 18:00:00).
 *
 * @example truncate(col("ordered_at"), "month")
 * @example derive(rides, { columns: { hour_start: truncate(col("picked_at"), "hour") } })
 */
export function truncate<A extends ExprInput>(a: A, unit: TruncUnit): Expr<RefsOf<A>> {
  return { kind: "trunc", unit, arg: toExpr(a) };
}

/** The first argument that is not null (null when all are). @example coalesce(col("discount"), 0) */
export function coalesce<const A extends readonly ExprInput[]>(...args: A): Expr<RefsOfAll<A>> {
  return { kind: "coalesce", args: args.map(toExpr) };
}

/**
 * The largest of the values, nulls skipped (null when all are); of one kind, as `coalesce` (ints with floats make a
 * float; strings compare by UTF-16 code unit, as `gt` does); a float's zero is `0`. SQL's `GREATEST`.
 * @example greatest(col("fare_amount"), 2.5) // a floor of 2.5 under every fare
 */
export function greatest<const A extends readonly [ExprInput, ...ExprInput[]]>(
  ...args: A
): Expr<RefsOfAll<A>> {
  return { kind: "greatest", args: args.map(toExpr) };
}

/**
 * The smallest of the values, nulls skipped (null when all are); as {@link greatest}. SQL's `LEAST`.
 * @example least(greatest(col("score"), 0), 100) // the score clipped to 0..100
 */
export function least<const A extends readonly [ExprInput, ...ExprInput[]]>(...args: A): Expr<RefsOfAll<A>> {
  return { kind: "least", args: args.map(toExpr) };
}

/** One `WHEN condition THEN result` branch of {@link caseWhen}: `[condition, result]`. */
export type CaseBranch = readonly [when: ExprInput, result: ExprInput];

type BranchRefs<B extends readonly CaseBranch[]> = {
  [K in keyof B]: RefsOf<B[K][0]> | RefsOf<B[K][1]>;
}[number];

/**
 * SQL `CASE WHEN ... THEN ... ELSE ... END`: the result of the first branch whose condition is true (null and
 * false do not match), else `otherwise` (default null).
 *
 * @example caseWhen([[gt(col("amount"), 100), "large"]], "small")
 */
export function caseWhen<const B extends readonly CaseBranch[], O extends ExprInput = null>(
  branches: B,
  otherwise?: O,
): Expr<BranchRefs<B> | RefsOf<O>> {
  return {
    kind: "case",
    branches: branches.map(([when, result]) => ({ when: toExpr(when), result: toExpr(result) })),
    otherwise: toExpr(otherwise ?? null),
  };
}

/**
 * `CAST(a AS type)`: `int` truncates toward zero, `string` of a time stamp is `yyyy-MM-dd HH:mm:ss`, a
 * string that does not parse as the type is an error naming the value; null stays null.
 *
 * @example cast(col("zip"), "string")
 */
export function cast<A extends ExprInput>(a: A, to: CastType): Expr<RefsOf<A>> {
  return { kind: "cast", arg: toExpr(a), to };
}
