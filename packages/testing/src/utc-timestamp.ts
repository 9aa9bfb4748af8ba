/** `YYYY-MM-DD`, optionally `[T ]HH:MM[:SS[.fraction]]`, optionally a zone `Z` or `±HH[:]MM`. */
const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses an ISO date or time stamp; one without a zone is read as a UTC wall-clock time, never as local
 * time, so the result does not depend on the machine's time zone. Returns `undefined` when it does not parse.
 * @example parseUtcTimestamp("2018-02-04T18:00") // Date 2018-02-04T18:00:00.000Z, in every TZ
 */
export function parseUtcTimestamp(text: string): Date | undefined {
  const match = ISO_TIMESTAMP.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day, hour = "0", minute = "0", second = "0", fraction = "0", zone] = match;
  const parts = [Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)];
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = parts;
  const millis = Number(fraction.padEnd(3, "0").slice(0, 3));
  const date = new Date(0);
  date.setUTCFullYear(y, mo, d);
  date.setUTCHours(h, mi, s, millis);
  const valid =
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi &&
    date.getUTCSeconds() === s;
  if (!valid) return undefined;
  if (zone === undefined || zone === "Z") return date;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return new Date(date.getTime() - sign * offsetMinutes * 60_000);
}
