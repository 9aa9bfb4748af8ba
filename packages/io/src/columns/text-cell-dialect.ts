import type { SqlDialect } from "@tablepipe/core";

/** A time stamp's fields as SQL integers, each in range (month 1-12, hour 0-23, ...; millisecond 0-999). */
export interface StampFieldsSql {
  readonly year: string;
  readonly month: string;
  readonly day: string;
  readonly hour: string;
  readonly minute: string;
  readonly second: string;
  readonly millisecond: string;
}

/**
 * What differs between the SQL dialects readTable's rules for a text cell are written in (`textCellParts`):
 * DuckDB's (`@tablepipe/duckdb`) and Spark's (`@tablepipe/spark`). The SQL types are core's `SqlDialect.types`;
 * the rest is not core's `SqlDialect`: readTable trims spaces and tabs only (`trimBlanks` trims JavaScript's
 * blanks), and a regular expression must match up to the text's very end (Spark's `fullMatch` ends with `$`,
 * which Java also matches before a final line end: `12\n` would pass a number's pattern).
 */
export interface TextCellDialect extends Pick<SqlDialect, "types"> {
  /** A string literal of `text`. */
  readonly string: (text: string) => string;
  /** Whether `value` is one of the texts `values`: true, else false or NULL (never true when there are none). */
  readonly oneOf: (value: string, values: readonly string[]) => string;
  /** Whether the whole of `text` matches `pattern` (a regular expression's source, unanchored; RE2 and Java read it alike). */
  readonly fullMatch: (text: string, pattern: string) => string;
  /** `text` without the spaces and tabs at either end. */
  readonly trimSpaceTab: (text: string) => string;
  /** Whether a DOUBLE that is not NULL is finite (not NaN nor an infinity). */
  readonly isFinite: (double: string) => string;
  /** A struct of the named values, in order. */
  readonly struct: (fields: readonly (readonly [name: string, value: string])[]) => string;
  /**
   * The groups of `pattern` (as in `fullMatch`) in `text`, which matches it whole, as a struct of texts: each
   * field's name and its group's number (every group of the pattern once, from 1), in the struct's order.
   */
  readonly groups: (
    text: string,
    pattern: string,
    fields: readonly (readonly [name: string, group: number])[],
  ) => string;
  /**
   * The last day of a month (`month` may be out of range: the fields are checked after), or `31` where
   * `timestamp` itself is NULL for a day past its month's end.
   */
  readonly lastDay: (year: string, month: string) => string;
  /** The zone-less TIMESTAMP of fields in range (the day within its month, see `lastDay`). */
  readonly timestamp: (fields: StampFieldsSql) => string;
}
