import { civilDate, daysFromCivil, describeValue } from "@tablepipe/core";

export { civilDate };

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

/** The day of the week of a day number: 1 = Sunday ... 7 = Saturday (Spark's `dayofweek`). */
export function dayOfWeek(days: number): number {
  // 1970-01-01 was a Thursday (5 in this numbering).
  return ((((days + 4) % 7) + 7) % 7) + 1;
}

/** Epoch milliseconds of the first instant of the month after the `yyyyMM` month `month`. */
export function startOfNextMonth(month: string): number {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(4, 6)); // 1-12
  const next = index === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, index + 1, 1);
  return next * MS_PER_DAY;
}
