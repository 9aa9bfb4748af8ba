import { civilDate, daysFromCivil } from "../time/calendar";
import type { TruncUnit, UnaryOp } from "./nodes";

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_MINUTE = 60_000;
const MS_PER_SECOND = 1000;

/** The date parts of a zone-less time stamp (epoch milliseconds of its wall-clock fields). */
export type DatePart = Extract<
  UnaryOp,
  "year" | "month" | "day" | "dayOfWeek" | "hour" | "minute" | "second" | "quarter" | "dayOfYear"
>;

/** Every date part function (the expression check and the SQL renderer list them among their operators). */
export const DATE_PARTS: readonly DatePart[] = [
  "year",
  "month",
  "day",
  "dayOfWeek",
  "hour",
  "minute",
  "second",
  "quarter",
  "dayOfYear",
];

const DATE_PART_SET: ReadonlySet<UnaryOp> = new Set(DATE_PARTS);

/** True when `op` reads a date part. */
export function isDatePart(op: UnaryOp): op is DatePart {
  return DATE_PART_SET.has(op);
}

/** The month (1-12) of a day's civil date (`yyyymmdd`). */
const monthOf = (c: number): number => Math.floor((c - Math.floor(c / 10000) * 10000) / 100);

/**
 * A function from epoch milliseconds to the date part (year, month 1-12, day 1-31, 1 = Sunday, hour, minute,
 * second, quarter 1-4, day of the year 1-366).
 */
export function datePart(part: DatePart): (ms: number) => number {
  switch (part) {
    case "year":
      return (ms) => Math.floor(civilDate(Math.floor(ms / MS_PER_DAY)) / 10000);
    case "month":
      return (ms) => monthOf(civilDate(Math.floor(ms / MS_PER_DAY)));
    case "quarter":
      return (ms) => Math.floor((monthOf(civilDate(Math.floor(ms / MS_PER_DAY))) - 1) / 3) + 1;
    case "dayOfYear":
      return (ms) => {
        const days = Math.floor(ms / MS_PER_DAY);
        const year = Math.floor(civilDate(days) / 10000);
        return days - daysFromCivil(year, 1, 1) + 1;
      };
    case "day":
      return (ms) => {
        const c = civilDate(Math.floor(ms / MS_PER_DAY));
        return (c - Math.floor(c / 10000) * 10000) % 100;
      };
    case "dayOfWeek":
      // 1970-01-01 was a Thursday (5 when Sunday is 1).
      return (ms) => ((((Math.floor(ms / MS_PER_DAY) + 4) % 7) + 7) % 7) + 1;
    case "hour":
      return (ms) => Math.floor((ms - Math.floor(ms / MS_PER_DAY) * MS_PER_DAY) / MS_PER_HOUR);
    case "minute":
      return (ms) => Math.floor((ms - Math.floor(ms / MS_PER_HOUR) * MS_PER_HOUR) / MS_PER_MINUTE);
    case "second":
      return (ms) => Math.floor((ms - Math.floor(ms / MS_PER_MINUTE) * MS_PER_MINUTE) / MS_PER_SECOND);
  }
}

/** A function from epoch milliseconds to the start of its minute, hour, day, week (Monday), month or year. */
export function truncation(unit: TruncUnit): (ms: number) => number {
  switch (unit) {
    case "minute":
      return (ms) => Math.floor(ms / MS_PER_MINUTE) * MS_PER_MINUTE;
    case "hour":
      return (ms) => Math.floor(ms / MS_PER_HOUR) * MS_PER_HOUR;
    case "day":
      return (ms) => Math.floor(ms / MS_PER_DAY) * MS_PER_DAY;
    case "week":
      return (ms) => {
        const days = Math.floor(ms / MS_PER_DAY);
        return (days - ((((days + 3) % 7) + 7) % 7)) * MS_PER_DAY; // 1970-01-05 was a Monday
      };
    case "month":
      return (ms) => {
        const c = civilDate(Math.floor(ms / MS_PER_DAY));
        const y = Math.floor(c / 10000);
        return daysFromCivil(y, Math.floor((c - y * 10000) / 100), 1) * MS_PER_DAY;
      };
    case "year":
      return (ms) =>
        daysFromCivil(Math.floor(civilDate(Math.floor(ms / MS_PER_DAY)) / 10000), 1, 1) * MS_PER_DAY;
  }
}
