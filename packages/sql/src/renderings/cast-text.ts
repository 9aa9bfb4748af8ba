import { type CastType, SQL_DIALECTS, type SqlStepContext } from "@tablepipe/core";

/** JavaScript's decimal number text, as `castColumns` reads a string in process (`Number(text.trim())`). */
const NUMBER_TEXT = String.raw`[+-]?(Infinity|[0-9]+\.?[0-9]*([eE][+-]?[0-9]+)?|\.[0-9]+([eE][+-]?[0-9]+)?)`;

/** SQL text of a string literal holding exactly `value` in the step's dialect (see `SqlDialect.stringLiteral`). */
export const sqlText = (c: SqlStepContext, value: string): string =>
  SQL_DIALECTS[c.dialect].stringLiteral(value);

/** A string cell as the word a cast to boolean reads: blanks trimmed, lower case. */
export function booleanWord(c: SqlStepContext, cell: string): string {
  return `lower(${SQL_DIALECTS[c.dialect].trimBlanks(cell)})`;
}

/** 2^63 as a DOUBLE literal (both dialects read an exponent as a DOUBLE). */
const INT_LIMIT = "9.223372036854775808e18";

/** Whether a DOUBLE (not null, not NaN) truncates to a number an `int` (BIGINT) holds: from -2^63 to below 2^63. */
function fitsInt(number: string): string {
  return `(${number} >= -${INT_LIMIT} AND ${number} < ${INT_LIMIT})`;
}

/**
 * Whether a DOUBLE (not null) casts to `int` as in process: NaN, which the engine computes (`Infinity - Infinity`,
 * a NaN in a table it reads) and in process is null, casts to null; any other number must fit ({@link fitsInt}).
 */
function castsToInt(number: string): string {
  return `(isnan(${number}) OR ${fitsInt(number)})`;
}

/** What the error of a number an `int` cannot hold says is expected, as in process. */
const INT_RANGE = "a number from -2^63 to below 2^63";

/**
 * For the cast of a DOUBLE to `int`, which fails past 2^63 in magnitude (an infinity too; NaN is null, as in
 * process), the SQL test a non-null number passes when it converts, and what is expected; undefined for any other cast.
 */
export function floatCastTest(
  number: string,
  to: CastType,
): { readonly converts: string; readonly expected: string } | undefined {
  return to === "int" ? { converts: castsToInt(number), expected: INT_RANGE } : undefined;
}

/**
 * For the casts of a string that can fail (to `int`, `float` or `boolean`), the SQL test a non-null cell passes
 * when it converts as in process (to `int`: a number from -2^63 to below 2^63), and what the error says is
 * expected; undefined for every other cast.
 */
export function stringCastTest(
  c: SqlStepContext,
  cell: string,
  from: CastType | undefined,
  to: CastType,
): { readonly converts: string; readonly expected: string } | undefined {
  if (from !== "string") return undefined;
  const d = SQL_DIALECTS[c.dialect];
  if (to === "int" || to === "float") {
    const number = d.fullMatch(d.trimBlanks(cell), sqlText(c, NUMBER_TEXT));
    // the engine's own reading of the text, which trims spaces only (trimming every blank again would double
    // the test's cost): a number padded with other blanks is not checked against the range (the cast still
    // fails on it, with the engine's error)
    const inRange = `${fitsInt(`TRY_CAST(${cell} AS ${d.types.float})`)} IS NOT FALSE`;
    return {
      converts: to === "int" ? `(${number} AND ${inRange})` : number,
      expected:
        to === "int" ? "a decimal number from -2^63 to below 2^63, e.g. 12.5" : "a decimal number, e.g. 12.5",
    };
  }
  if (to === "boolean") {
    return { converts: `${booleanWord(c, cell)} IN ('true', 'false')`, expected: "true or false (any case)" };
  }
  return undefined;
}

/**
 * For a cast of a value whose SQL type the compiler does not know, the SQL test a non-null value passes when it
 * converts as in process, on the engine's type of it: a text's as a string's (when `maybeText`: not for numbers),
 * a number an `int` may not hold as it is (a DOUBLE, a DECIMAL, a HUGEINT: `valueTypeIs`'s `number`) to `int`
 * as its double, which in process it is, any other's passes (a BIGINT fits an `int`, a boolean converts);
 * undefined where no value can fail the cast.
 */
export function unknownCastTest(
  c: SqlStepContext,
  value: string,
  to: CastType,
  maybeText: boolean,
): { readonly converts: string; readonly expected: string } | undefined {
  const d = SQL_DIALECTS[c.dialect];
  const text = maybeText ? stringCastTest(c, `CAST(${value} AS ${d.types.string})`, "string", to) : undefined;
  const number = floatCastTest(d.anyAsDouble(value), to);
  const whens = [
    ...(text === undefined ? [] : [`WHEN ${d.valueTypeIs(value, "string")} THEN ${text.converts}`]),
    ...(number === undefined ? [] : [`WHEN ${d.valueTypeIs(value, "number")} THEN ${number.converts}`]),
  ];
  const expected = text?.expected ?? number?.expected;
  return expected === undefined
    ? undefined
    : { converts: `(CASE ${whens.join(" ")} ELSE TRUE END)`, expected };
}
