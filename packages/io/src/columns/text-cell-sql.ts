import type { CastType } from "@tablepipe/core";
import type { ColumnKind, ColumnSpec } from "../read/schema-columns";
import { isDateColumn, midnightSql } from "./date-cells";
import { stampFieldsSql, stampFromFieldsSql } from "./stamp-text-sql";
import type { TextCellDialect } from "./text-cell-dialect";
import { FALSE_WORDS, FLOAT_TEXT, INT_TEXT, TRUE_WORDS } from "./text-grammar";

/** The SQL column type of each kind of schema column (an enum's values are text). */
export const COLUMN_TYPE: Readonly<Record<ColumnKind, CastType>> = {
  float: "float",
  int: "int",
  string: "string",
  enum: "string",
  boolean: "boolean",
  timestamp: "timestamp",
};

/** The largest integer readTable reads exactly. */
const MAX_INT = Number.MAX_SAFE_INTEGER;

/** The names a text cell's parts are given (`x AS name`), each read by name in the parts after it. */
export interface TextCellNames {
  /** The trimmed text. */
  readonly t: string;
  /** A time stamp's fields. */
  readonly p: string;
  /** Whether the cell is empty. */
  readonly e: string;
  /** The parsed value, NULL when the text does not parse. */
  readonly x: string;
}

/**
 * readTable's rules for one text cell as named parts (`x AS name`), for projections a layer each over the ones
 * before, so that each costly part (a trim, a regular expression) is computed once per cell: over the cell
 * `r`, the trimmed text `t`; over `t`, a time stamp's fields `p`; over r, t and p, whether the cell is empty
 * `e` and the parsed value `x`; over e and x, the column's value and whether the cell is invalid.
 */
export interface TextCellParts {
  readonly trimmed: string;
  /** A time stamp's fields; none for another kind. */
  readonly fields: readonly string[];
  /** Whether the cell is empty, and its parsed value. */
  readonly parsed: readonly string[];
  readonly value: string;
  readonly bad: string;
}

/** True when an empty cell is invalid in the column (not nullable, no default). */
export function mustNotBeEmpty(spec: ColumnSpec): boolean {
  return !(spec.nullable || spec.hasDefault);
}

/** What an empty cell (or an absent optional column) becomes, as SQL: the default, else null. */
export function emptyCellSql(d: TextCellDialect, spec: ColumnSpec): string {
  const type = d.types[COLUMN_TYPE[spec.kind]];
  const value = spec.defaultValue;
  if (!spec.hasDefault || value === null || value === undefined) return `CAST(NULL AS ${type})`;
  if (value instanceof Date) {
    return `CAST(${d.string(value.toISOString().slice(0, 23).replace("T", " "))} AS ${type})`;
  }
  if (typeof value === "string") return `CAST(${d.string(value)} AS ${type})`;
  return `CAST(${String(value)} AS ${type})`;
}

/** The boolean readTable reads from the trimmed text `t` (its words in any case), NULL for another text. */
export function booleanCellSql(d: TextCellDialect, t: string): string {
  const word = `lower(${t})`;
  return `CASE WHEN ${d.oneOf(word, TRUE_WORDS)} THEN TRUE WHEN ${d.oneOf(word, FALSE_WORDS)} THEN FALSE END`;
}

/** The enum value of the text `r` (untrimmed), NULL when it is not one of `values`. */
export function enumCellSql(d: TextCellDialect, r: string, values: readonly string[]): string {
  return `CASE WHEN ${d.oneOf(r, values)} THEN ${r} END`;
}

/**
 * The parts of schema column `spec`'s value and invalid flag from its cell's text `r` (NULL for an empty cell),
 * by readTable's rules for text: spaces and tabs trimmed; numbers by readTable's grammar and finite; integers
 * whole and within 2^53; booleans by readTable's words; time stamps by its layouts (`stampFieldsSql`), a date
 * column's at midnight only; an enum's text one of its values; an empty cell (blanks too, but in a string or
 * enum column) the default or null, invalid where the column may not be empty.
 */
export function textCellParts(
  d: TextCellDialect,
  spec: ColumnSpec,
  r: string,
  { t, p, e, x }: TextCellNames,
): TextCellParts {
  // readTable: an empty cell is null; a cell of blanks (or `""`) is empty too, but for a string column it is its
  // text, and for an enum a value that is not allowed
  const text = spec.kind === "string" || spec.kind === "enum";
  const empty = text ? `${r} IS NULL` : `(${r} IS NULL OR ${t} = '')`;
  const number = (grammar: string): string =>
    `CASE WHEN ${d.fullMatch(t, grammar)} THEN try_cast(${t} AS ${d.types.float}) END`;
  const fields: string[] = [];
  let parsed: string;
  let ok = `${x} IS NOT NULL`;
  switch (spec.kind) {
    case "float":
      parsed = number(FLOAT_TEXT);
      ok = `(${x} IS NOT NULL AND ${d.isFinite(x)})`;
      break;
    case "int":
      parsed = number(INT_TEXT);
      ok = `(${x} IS NOT NULL AND abs(${x}) <= ${MAX_INT})`;
      break;
    case "string":
      parsed = r;
      ok = "TRUE";
      break;
    case "enum":
      parsed = enumCellSql(d, r, spec.values ?? []);
      break;
    case "boolean":
      parsed = booleanCellSql(d, t);
      break;
    case "timestamp":
      fields.push(`${stampFieldsSql(d, t)} AS ${p}`);
      parsed = stampFromFieldsSql(d, p);
      // a date column's value must be a midnight: another time of day is invalid, as text that does not parse
      if (isDateColumn(spec)) ok = `(${x} IS NOT NULL AND ${midnightSql(d, x)})`;
      break;
  }
  const type = d.types[COLUMN_TYPE[spec.kind]];
  return {
    trimmed: `${d.trimSpaceTab(r)} AS ${t}`,
    fields,
    parsed: [`${empty} AS ${e}`, `${parsed} AS ${x}`],
    value: `CASE WHEN ${e} THEN ${emptyCellSql(d, spec)} WHEN ${ok} THEN CAST(${x} AS ${type}) END`,
    bad: `CASE WHEN ${e} THEN ${mustNotBeEmpty(spec) ? "TRUE" : "FALSE"} ELSE NOT (${ok}) END`,
  };
}
