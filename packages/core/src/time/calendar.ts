/**
 * Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), after H. Hinnant's
 * `days_from_civil` / `civil_from_days`: no Date objects, no time zone, the same result on every machine.
 */

/** Days since 1970-01-01 of a date. @example daysFromCivil(2018, 2, 4) // 17566 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The date of a day number, packed as `year * 10000 + month * 100 + day`. Unpack with
 * `year = Math.floor(packed / 10000)` and `packed - year * 10000` for `month * 100 + day` (also before year 0).
 * @example civilDate(17566) // 20180204
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
