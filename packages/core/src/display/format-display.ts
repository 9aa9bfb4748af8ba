import { formatTimestamp, isEpochMillis } from "../time/timestamp";
import type { DisplayType } from "./display-schema";

/**
 * A time stamp as a person reads it: `2018-02-04 18:00:00` (`.sss` only when the milliseconds are not zero),
 * the zone-less wall clock of epoch milliseconds (or of a Date's UTC fields).
 * @example formatWallClock(Date.UTC(2018, 1, 4, 18)) // "2018-02-04 18:00:00"
 */
export function formatWallClock(time: number | Date): string {
  return formatTimestamp(time).replace("T", " ");
}

/**
 * A date as a person reads it: `2018-02-04` (the day of epoch milliseconds, or of a Date's UTC fields).
 * @example formatDay(Date.UTC(2018, 1, 4)) // "2018-02-04"
 */
export function formatDay(time: number | Date): string {
  return formatTimestamp(time).slice(0, 10);
}

/**
 * One cell as shown in a grid: `null` for a missing value, time stamps and dates readable (a column typed
 * `timestamp` or `date` holds epoch milliseconds; a Date anywhere is shown as a time stamp), other values as
 * text.
 * @example formatDisplayValue(Date.UTC(2018, 1, 4, 18), "timestamp") // "2018-02-04 18:00:00"
 */
export function formatDisplayValue(value: unknown, type: DisplayType): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "Invalid Date";
    return type === "date" ? formatDay(value) : formatWallClock(value);
  }
  if ((type === "timestamp" || type === "date") && isEpochMillis(value)) {
    return type === "date" ? formatDay(value) : formatWallClock(value);
  }
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "string" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  try {
    return (
      JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v)) ?? String(value)
    );
  } catch {
    return String(value);
  }
}
