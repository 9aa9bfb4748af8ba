/** Spark time stamps floored to the millisecond, as readTable reads a finer one (the session zone is UTC). */

/** The epoch milliseconds of a time stamp or date `c` (a zoned one as its UTC wall clock), floored. */
function flooredEpochMillis(c: string): string {
  // TIMESTAMP_LTZ: a plain TIMESTAMP is zone-less in the session (`SESSION_CONFIG`); the zone is UTC
  return `CAST(floor(unix_micros(CAST(${c} AS TIMESTAMP_LTZ)) / 1000) AS BIGINT)`;
}

/**
 * A time stamp or date `c` as TIMESTAMP_NTZ floored to the millisecond, as readTable reads a finer one (a zoned time
 * stamp as its UTC wall-clock time).
 * @example flooredMillis("`at`")
 */
export function flooredMillis(c: string): string {
  return `CAST(timestamp_millis(${flooredEpochMillis(c)}) AS TIMESTAMP_NTZ)`;
}

/**
 * A zoned time stamp `c` (Spark's TimestampType) floored to the millisecond, its type kept.
 * @example flooredZonedMillis("`at`")
 */
export function flooredZonedMillis(c: string): string {
  return `CAST(timestamp_millis(${flooredEpochMillis(c)}) AS TIMESTAMP_LTZ)`;
}
