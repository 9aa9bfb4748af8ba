/**
 * Time stamps floored to the millisecond in DuckDB's SQL, as readTable reads a finer one (the calendar reads the
 * millisecond a stamp falls in, floored): the readers' rule, and what writeTable writes.
 */

/**
 * A nanosecond time stamp's epoch milliseconds, floored (`date_trunc` of a TIMESTAMP_NS truncates toward zero,
 * and DuckDB's `//` does too): in whole numbers, as a double would lose the nanoseconds.
 * @example flooredMillisOfNanos('"at"') // (CASE WHEN epoch_ns("at") >= 0 THEN ... END)
 */
export function flooredMillisOfNanos(c: string): string {
  const ns = `epoch_ns(${c})`;
  return `(CASE WHEN ${ns} >= 0 THEN ${ns} // 1000000 ELSE -((-(${ns} + 1)) // 1000000) - 1 END)`;
}

/**
 * A TIMESTAMP (microseconds; or anything DuckDB casts to one: a zoned stamp as its wall clock in the session's
 * UTC, a date) floored to the millisecond; `date_trunc` floors a TIMESTAMP, before 1970 too.
 * @example flooredTimestamp('"at"') // date_trunc('millisecond', CAST("at" AS TIMESTAMP))
 */
export function flooredTimestamp(c: string): string {
  return `date_trunc('millisecond', CAST(${c} AS TIMESTAMP))`;
}

/**
 * A column of any type DuckDB casts to a TIMESTAMP, as a TIMESTAMP floored to the millisecond, whatever its type
 * turns out to be: a TIMESTAMP_NS from its nanoseconds (DuckDB's cast to TIMESTAMP rounds them toward zero, so a
 * stamp just before 1970 would read as 1970), any other from its cast. `typeof` is a constant: DuckDB evaluates
 * only the branch of the column's type.
 * @example flooredStampOfAnyType('"at"')
 */
export function flooredStampOfAnyType(c: string): string {
  const nanos = `make_timestamp(${flooredMillisOfNanos(`CAST(${c} AS TIMESTAMP_NS)`)} * 1000)`;
  return `(CASE WHEN typeof(${c}) = 'TIMESTAMP_NS' THEN ${nanos} ELSE ${flooredTimestamp(c)} END)`;
}
