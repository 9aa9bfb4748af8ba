/**
 * DuckDB SQL giving each CSV cell the text `writeTable` writes for the same value (`csvCell` and the CSV writer of
 * `@tablepipe/io`), so that `writeOnDuckDb`'s `COPY` writes the bytes `writeTable` writes: numbers as JavaScript's
 * `String(number)` (`5`, `-0`, `1e-7`, `9007199254740994`), time stamps `2018-02-04 18:00:00` (`.sss` only when not
 * zero, a finer fraction floored), dates `2018-02-04`; a year outside 0-9999 or a text holding a NUL character fails
 * the write, as writeTable refuses them (readTable would not read them back). Strings and booleans DuckDB writes as
 * writeTable does (RFC 4180 quotes when a cell holds `,` `"` CR or LF, `""` for the empty
 * text, `true`/`false`), and a missing value (NULL; NaN is made one) is an empty cell on both.
 */

import type { LogicalType } from "@tablepipe/core";
import { RESERVED_PREFIX } from "@tablepipe/sql";
import { sqlString } from "./sql-text";

/** DuckDB's integer types: their text is their exact digits. */
const INTEGER_TYPES = new Set([
  "TINYINT",
  "SMALLINT",
  "INTEGER",
  "BIGINT",
  "HUGEINT",
  "UTINYINT",
  "USMALLINT",
  "UINTEGER",
  "UBIGINT",
  "UHUGEINT",
]);

/** DuckDB's types of a point in time. */
const TIME_TYPES = new Set(["TIMESTAMP", "TIMESTAMP_MS", "TIMESTAMP_S", "TIMESTAMP_NS", "DATE"]);

/** 2^53: a whole double below it in magnitude is its exact digits in a BIGINT's text, as in JavaScript's. */
const EXACT_WHOLE = "9007199254740992";
/** The largest safe integer: writeTable refuses an int past it in magnitude. */
const SAFE_INTEGER = "9007199254740991";

/**
 * JavaScript's text of a finite non-zero number from DuckDB's shortest round-trip text `t` of it (the same digits,
 * laid out as Python's repr: `5.0`, `1e-05`, `1.5e+16`): with `d` the digits, `k` their count and `n` the decimal
 * exponent plus one, JavaScript writes `d` padded with zeros for k ≤ n ≤ 21, a point inside for 0 < n < k,
 * `0.` and -n zeros before `d` for -6 < n ≤ 0, else `d.ddd` with `e+`/`e-` and the exponent unpadded.
 */
function jsTextOfShortest(t: string): string {
  const parts = `regexp_extract(${t}, '^(-?)([0-9])(?:\\.([0-9]+))?e([+-][0-9]+)$', ['sign', 'lead', 'rest', 'exp'])`;
  // the lambda's parameter has the reserved prefix: no column of the user's can hide it
  const p = `${RESERVED_PREFIX}number`;
  const n = `(CAST(${p}.exp AS INTEGER) + 1)`;
  const digits = `(${p}.lead || ${p}.rest)`;
  const fromExponent =
    `CASE WHEN ${n} > 21 OR ${n} <= -6 THEN ${p}.sign || ${p}.lead || (CASE WHEN ${p}.rest = '' THEN '' ELSE '.' || ${p}.rest END)` +
    ` || 'e' || (CASE WHEN ${n} > 0 THEN '+' ELSE '-' END) || CAST(abs(${n} - 1) AS VARCHAR)` +
    ` WHEN ${n} <= 0 THEN ${p}.sign || '0.' || repeat('0', -${n}) || ${digits}` +
    ` WHEN length(${digits}) <= ${n} THEN ${p}.sign || rpad(${digits}, ${n}, '0')` +
    ` ELSE ${p}.sign || ${digits}[1:${n}] || '.' || ${digits}[${n} + 1:] END`;
  // without an exponent DuckDB writes the digits as JavaScript does, but `.0` after a whole number
  return `(CASE WHEN contains(${t}, 'e') THEN list_transform([${parts}], lambda ${p}: ${fromExponent})[1] ELSE regexp_replace(${t}, '\\.0$', '') END)`;
}

/**
 * SQL of a DOUBLE `x` as writeTable writes a number: NaN a missing value, `-0`, whole numbers below 2^53 as their
 * digits, others from 1e-4 on as DuckDB's text (the same as JavaScript's there), the rest laid out as JavaScript
 * lays it out ({@link jsTextOfShortest}); an infinity fails with `refuse(x)`, as writeTable refuses it.
 */
function numberText(x: string, refuse: string): string {
  return (
    `(CASE WHEN ${x} IS NULL OR isnan(${x}) THEN NULL WHEN isinf(${x}) THEN ${refuse}` +
    ` WHEN ${x} = 0 THEN (CASE WHEN signbit(${x}) THEN '-0' ELSE '0' END)` +
    ` WHEN abs(${x}) < ${EXACT_WHOLE} AND ${x} = trunc(${x}) THEN CAST(CAST(${x} AS BIGINT) AS VARCHAR)` +
    ` WHEN abs(${x}) >= 1e-4 AND abs(${x}) < ${EXACT_WHOLE} THEN CAST(${x} AS VARCHAR)` +
    ` ELSE ${jsTextOfShortest(`CAST(${x} AS VARCHAR)`)} END)`
  );
}

/**
 * SQL of a time stamp's year as `formatWallClock` writes it: four digits within 0-9999, else a sign and six
 * digits (`+012345`, `-000001`: DuckDB's year 1 BC is year 0).
 */
function yearOutside(t: string): string {
  return `(CASE WHEN year(${t}) < 0 THEN '-' ELSE '+' END) || lpad(CAST(abs(year(${t})) AS VARCHAR), 6, '0')`;
}

/** SQL of a TIMESTAMP `t` as `formatWallClock` writes it: `.sss` only when the millisecond is not zero, floored. */
function stampText(t: string): string {
  const within = `year(${t}) BETWEEN 0 AND 9999`;
  const withMillis = `millisecond(${t}) % 1000 <> 0`;
  return (
    `(CASE WHEN ${within} AND ${withMillis} THEN strftime(${t}, '%Y-%m-%d %H:%M:%S.%g')` +
    ` WHEN ${within} THEN strftime(${t}, '%Y-%m-%d %H:%M:%S')` +
    ` WHEN ${withMillis} THEN ${yearOutside(t)} || strftime(${t}, '-%m-%d %H:%M:%S.%g')` +
    ` ELSE ${yearOutside(t)} || strftime(${t}, '-%m-%d %H:%M:%S') END)`
  );
}

/** SQL of a TIMESTAMP or DATE `t` as `formatDay` writes it: `2018-02-04` (the day of a time stamp). */
function dayText(t: string): string {
  return `strftime(${t}, '%Y-%m-%d')`;
}

/**
 * SQL of a time cell: `text` within the years 0-9999, else the failure writeTable's CSV writer gives for a year a
 * CSV time stamp cannot hold (naming the column, the row, the value as formatWallClock writes it and its epoch ms).
 */
function withinCsvYears(t: string, text: string, name: string, row: string): string {
  const why =
    " is outside the years 0000 to 9999 a CSV time stamp holds, and readTable refuses it: the file would not read back (write Parquet or Arrow, which hold it; epoch ms ";
  const outside =
    `error(${sqlString(`column ${name}, row `)} || CAST(${row} + 1 AS VARCHAR) || ': ' || ${stampText(t)}` +
    ` || ${sqlString(why)} || CAST(epoch_ms(${t}) AS VARCHAR) || ')')`;
  return `(CASE WHEN ${t} IS NULL OR year(${t}) BETWEEN 0 AND 9999 THEN ${text} ELSE ${outside} END)`;
}

/** The failure of a text holding a NUL character, as writeTable's CSV writer refuses it. */
function nulRefusal(name: string, row: string): string {
  const why =
    ": the text holds a NUL character, and readTable refuses a CSV file holding one (it takes it for binary data): the file would not read back (write Parquet or Arrow, which hold it, or remove it)";
  return `error(${sqlString(`column ${name}, row `)} || CAST(${row} + 1 AS VARCHAR) || ${sqlString(why)})`;
}

/** The message of a cell {@link csvCellSql} refuses, as DuckDB's error gives it back. */
export const REFUSED_CELL =
  /^column .*, row [0-9]+: (.* (is not a finite number|is outside the safe integers|is not a whole number|is outside the years 0000 to 9999)|the text holds a NUL character)/s;

/** The failure of a cell writeTable refuses: `column <name>, row <row>: <value> <why>`, as its RangeError says. */
function refusal(name: string, row: string, value: string, why: string): string {
  return `error(${sqlString(`column ${name}, row `)} || CAST(${row} + 1 AS VARCHAR) || ': ' || ${value} || ${sqlString(` ${why}`)})`;
}

/**
 * The SQL of column `name` (quoted `c`) of DuckDB type `duckdbType`, written as `type` (the type the in-process run
 * gives it, else the one its DuckDB type reads as) by the CSV writer of writeTable: the text writeTable writes, or
 * `c` itself where DuckDB's own text is writeTable's (strings, booleans, types writeTable does not write). A value
 * writeTable refuses fails as it does, naming the column and the row (`row`: the row's 0-based position): an
 * infinity, an int past the safe integers or with a fraction.
 * @example csvCellSql('"amount"', "amount", "DOUBLE", "float", "rowid") // the SQL giving "-0" for -0.0
 */
export function csvCellSql(
  c: string,
  name: string,
  duckdbType: string,
  type: LogicalType | "unknown" | undefined,
  row: string,
): string {
  if (TIME_TYPES.has(duckdbType)) {
    const t = `CAST(${c} AS TIMESTAMP)`;
    const date = type === "date" || (type !== "timestamp" && duckdbType === "DATE");
    return `${withinCsvYears(t, date ? dayText(t) : stampText(t), name, row)} AS ${c}`;
  }
  if (duckdbType === "VARCHAR") {
    return `(CASE WHEN contains(${c}, chr(0)) THEN ${nulRefusal(name, row)} ELSE ${c} END) AS ${c}`;
  }
  const integer = INTEGER_TYPES.has(duckdbType);
  if (!integer && duckdbType !== "DOUBLE" && duckdbType !== "FLOAT" && !duckdbType.startsWith("DECIMAL"))
    return c;
  const int = type === "int" || (type === undefined && integer);
  const x = `CAST(${c} AS DOUBLE)`;
  const infinity = refusal(
    name,
    row,
    `(CASE WHEN ${x} > 0 THEN 'Infinity' ELSE '-Infinity' END)`,
    "is not a finite number, and readTable refuses it: the file would not read back (expected a finite number, or null for a missing value)",
  );
  if (!int) return `${numberText(x, infinity)} AS ${c}`;
  const unsafe = (value: string): string =>
    refusal(
      name,
      row,
      value,
      `is outside the safe integers (±${SAFE_INTEGER}), and readTable refuses it in an int column: the file would not read back`,
    );
  if (integer) {
    return `(CASE WHEN abs(${c}) > ${SAFE_INTEGER} THEN ${unsafe(`CAST(${c} AS VARCHAR)`)} ELSE CAST(${c} AS VARCHAR) END) AS ${c}`;
  }
  const fraction = refusal(name, row, numberText(x, "NULL"), "is not a whole number (int column)");
  return (
    `(CASE WHEN isinf(${x}) THEN ${infinity} WHEN ${x} <> trunc(${x}) THEN ${fraction}` +
    ` WHEN abs(${x}) > ${SAFE_INTEGER} THEN ${unsafe(numberText(x, "NULL"))} ELSE ${numberText(x, "NULL")} END) AS ${c}`
  );
}
