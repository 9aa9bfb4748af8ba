import { isMissing } from "@tablepipe/core";

/**
 * Cell equality for table comparison, with tablepipe's missing-value rule: `null`, `undefined`, NaN and an
 * invalid Date are one missing value (equal to each other, as every transform and engine treats them), Dates
 * compare by time value, numbers within `tolerance` (absolute) are equal, arrays compare element-wise whatever
 * their kind (typed or plain). A Date equals a number when `date.getTime() === number` (a time stamp held as
 * epoch milliseconds, as `readTable` and the row factories hold them), so an expected table written with Dates
 * equals one read or built with epoch milliseconds; the tolerance does not apply to Dates. Values of other
 * different kinds (1 vs "1", 1 vs 1n, a Date vs a string) differ.
 * @example cellsEqual(Number.NaN, null) // true: both missing (DuckDB and Spark return a NaN as null)
 */
export function cellsEqual(a: unknown, b: unknown, tolerance = 0): boolean {
  if (a === b) return true;
  const missing = isMissing(a);
  if (missing || isMissing(b)) return missing && isMissing(b);
  if (typeof a === "number" && typeof b === "number") return numbersEqual(a, b, tolerance);
  if (typeof a === "bigint" && typeof b === "bigint")
    return tolerance > 0 && numbersEqual(Number(a - b), 0, tolerance);
  if (a instanceof Date || b instanceof Date) {
    const timeA = timeValue(a);
    const timeB = timeValue(b);
    return timeA !== undefined && timeB !== undefined && sameTime(timeA, timeB);
  }
  if (isSequence(a) && isSequence(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!cellsEqual(a[i], b[i], tolerance)) return false;
    return true;
  }
  if (isPlainRecord(a) && isPlainRecord(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.hasOwn(b, key) && cellsEqual(a[key], b[key], tolerance));
  }
  return Object.is(a, b);
}

/**
 * A total order on cells, used to sort rows when row order is ignored: missing (null, undefined, NaN, an
 * invalid Date) < booleans < numbers and Dates together, by value (a Date by its time value, so that it sorts
 * beside the same epoch milliseconds) < bigints < strings (by UTF-16 code units, not locale) < anything else (by its
 * JSON text). Numbers within `tolerance` compare as equal, so that nearly equal rows sort alike in both tables.
 */
export function compareCells(a: unknown, b: unknown, tolerance = 0): number {
  const rankA = rank(a);
  const rankB = rank(b);
  if (rankA !== rankB) return rankA - rankB;
  if (cellsEqual(a, b, tolerance)) return 0;
  switch (rankA) {
    case 1:
      return a ? 1 : -1;
    case 2:
    case 3:
      return compareNumbers(Number(a), Number(b)); // Number(date) is its time value
    case 5:
      return compareStrings(a as string, b as string);
    default:
      return compareStrings(stableText(a), stableText(b));
  }
}

function numbersEqual(a: number, b: number, tolerance: number): boolean {
  if (a === b) return true;
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (!Number.isFinite(a) || !Number.isFinite(b) || tolerance <= 0) return false;
  // The difference itself is rounded: allow that rounding, so 1 and 1.1 are equal within 0.1.
  const slack = 2 * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b), tolerance);
  return Math.abs(a - b) - tolerance <= slack;
}

function sameTime(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/** The time value of a Date, or a number taken as epoch milliseconds; undefined for anything else. */
function timeValue(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime();
  return typeof value === "number" ? value : undefined;
}

function rank(value: unknown): number {
  if (isMissing(value)) return 0;
  switch (typeof value) {
    case "boolean":
      return 1;
    case "number":
      return 2;
    case "bigint":
      return 3;
    case "string":
      return 5;
    default:
      return value instanceof Date ? 2 : 6;
  }
}

/** Ascending, NaN after every number. */
function compareNumbers(a: number, b: number): number {
  const nanA = Number.isNaN(a);
  const nanB = Number.isNaN(b);
  if (nanA || nanB) return nanA === nanB ? 0 : nanA ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isSequence(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function stableText(value: unknown): string {
  try {
    return (
      JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? `${item}n` : item)) ??
      String(value)
    );
  } catch {
    return String(value);
  }
}
