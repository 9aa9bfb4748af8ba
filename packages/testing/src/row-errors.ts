import { zonedTimestampReason } from "@tablepipe/core/internal";
import type * as z from "zod";
import { describeCellValue } from "./format-value";

/** Details of one invalid cell (or row, for a whole-row rule) found while building rows. */
export interface RowIssue {
  /** Index of the row in the data passed to the factory. */
  readonly rowIndex: number;
  /** Column of the invalid value, or `undefined` when a rule on the whole row failed. */
  readonly column: string | undefined;
  /** The value as passed in (`undefined` when the column was left out and has no default). */
  readonly value: unknown;
  /** What the schema expected: a type such as "number", or a rule such as "Too small: expected number to be >=0". */
  readonly expected: string;
  /** zod's issue code ("invalid_type", "too_small", "custom", ...), "invalid_timestamp" or "zoned_timestamp". */
  readonly code: string;
}

/**
 * Thrown when a row does not match the factory's schema; the message names the row index, the column,
 * the value and what was expected, e.g. `trips.rows(): row 1, column "passenger_count": got "two" (string), expected number`.
 */
export class RowValidationError extends Error {
  override readonly name = "RowValidationError";
  /** Index of the first invalid row. */
  readonly rowIndex: number;
  /** Column of the first problem (`undefined` for a whole-row rule). */
  readonly column: string | undefined;
  /** The offending value of the first problem. */
  readonly value: unknown;
  /** What was expected, for the first problem. */
  readonly expected: string;
  /** Every problem found in the row. */
  readonly issues: readonly RowIssue[];

  constructor(context: string, issues: readonly [RowIssue, ...RowIssue[]]) {
    super(`${context}: ${issues.map(formatIssue).join("; ")}`);
    const [first] = issues;
    this.rowIndex = first.rowIndex;
    this.column = first.column;
    this.value = first.value;
    this.expected = first.expected;
    this.issues = issues;
  }
}

function formatIssue(issue: RowIssue): string {
  const where = issue.column === undefined ? "" : `, column "${issue.column}"`;
  // readTable's words for a zoned time stamp
  if (issue.code === "zoned_timestamp")
    return `row ${issue.rowIndex}${where}: ${zonedTimestampReason(JSON.stringify(issue.value))}`;
  const separator =
    issue.code === "invalid_type" || issue.code === "invalid_timestamp" ? ", expected " : ": ";
  return `row ${issue.rowIndex}${where}: got ${describeCellValue(issue.value)}${separator}${issue.expected}`;
}

/** Turns zod's issues for one row into {@link RowIssue}s, reading the offending values from the input row. */
export function rowIssuesFromZod(
  rowIndex: number,
  input: Readonly<Record<string, unknown>>,
  issues: readonly z.core.$ZodIssue[],
): RowIssue[] {
  return issues.map((issue) => {
    const [head, ...rest] = issue.path;
    const column = head === undefined ? undefined : String(head);
    let value: unknown = column === undefined ? input : input[column];
    for (const key of rest) value = isIndexable(value) ? value[key as keyof typeof value] : undefined;
    const path = rest.length > 0 ? `${column}.${rest.map(String).join(".")}` : column;
    const expected =
      issue.code !== "invalid_type"
        ? issue.message.replace(/^Invalid input: /, "")
        : (notFiniteWords(issue.expected, value) ?? String(issue.expected));
    return { rowIndex, column: path, value, expected, code: issue.code };
  });
}

/**
 * What a number column expects, said for a NaN or an infinity given to it (zod's "expected number" alone reads as
 * if a number were not one); undefined for any other value.
 */
function notFiniteWords(expected: unknown, value: unknown): string | undefined {
  if (expected !== "number" || typeof value !== "number" || Number.isFinite(value)) return undefined;
  return Number.isNaN(value)
    ? "a finite number: NaN is not one (write null for a missing value, in a .nullable() column)"
    : "a finite number: a number column holds no infinity (readTable refuses one too)";
}

function isIndexable(value: unknown): value is Record<PropertyKey, unknown> {
  return typeof value === "object" && value !== null;
}
