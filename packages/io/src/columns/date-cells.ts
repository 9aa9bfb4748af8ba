/**
 * A `date` column (`z.date().meta({ logicalType: "date" })`) holds the epoch milliseconds of each day's midnight:
 * a value read into one is parsed as a time stamp is, and one holding another time of day (`2023-01-03 10:00:00`)
 * is an invalid value, as one that does not parse. `2023-01-03` and `2023-01-03 00:00:00` are the same date.
 */

import { parseTimestampBytes, toScratch } from "@tablepipe/core/internal";
import type { TextCellDialect } from "./text-cell-dialect";

/** Milliseconds in a day. */
const MS_PER_DAY = 86_400_000;

/** What a date column expects, for error messages (as `kindExpectation` gives it for the other kinds). */
export const DATE_EXPECTATION: { readonly noun: string; readonly example: string } = {
  noun: "a date",
  example: "e.g. 2018-07-27, 07/27/2018 or 2018-07-27 00:00:00 (no time of day but midnight)",
};

/** True when the column (a `ColumnSpec`) is a `date` column: its values must be midnights. */
export function isDateColumn(spec: { readonly kind: string; readonly date?: boolean }): boolean {
  return spec.kind === "timestamp" && spec.date === true;
}

/**
 * True when epoch milliseconds `ms` are a day's midnight (-0 included).
 * @example isMidnight(Date.UTC(2023, 0, 3)) // true; isMidnight(Date.UTC(2023, 0, 3, 10)) // false
 */
export function isMidnight(ms: number): boolean {
  return ms % MS_PER_DAY === 0;
}

/** True when every value of `values` is a midnight (NaN is none). */
export function allMidnights(values: Float64Array): boolean {
  for (let r = 0; r < values.length; r++) if ((values[r] as number) % MS_PER_DAY !== 0) return false;
  return true;
}

/**
 * True when `text` parses as a time stamp without a zone (readTable's layouts) whose time of day is not midnight:
 * the text of a value a date column refuses for its time, not for its layout.
 * @example holdsTimeOfDay("2023-01-03 10:00:00") // true; holdsTimeOfDay("2023-01-03") // false
 */
export function holdsTimeOfDay(text: string): boolean {
  const { bytes, length } = toScratch(text);
  const ms = parseTimestampBytes(bytes, 0, length, false);
  return !Number.isNaN(ms) && !isMidnight(ms);
}

/**
 * Why a date column refuses a value holding a time of day, after the value as shown.
 * @example timeOfDayReason('"2023-01-03 10:00:00"') // '"2023-01-03 10:00:00" is not a midnight: ...'
 */
export function timeOfDayReason(shown: string): string {
  return `${shown} is not a midnight: the column holds dates (expected ${DATE_EXPECTATION.example})`;
}

/**
 * Whether the SQL time stamp `stamp` (not NULL) is a midnight, in a dialect whose zone-less time stamp type is
 * `d.types.timestamp` (DuckDB's TIMESTAMP, Spark's TIMESTAMP_NTZ: the cast to DATE drops the time of day alone).
 * @example midnightSql(dialect, '"x0"') // (CAST(CAST("x0" AS DATE) AS TIMESTAMP) = "x0")
 */
export function midnightSql(d: Pick<TextCellDialect, "types">, stamp: string): string {
  return `(CAST(CAST(${stamp} AS DATE) AS ${d.types.timestamp}) = ${stamp})`;
}
