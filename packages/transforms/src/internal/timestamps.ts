import { describeValue } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import { columnValues } from "./columns";

/** Milliseconds in a (UTC wall-clock) day. */
export const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

/**
 * The time stamps of a column as epoch milliseconds of their UTC fields (NaN where missing), one per
 * visible row. Accepts `Date`s and epoch-ms numbers; `null`, `undefined`, NaN and invalid Dates are
 * missing. Anything else (a string, say) is an error naming the step, the column and the value.
 */
export function timestampMillis(
  table: ColumnTable,
  column: string,
  rows: Uint32Array,
  step: string,
): Float64Array {
  const values = columnValues(table, column);
  const out = new Float64Array(rows.length);
  if (values instanceof Float64Array) {
    for (let i = 0; i < rows.length; ++i) out[i] = values[rows[i]!]!;
    return out;
  }
  for (let i = 0; i < rows.length; ++i) {
    const value = values[rows[i]!];
    if (value instanceof Date) out[i] = value.getTime();
    else if (typeof value === "number") out[i] = value;
    else if (value === null || value === undefined) out[i] = Number.NaN;
    else {
      throw new TypeError(
        `${step}: column "${column}" must hold time stamps (Date or epoch milliseconds); ` +
          `row ${i} holds ${describeValue(value)} (${typeof value})`,
      );
    }
  }
  return out;
}

/** Days since 1970-01-01 of a time stamp's UTC calendar date. */
export function dayNumber(ms: number): number {
  return Math.floor(ms / MS_PER_DAY);
}

/** The UTC hour (0-23) of a time stamp. */
export function hourOfDay(ms: number): number {
  return Math.floor((ms - Math.floor(ms / MS_PER_DAY) * MS_PER_DAY) / MS_PER_HOUR);
}

/**
 * The proleptic Gregorian date of a day number, packed as `year * 10000 + month * 100 + day`
 * (H. Hinnant's `civil_from_days`; no Date object, no time zone).
 */
export function civilDate(days: number): number {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 10000 + month * 100 + day;
}

/** The day of the week of a day number: 1 = Sunday ... 7 = Saturday (Spark's `dayofweek`). */
export function dayOfWeek(days: number): number {
  // 1970-01-01 was a Thursday (5 in this numbering).
  return ((((days + 4) % 7) + 7) % 7) + 1;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Epoch milliseconds of the first instant of the month after the `yyyyMM` month `month`. */
export function startOfNextMonth(month: string): number {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(4, 6)); // 1-12
  const next = index === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, index + 1, 1);
  return next * MS_PER_DAY;
}
