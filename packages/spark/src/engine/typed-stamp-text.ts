import { flooredMillis } from "./floored-stamps";
import { sparkString } from "./spark-sql-text";

/**
 * A typed file column's time stamp or date `c` (Parquet) as readTable shows such a value in a message (core's
 * `formatTimestamp` of its epoch milliseconds, floored): `2024-01-01T10:00:00`, then `.123` when its milliseconds
 * are not 0; NULL for a null. Spark's own text of a TIMESTAMP_NTZ (`2024-01-01 10:00:00`) is another.
 * @example typedStampText("`day`")
 */
export function typedStampText(c: string): string {
  const stamp = flooredMillis(c);
  const millis = `date_format(${stamp}, 'SSS')`;
  const seconds = `date_format(${stamp}, ${sparkString("yyyy-MM-dd'T'HH:mm:ss")})`;
  return `concat(${seconds}, CASE WHEN ${millis} = '000' THEN '' ELSE concat('.', ${millis}) END)`;
}
