import { isZonedTimestamp, zonedTimestampReason } from "@tablepipe/core/internal";
import { type ColumnSpec, kindExpectation } from "../read/schema-columns";
import type { IssueKind, IssueSink } from "./builder-support";
import { holdsTimeOfDay, isDateColumn, timeOfDayReason } from "./date-cells";
import { isNonFiniteNumberText, isUnsafeIntegerText } from "./numbers";

/** What to do with a value that does not parse: throw a `TableReadError`, or drop its row and count it. */
export type OnInvalid = "error" | "drop";

/** One invalid value (or malformed row) met while reading. */
export interface InvalidValueExample {
  file: string;
  /** 1-based CSV line. */
  line?: number;
  /** 1-based data row (Parquet, Arrow). */
  row?: number;
  /** Schema column; absent for a malformed CSV row. */
  column?: string;
  value?: string;
  reason: string;
}

/** The label under which malformed CSV rows (wrong field count) are counted. */
export const MALFORMED_ROW = "(malformed row)";

const EXAMPLES_PER_COLUMN = 3;

/** The invalid cells of one batch, as reported by the column builders. */
export class BatchIssues implements IssueSink {
  readonly records: number[] = [];
  readonly columns: number[] = [];
  readonly kinds: IssueKind[] = [];
  /** For a broken value rule (kind 2), the index of the rule in the column's `rules`; else -1. */
  readonly rules: number[] = [];

  constructor(readonly stopAtFirst: boolean) {}

  add(record: number, column: number, kind: IssueKind, rule = -1): void {
    this.records.push(record);
    this.columns.push(column);
    this.kinds.push(kind);
    this.rules.push(rule);
  }

  get count(): number {
    return this.records.length;
  }

  clear(): void {
    this.records.length = 0;
    this.columns.length = 0;
    this.kinds.length = 0;
    this.rules.length = 0;
  }
}

function quote(value: string): string {
  const shown = value.length > 120 ? `${value.slice(0, 117)}...` : value;
  return JSON.stringify(shown);
}

/** The reason text of an invalid cell, e.g. `cannot parse "x" as an integer (expected e.g. 42)`. */
export function describeIssue(
  spec: ColumnSpec,
  kind: IssueKind,
  value: string,
  rule = -1,
): { reason: string; expected: string } {
  if (kind === 2) {
    const words = spec.rules?.[rule]?.words ?? "a rule of the schema";
    return { reason: `${quote(value)} breaks the schema's rule: expected ${words}`, expected: words };
  }
  const { noun, example } = kindExpectation(spec);
  const expected = `${noun}, ${example}`;
  if (kind === 1)
    return { reason: `empty value, but the column is not nullable (expected ${expected})`, expected };
  if ((spec.kind === "float" || spec.kind === "int") && isNonFiniteNumberText(value))
    return {
      reason: `${quote(value)} is not a finite number (expected ${example}; NaN, Infinity and values beyond ±1.8e308 are invalid)`,
      expected,
    };
  if (spec.kind === "int" && isUnsafeIntegerText(value))
    return {
      reason: `${quote(value)} is outside the safe integer range, ±${Number.MAX_SAFE_INTEGER} (2^53 − 1): a number cannot hold it exactly (read the column as a string to keep it whole)`,
      expected,
    };
  if (spec.kind === "timestamp" && isZonedTimestamp(value))
    return { reason: zonedTimestampReason(quote(value)), expected };
  if (isDateColumn(spec) && holdsTimeOfDay(value)) return { reason: timeOfDayReason(quote(value)), expected };
  if (spec.kind === "enum")
    return { reason: `${quote(value)} is not an allowed value (expected ${example})`, expected };
  return { reason: `cannot parse ${quote(value)} as ${noun} (expected ${example})`, expected };
}

/**
 * Why a cell's text is invalid for a schema column, as readTable says it (`""` is an empty cell of a column that
 * is not nullable, and so are spaces and tabs but in text and enum columns): for engines that read files
 * themselves and must name bad values the same way. `quoted`: the cell was quoted, so `""` is the empty text,
 * a value that is not allowed in an enum column (an empty cell only for numbers, booleans and time stamps).
 * @example invalidValueReason(spec, "abc").reason // 'cannot parse "abc" as a number (expected e.g. 12.5)'
 */
export function invalidValueReason(
  spec: ColumnSpec,
  value: string,
  quoted = false,
): { reason: string; expected: string } {
  const text = spec.kind === "enum" || spec.kind === "string";
  const blank = !text && /^[ \t]*$/.test(value);
  return describeIssue(spec, (value === "" && !(quoted && text)) || blank ? 1 : 0, value);
}

/** Counts what "drop" mode dropped, per column, with the first few examples of each. */
export class InvalidValueLog {
  droppedRows = 0;
  readonly byColumn = new Map<string, number>();
  readonly examples: InvalidValueExample[] = [];

  constructor(readonly mode: OnInvalid) {}

  /** Count one invalid value under `column` (a row may hold several; rows are counted by the caller). */
  count(column: string, example: () => InvalidValueExample): void {
    const seen = this.byColumn.get(column) ?? 0;
    this.byColumn.set(column, seen + 1);
    if (seen < EXAMPLES_PER_COLUMN) this.examples.push(example());
  }
}
