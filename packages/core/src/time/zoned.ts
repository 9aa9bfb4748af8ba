/** ISO text with a time and then `Z` or an offset: `2018-01-01T14:04:00Z`, `... 14:04:00 -05:00`. */
const ZONED = /^\s*\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?\s?(?:[Zz]|[+-]\d\d(?::?\d\d)?)\s*$/;

/** What a wall-clock time-stamp column expects, in readTable's words. */
export const WALL_CLOCK_EXPECTED =
  "a time stamp without a zone, the data's wall-clock time (e.g. 2018-07-27 09:14:45)";

/**
 * True when `text` is an ISO time stamp carrying a zone (`Z` or an offset), which a wall-clock column refuses
 * (`parseWallClockTimestamp(text)` is NaN).
 * @example isZonedTimestamp("2024-01-01T10:00:00+02:00") // true
 */
export function isZonedTimestamp(text: string): boolean {
  return ZONED.test(text);
}

/**
 * Why a wall-clock column refuses a zoned time stamp, as readTable says it, after the value as shown.
 * @example zonedTimestampReason('"2024-01-01T10:00:00Z"') // '"2024-01-01T10:00:00Z" carries a zone (Z or an offset): expected ...'
 */
export function zonedTimestampReason(shown: string): string {
  return `${shown} carries a zone (Z or an offset): expected ${WALL_CLOCK_EXPECTED}`;
}
