/**
 * Which days trips fall on: mostly 2018, a few in 2017 and early 2019 (so the guide's month window,
 * 201703 < month <= 201811, filters something), busier on Thursdays to Saturdays and in spring.
 */

import { daysFromCivil } from "@tablepipe/core";
import { Discrete } from "./distributions";

/** Milliseconds per day. */
export const MS_PER_DAY = 86_400_000;

/** Day of the week of a day number, 0 = Sunday ... 6 = Saturday. */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** A span of days and its share of all trips. */
interface Period {
  from: [number, number, number];
  /** Inclusive. */
  through: [number, number, number];
  share: number;
}

const PERIODS: readonly Period[] = [
  { from: [2017, 1, 1], through: [2017, 12, 31], share: 0.06 },
  { from: [2018, 1, 1], through: [2018, 12, 31], share: 0.9 },
  { from: [2019, 1, 1], through: [2019, 2, 28], share: 0.04 },
];

/** Relative trip volume by day of the week, Sunday first. */
const WEEKDAY_VOLUME = [0.86, 0.88, 0.96, 1.0, 1.07, 1.1, 1.04];

/** Relative trip volume by month, January first. */
const MONTH_VOLUME = [0.95, 0.97, 1.06, 1.05, 1.06, 1.0, 0.92, 0.91, 0.97, 1.04, 1.02, 1.0];

/** The days trips may fall on (day numbers since 1970-01-01) and how likely each one is. */
export interface TripCalendar {
  /** Day numbers since 1970-01-01. */
  readonly days: Int32Array;
  /** Day of the week of each day, 0 = Sunday ... 6 = Saturday. */
  readonly weekdays: Uint8Array;
  /** Picks an index into `days`. */
  readonly distribution: Discrete;
}

/** Calls `visit(day, month)` for every day from `from` through `through` (inclusive). */
function forEachDay(
  from: Period["from"],
  through: Period["through"],
  visit: (day: number, month: number) => void,
): void {
  const last = daysFromCivil(...through);
  let [year, month] = from;
  let day = daysFromCivil(...from);
  while (day <= last) {
    const nextMonth = month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
    for (; day < nextMonth && day <= last; day++) visit(day, month);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}

function buildCalendar(): TripCalendar {
  const days: number[] = [];
  const weights: number[] = [];
  for (const period of PERIODS) {
    const perDay = period.share / (daysFromCivil(...period.through) - daysFromCivil(...period.from) + 1);
    forEachDay(period.from, period.through, (day, month) => {
      days.push(day);
      weights.push(
        perDay * (WEEKDAY_VOLUME[weekdayOfDay(day)] as number) * (MONTH_VOLUME[month - 1] as number),
      );
    });
  }
  return {
    days: Int32Array.from(days),
    weekdays: Uint8Array.from(days, weekdayOfDay),
    distribution: new Discrete(weights),
  };
}

let calendar: TripCalendar | undefined;

/**
 * The trip calendar (built once).
 * @example const c = tripCalendar(); c.days[c.distribution.pick(u)] // a day number
 */
export function tripCalendar(): TripCalendar {
  calendar ??= buildCalendar();
  return calendar;
}
