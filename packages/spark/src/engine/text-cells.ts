import { type ColumnSpec, FALSE_WORDS, FLOAT_TEXT, INT_TEXT, TRUE_WORDS } from "@tablepipe/io";
import { oneOfSql, quote, sparkRegex, sparkString } from "./spark-sql-text";
import { SPARK_TYPES } from "./spark-types";

/**
 * readTable's rules for a cell of text, in Spark SQL (the same as DuckDB's file sources: `read-files.ts`,
 * `stamp-text.ts` of `@tablepipe/duckdb`): spaces and tabs trimmed; numbers by readTable's grammar and finite;
 * integers whole and within 2^53; booleans by readTable's words; time stamps ISO (`2018-07-27 09:14:45`, `T`,
 * a fraction cut to milliseconds, a date alone meaning midnight, no zone) or `07/27/2018 09:14:45 AM`; an enum's
 * text one of its values; an empty cell null (or the default), invalid where the column may not be empty.
 */

const ISO = String.raw`^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?)?\z`;
const US = String.raw`^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)? ?([AaPp][Mm])?)?\z`;
/** The groups of {@link US}, in order. */
const US_FIELDS = ["mo", "d", "y", "h", "mi", "s", "f", "ap"] as const;
/** The largest integer readTable reads exactly. */
const MAX_INT = Number.MAX_SAFE_INTEGER;

/**
 * What Spark's CSV read gives a quoted empty cell (`""`, its `emptyValue`), told apart from an unquoted empty
 * one (null): readTable reads `""` as the empty string in a text column, and an empty cell as null.
 */
export const QUOTED_EMPTY = "\u0000tablepipe:quoted-empty\u0000";

/**
 * A column's value and whether its cell is invalid, as Spark SQL expressions over named parts computed first, a
 * layer of projections each (`x AS name`, each layer over the names of the ones before): so that Spark computes
 * each costly part (a trim, a regular expression) once per cell, and the plan stays small.
 */
export interface CellSql {
  readonly layers: readonly (readonly string[])[];
  readonly value: string;
  readonly bad: string;
}

/** The name of the part `part` of schema column `i`'s cell (`r`: its text, `t`: trimmed, `p`: fields, `x`: parsed). */
export function partName(part: "r" | "t" | "p" | "x", i: number): string {
  return quote(`__tablepipe_${part}${i}`);
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

/**
 * The fields of readTable's time-stamp layouts in the trimmed text `t`, a struct of texts (y, mo, d, h, mi, s, f,
 * ap), NULL when no layout matches: an ISO text's fields at fixed places, the other layout's by its groups.
 */
function stampFieldsSql(t: string): string {
  const at = (from: number, length?: number): string =>
    length === undefined ? `substr(${t}, ${from})` : `substr(${t}, ${from}, ${length})`;
  const iso = [at(1, 4), at(6, 2), at(9, 2), at(12, 2), at(15, 2), at(18, 2), at(21), "''"];
  const names = ["y", "mo", "d", "h", "mi", "s", "f", "ap"] as const;
  const us = names.map((name) => `regexp_extract(${t}, ${sparkRegex(US)}, ${US_FIELDS.indexOf(name) + 1})`);
  const struct = (parts: readonly string[]): string =>
    `named_struct(${names.map((name, i) => `'${name}', ${parts[i]}`).join(", ")})`;
  return `CASE WHEN ${t} RLIKE ${sparkRegex(ISO)} THEN ${struct(iso)} WHEN ${t} RLIKE ${sparkRegex(US)} THEN ${struct(us)} END`;
}

/** The TIMESTAMP_NTZ of the fields `p` ({@link stampFieldsSql}), NULL when there are none or one is out of range. */
function stampSql(p: string): string {
  const n = (field: string): string => `coalesce(try_cast(nullif(${p}.${field}, '') AS INT), 0)`;
  const ap = `lower(${p}.ap)`;
  const ms = `coalesce(try_cast(rpad(left(nullif(${p}.f, ''), 3), 3, '0') AS INT), 0)`;
  const hour = `CASE WHEN ${ap} = 'am' THEN ${n("h")} % 12 WHEN ${ap} = 'pm' THEN ${n("h")} % 12 + 12 ELSE ${n("h")} END`;
  const valid = [
    `${p} IS NOT NULL`,
    `${n("mo")} BETWEEN 1 AND 12`,
    `${n("d")} BETWEEN 1 AND 31`,
    `(${ap} = '' OR ${n("h")} BETWEEN 1 AND 12)`,
    `${n("h")} BETWEEN 0 AND 23`,
    `${n("mi")} BETWEEN 0 AND 59`,
    `${n("s")} BETWEEN 0 AND 59`,
  ].join(" AND ");
  // whole milliseconds, exact in decimals: seconds and a fraction of three digits
  const seconds = `CAST(CAST(${n("s")} * 1000 + ${ms} AS DECIMAL(8, 3)) / 1000 AS DECIMAL(8, 6))`;
  // try_: a day past its month's end (Feb 30) is NULL, as readTable refuses it
  return `CASE WHEN ${valid} THEN try_make_timestamp_ntz(${n("y")}, ${n("mo")}, ${n("d")}, ${hour}, ${n("mi")}, ${seconds}) END`;
}

/**
 * The value and invalid flag of schema column `spec` (the `i`-th) from the text cell `raw` (NULL for an empty
 * cell, {@link QUOTED_EMPTY} for `""`), by readTable's rules for text.
 */
export function textCellSql(spec: ColumnSpec, raw: string, i: number): CellSql {
  const [r, t, p, x] = (["r", "t", "p", "x"] as const).map((part) => partName(part, i)) as [
    string,
    string,
    string,
    string,
  ];
  const cell = `CASE WHEN ${raw} = ${sparkString(QUOTED_EMPTY)} THEN '' ELSE ${raw} END AS ${r}`;
  const trimmed = `trim(BOTH ${sparkString(" \t")} FROM ${r}) AS ${t}`;
  // readTable: an empty cell is null; a cell of blanks (or `""`) is empty too, but for a string column it is its
  // text, and for an enum a value that is not allowed
  const text = spec.kind === "string" || spec.kind === "enum";
  const empty = text ? `${r} IS NULL` : `(${r} IS NULL OR ${t} = '')`;
  const fields: string[] = [];
  let parsed: string;
  let ok = `${x} IS NOT NULL`;
  switch (spec.kind) {
    case "float":
      parsed = `CASE WHEN ${t} RLIKE ${sparkRegex(`^(?:${FLOAT_TEXT})\\z`)} THEN try_cast(${t} AS DOUBLE) END`;
      ok = `(${x} IS NOT NULL AND NOT isnan(${x}) AND abs(${x}) < double('Infinity'))`;
      break;
    case "int":
      parsed = `CASE WHEN ${t} RLIKE ${sparkRegex(`^(?:${INT_TEXT})\\z`)} THEN try_cast(${t} AS DOUBLE) END`;
      ok = `(${x} IS NOT NULL AND abs(${x}) <= ${MAX_INT})`;
      break;
    case "string":
      parsed = r;
      ok = "TRUE";
      break;
    case "enum":
      parsed = `CASE WHEN ${oneOfSql(r, spec.values ?? [])} THEN ${r} END`;
      break;
    case "boolean":
      parsed = `CASE WHEN ${oneOfSql(`lower(${t})`, TRUE_WORDS)} THEN TRUE WHEN ${oneOfSql(`lower(${t})`, FALSE_WORDS)} THEN FALSE END`;
      break;
    case "timestamp":
      fields.push(`${stampFieldsSql(t)} AS ${p}`);
      parsed = stampSql(p);
      break;
  }
  const type = SPARK_TYPES[spec.kind === "enum" ? "string" : spec.kind];
  return {
    layers: [[cell], [trimmed], fields, [`${parsed} AS ${x}`]],
    value: `CASE WHEN ${empty} THEN ${emptyValueSql(spec)} WHEN ${ok} THEN CAST(${x} AS ${type}) END`,
    bad: `CASE WHEN ${empty} THEN ${mustNotBeEmpty(spec) ? "TRUE" : "FALSE"} ELSE NOT ${ok} END`,
  };
}
