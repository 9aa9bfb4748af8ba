import { formatWallClock } from "@tablepipe/core";

/** Longest cell text shown in messages before it is cut with an ellipsis. */
export const MAX_TEXT = 40;

/**
 * One value as short, unambiguous text for error messages: strings quoted, Dates as UTC wall-clock time stamps.
 * @example formatCellValue("N") // '"N"'; formatCellValue(new Date(Date.UTC(2018, 1, 4, 18))) // "2018-02-04 18:00:00"
 */
export function formatCellValue(value: unknown): string {
  const text = formatFullValue(value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** formatCellValue's text before it is cut to MAX_TEXT: `formatFullValue("x".repeat(50))` is all 50 x's, quoted. */
export function formatFullValue(value: unknown): string {
  return formatFull(value, 0);
}

/** A value with its kind, for messages about wrong input: `"two" (string)`, `[1, 2] (array)`. */
export function describeCellValue(value: unknown): string {
  return `${formatCellValue(value)} (${kindOf(value)})`;
}

/** The kind of a value as a message word: "null", "array", "Date", "Float64Array", "number", ... */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (ArrayBuffer.isView(value)) return value.constructor.name;
  if (value instanceof Date) return "Date";
  return typeof value;
}

/** A Date as a person reads a time stamp: its UTC wall clock, `2018-02-04 18:00:00` (`.sss` only when not zero). */
export function formatDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? "Invalid Date" : formatWallClock(date);
}

function formatFull(value: unknown, depth: number): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "boolean" || typeof value === "symbol") return String(value);
  if (typeof value === "function") return `[function ${value.name || "anonymous"}]`;
  if (value instanceof Date) return formatDate(value);
  if (depth > 2) return Array.isArray(value) ? "[…]" : "{…}";
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const items = Array.from(value as ArrayLike<unknown>, (item) => formatFull(item, depth + 1));
    return `[${items.join(", ")}]`;
  }
  const entries = Object.entries(value).map(([key, item]) => `${key}: ${formatFull(item, depth + 1)}`);
  return `{${entries.join(", ")}}`;
}
