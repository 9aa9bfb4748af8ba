import type { ColumnSpec } from "@tablepipe/io";
import { oneOfSql, sparkRegex, sparkString } from "./spark-sql-text";
import { SPARK_TYPES } from "./spark-types";

/**
 * readTable's rules for a cell of text, in Spark SQL (the same as DuckDB's file sources: `read-files.ts`,
 * `stamp-text.ts` of `@tablepipe/duckdb`): spaces and tabs trimmed; numbers by readTable's grammar and finite;
 * integers whole and within 2^53; booleans by readTable's words; time stamps ISO (`2018-07-27 09:14:45`, `T`,
 * a fraction cut to milliseconds, a date alone meaning midnight, no zone) or `07/27/2018 09:14:45 AM`; an enum's
 * text one of its values; an empty cell null (or the default), invalid where the column may not be empty.
 */

const FLOAT_TEXT = String.raw`^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\z`;
const INT_TEXT = String.raw`^[+-]?[0-9]+(?:\.0*)?\z`;
const ISO = String.raw`^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?)?\z`;
const US = String.raw`^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)? ?([AaPp][Mm])?)?\z`;
/** The groups of {@link US}, in order. */
const US_FIELDS = ["mo", "d", "y", "h", "mi", "s", "f", "ap"] as const;
/** The largest integer readTable reads exactly. */
const MAX_INT = Number.MAX_SAFE_INTEGER;

/** readTable's words for a boolean, compared ignoring case. */
const TRUE_WORDS = ["true", "t", "1", "yes", "y"];
const FALSE_WORDS = ["false", "f", "0", "no", "n"];

/**
 * What Spark's CSV read gives a quoted empty cell (`""`, its `emptyValue`), told apart from an unquoted empty
 * one (null): readTable reads `""` as the empty string in a text column, and an empty cell as null.
 */
export const QUOTED_EMPTY = "\u0000tablepipe:quoted-empty\u0000";

/** A column's value and whether its cell is invalid, as Spark SQL expressions. */
export interface CellSql {
  readonly value: string;
  readonly bad: string;
}

/** What an empty cell (or an absent optional column) becomes: the default, else null, as Spark SQL. */
export function emptyValueSql(spec: ColumnSpec): string {
  const type = SPARK_TYPES[spec.kind === "enum" ? "string" : spec.kind];
  const value = spec.defaultValue;
  if (!spec.hasDefault || value === null || value === undefined) return `CAST(NULL AS ${type})`;
  if (value instanceof Date) {
    const text = value.toISOString().slice(0, 23).replace("T", " ");
    return `CAST(${sparkString(text)} AS ${type})`;
  }
  if (typeof value === "string") return `CAST(${sparkString(value)} AS ${type})`;
  return `CAST(${String(value)} AS ${type})`;
}

/** True when an empty cell is invalid in the column (not nullable, no default). */
export function mustNotBeEmpty(spec: ColumnSpec): boolean {
  return !(spec.nullable || spec.hasDefault);
}

/** The TIMESTAMP_NTZ of the trimmed text `t` by readTable's layouts, NULL when it does not parse. */
function stampSql(t: string): string {
  const at = (from: number, length?: number): string =>
    length === undefined ? `substr(${t}, ${from})` : `substr(${t}, ${from}, ${length})`;
  const us = (field: (typeof US_FIELDS)[number]): string =>
    `regexp_extract(${t}, ${sparkRegex(US)}, ${US_FIELDS.indexOf(field) + 1})`;
  const iso = sparkRegex(ISO);
  const usRegex = sparkRegex(US);
  const pick = (isoPart: string, field: (typeof US_FIELDS)[number]): string =>
    `CASE WHEN ${t} RLIKE ${iso} THEN ${isoPart} ELSE ${us(field)} END`;
  const field = (isoPart: string, name: (typeof US_FIELDS)[number]): string =>
    `coalesce(try_cast(nullif(${pick(isoPart, name)}, '') AS INT), 0)`;
  const y = field(at(1, 4), "y");
  const mo = field(at(6, 2), "mo");
  const d = field(at(9, 2), "d");
  const h = field(at(12, 2), "h");
  const mi = field(at(15, 2), "mi");
  const s = field(at(18, 2), "s");
  const fraction = pick(at(21), "f");
  const ap = `lower(${pick("''", "ap")})`;
  const ms = `coalesce(try_cast(rpad(left(nullif(${fraction}, ''), 3), 3, '0') AS INT), 0)`;
  const hour = `CASE WHEN ${ap} = 'am' THEN ${h} % 12 WHEN ${ap} = 'pm' THEN ${h} % 12 + 12 ELSE ${h} END`;
  const valid = [
    `(${t} RLIKE ${iso} OR ${t} RLIKE ${usRegex})`,
    `${mo} BETWEEN 1 AND 12`,
    `${d} BETWEEN 1 AND 31`,
    `(${ap} = '' OR ${h} BETWEEN 1 AND 12)`,
    `${h} BETWEEN 0 AND 23`,
    `${mi} BETWEEN 0 AND 59`,
    `${s} BETWEEN 0 AND 59`,
  ].join(" AND ");
  // whole milliseconds, exact in decimals: seconds and a fraction of three digits
  const seconds = `CAST(CAST(${s} * 1000 + ${ms} AS DECIMAL(8, 3)) / 1000 AS DECIMAL(8, 6))`;
  // try_: a day past its month's end (Feb 30) is NULL, as readTable refuses it
  return `CASE WHEN ${valid} THEN try_make_timestamp_ntz(${y}, ${mo}, ${d}, ${hour}, ${mi}, ${seconds}) END`;
}

/**
 * The value and invalid flag of schema column `spec` from the text cell `r` (NULL for an empty cell,
 * {@link QUOTED_EMPTY} for `""`), by readTable's rules for text.
 */
export function textCellSql(spec: ColumnSpec, raw: string): CellSql {
  const r = `(CASE WHEN ${raw} = ${sparkString(QUOTED_EMPTY)} THEN '' ELSE ${raw} END)`;
  const t = `trim(BOTH ${sparkString(" \t")} FROM ${r})`;
  // readTable: an empty cell is null; a cell of blanks is empty too, but for a string column it is its text
  const empty = spec.kind === "string" ? `${r} IS NULL` : `(${r} IS NULL OR ${t} = '')`;
  let parsed: string;
  let ok = (x: string): string => `${x} IS NOT NULL`;
  switch (spec.kind) {
    case "float":
      parsed = `CASE WHEN ${t} RLIKE ${sparkRegex(FLOAT_TEXT)} THEN try_cast(${t} AS DOUBLE) END`;
      ok = (x) => `(${x} IS NOT NULL AND NOT isnan(${x}) AND abs(${x}) < double('Infinity'))`;
      break;
    case "int":
      parsed = `CASE WHEN ${t} RLIKE ${sparkRegex(INT_TEXT)} THEN try_cast(${t} AS DOUBLE) END`;
      ok = (x) => `(${x} IS NOT NULL AND abs(${x}) <= ${MAX_INT})`;
      break;
    case "string":
      parsed = r;
      ok = () => "TRUE";
      break;
    case "enum":
      parsed = `CASE WHEN ${oneOfSql(r, spec.values ?? [])} THEN ${r} END`;
      break;
    case "boolean":
      parsed = `CASE WHEN ${oneOfSql(`lower(${t})`, TRUE_WORDS)} THEN TRUE WHEN ${oneOfSql(`lower(${t})`, FALSE_WORDS)} THEN FALSE END`;
      break;
    case "timestamp":
      parsed = stampSql(t);
      break;
  }
  const type = SPARK_TYPES[spec.kind === "enum" ? "string" : spec.kind];
  const good = ok(`(${parsed})`);
  const value = spec.kind === "int" ? `CAST(${parsed} AS BIGINT)` : `CAST(${parsed} AS ${type})`;
  return {
    value: `CASE WHEN ${empty} THEN ${emptyValueSql(spec)} WHEN ${good} THEN ${value} END`,
    bad: `CASE WHEN ${empty} THEN ${mustNotBeEmpty(spec) ? "TRUE" : "FALSE"} ELSE NOT (${good}) END`,
  };
}
