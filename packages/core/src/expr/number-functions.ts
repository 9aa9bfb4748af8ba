/**
 * The number functions on one value (`abs`, `floor`, `ceil`, `sqrt`, `ln`, `exp`), `mod` and `round`, and `concat`
 * of two string vectors: as on every SQL engine (see `SqlDialect.wholeNumber`), a zero result of `floor`, `ceil`,
 * `sqrt` and `round` is `0`, never `-0`.
 */

/** The number functions of one number, each of a value that is not null (NaN, a missing value). */
export type NumberFunction = "abs" | "floor" | "ceil" | "sqrt" | "ln" | "exp";

/**
 * Each function on a value that is not null (NaN): `Math.floor(-0.5)` is `-1`, `Math.ceil(-0.5)` is `-0`, made
 * `0` by adding `0` (`-0 + 0` is `0`), as DuckDB's `ceil(x) + 0.0` and Spark's BIGINT have it.
 */
export const NUMBER_FUNCTIONS: Readonly<Record<NumberFunction, (x: number) => number>> = {
  abs: Math.abs,
  floor: (x) => Math.floor(x) + 0,
  ceil: (x) => Math.ceil(x) + 0,
  // no real root or logarithm of a negative number (nor a logarithm of 0): NaN, a missing value
  sqrt: (x) => (x >= 0 ? Math.sqrt(x) + 0 : Number.NaN),
  ln: (x) => (x > 0 ? Math.log(x) : Number.NaN),
  exp: Math.exp,
};

/** Whether a one-argument function is one of {@link NUMBER_FUNCTIONS}. */
export function isNumberFunction(op: string): op is NumberFunction {
  return Object.hasOwn(NUMBER_FUNCTIONS, op);
}

/** The most digits `round` takes either side of the point: 10^15 and 10^-15 are the powers a double holds exactly enough. */
export const MAX_ROUND_DIGITS = 15;

/**
 * Whether `digits` are `round`'s: a whole number from -15 to 15.
 * @example isRoundDigits(2) // true; isRoundDigits(1.5) and isRoundDigits(16) are false
 */
export function isRoundDigits(digits: unknown): digits is number {
  return typeof digits === "number" && Number.isInteger(digits) && Math.abs(digits) <= MAX_ROUND_DIGITS;
}

/** 2^52: from it on every double is a whole number, so nothing is left to round (nor lost by the scaling). */
const WHOLE_FROM = 2 ** 52;

/**
 * `x` rounded to `digits` decimal places (to tens, hundreds, ... for negative `digits`), halves away from zero,
 * on the double `x × 10^digits` (or `x / 10^-digits`): the same IEEE operations on every engine, so the same double
 * (`round(2.5)` is 3, `round(-2.5)` -3, `round(1.005, 2)` 1 because 1.005 × 100 is 100.49999999999999). A value
 * whose scaled magnitude is 2^52 or more (an infinity too) has nothing to round and is returned as it is; a zero
 * result is `0`.
 * @example roundHalfAway(2.345, 1) // 2.3; roundHalfAway(1250, -2) // 1300
 */
export function roundHalfAway(x: number, digits: number): number {
  const scale = 10 ** Math.abs(digits);
  const y = digits >= 0 ? x * scale : x / scale;
  const magnitude = Math.abs(y);
  if (!(magnitude < WHOLE_FROM)) return x;
  const whole = Math.floor(magnitude);
  const rounded = magnitude - whole >= 0.5 ? whole + 1 : whole;
  const signed = y < 0 ? -rounded : rounded;
  return (digits >= 0 ? signed / scale : signed * scale) + 0;
}

/** `a % b` as JavaScript and SQL's `%` take it (the sign of `a`), null (NaN) when `b` is 0. */
export function remainder(a: number, b: number): number {
  return b === 0 ? Number.NaN : a % b;
}

/**
 * `a ** b`, NaN (null) when either is NaN (JavaScript's `NaN ** 0` is 1; a null operand gives null), for a
 * finite negative `a` to a power with a fraction, and for ±1 to an infinite power.
 */
export function power(a: number, b: number): number {
  return Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : a ** b;
}

/** `a[i] + b[i]` for strings: null where either is null (SQL's `||`). */
export function concatStrings(
  a: readonly (string | null)[],
  b: readonly (string | null)[],
  n: number,
): (string | null)[] {
  const out = new Array<string | null>(n);
  for (let i = 0; i < n; ++i) {
    const x = a[i];
    const y = b[i];
    out[i] = x === null || x === undefined || y === null || y === undefined ? null : x + y;
  }
  return out;
}
