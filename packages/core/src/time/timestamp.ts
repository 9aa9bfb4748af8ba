/**
 * Time stamps as UTC wall-clock times, parsed from bytes at fixed positions (no regex, no `Date.parse`) into
 * epoch milliseconds (the numbers the tables hold), and formatted back without a `Date`.
 *
 * Layouts read (a date alone means midnight):
 * - ISO: `2018-07-27 09:14:45`, `2018-07-27T09:14:45`, optional `:ss`, fraction `.f…` (cut to milliseconds),
 *   optional zone `Z`, `+05:30`, `+0530`, `+05` (then honoured as that instant; without a zone the wall-clock
 *   time is read as UTC);
 * - NYC Open Data: `07/27/2018 09:14:45 AM` (month and day and hour may have one digit; `12 AM` is midnight,
 *   `12 PM` noon; without AM/PM the hour is 0-23).
 */

import { civilDate, daysFromCivil } from "./calendar";
import { toScratch } from "./scratch";

const INVALID = Number.NaN;
const MS_PER_DAY = 86_400_000;
const BAD = -1_000_000; // any digit slot that is not a digit drags the field far below its valid range

const D0 = 48;
const DASH = 45;
const SLASH = 47;
const COLON = 58;
const DOT = 46;
const COMMA = 44;
const SPACE = 32;
const TAB = 9;
const PLUS = 43;

function dig(b: Uint8Array, i: number): number {
  const d = (b[i] ?? 0) - D0;
  return d >= 0 && d <= 9 ? d : BAD;
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= D0 && c <= D0 + 9;
}

/** First year of {@link MONTH_STARTS}; the table covers 1900-01 to 2199-12. */
const TABLE_FIRST_YEAR = 1900;
const TABLE_YEARS = 300;

/** Days since 1970-01-01 of the first day of each month from 1900 to 2199 (a lookup on the hot path). */
const MONTH_STARTS = (() => {
  const starts = new Int32Array(TABLE_YEARS * 12);
  for (let i = 0; i < starts.length; i++) {
    starts[i] = daysFromCivil(TABLE_FIRST_YEAR + Math.floor(i / 12), (i % 12) + 1, 1);
  }
  return starts;
})();

/** Days since 1970-01-01 of a valid date; the table for the usual years, the formula outside them. */
function dayNumber(year: number, month: number, day: number): number {
  const index = (year - TABLE_FIRST_YEAR) * 12 + month - 1;
  return index >= 0 && index < MONTH_STARTS.length
    ? (MONTH_STARTS[index] as number) + day - 1
    : daysFromCivil(year, month, day);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function toEpoch(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return INVALID;
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59 || ms < 0) return INVALID;
  return dayNumber(y, mo, d) * MS_PER_DAY + h * 3_600_000 + mi * 60_000 + s * 1000 + ms;
}

/**
 * Parse the bytes `b[start..end)` as a time stamp; returns epoch milliseconds, or NaN when it does not parse.
 * With `allowZone` false a stamp carrying `Z` or an offset does not parse either (wall-clock columns).
 * @example parseTimestampBytes(Buffer.from("2018-02-04 18:00:00"), 0, 19) // Date.UTC(2018, 1, 4, 18)
 */
export function parseTimestampBytes(b: Uint8Array, start: number, end: number, allowZone = true): number {
  let s = start;
  let e = end;
  while (s < e && (b[s] === SPACE || b[s] === TAB)) s++;
  while (e > s && (b[e - 1] === SPACE || b[e - 1] === TAB)) e--;
  if (e - s >= 10 && b[s + 4] === DASH && b[s + 7] === DASH) return parseIso(b, s, e, allowZone);
  return parseUsSlashes(b, s, e);
}

/** Each byte's value as a digit: 0-9 for `0`-`9`, 10,000 for any other byte. */
const DIGITS = Int32Array.from({ length: 256 }, (_, c) => (c >= D0 && c <= D0 + 9 ? c - D0 : 10_000));

/** The two bytes at `i` as a two-digit number; 10,000 or more when either is not a digit. */
function pairAt(b: Uint8Array, i: number): number {
  return (DIGITS[b[i] as number] as number) * 10 + (DIGITS[b[i + 1] as number] as number);
}

/**
 * Parse the 19 bytes at `p` as `YYYY-MM-DD HH:MM:SS` (or with `T` between date and time), the layout most
 * files use: the same epoch milliseconds {@link parseTimestampBytes} gives those bytes, NaN for anything else
 * (another layout, a bad digit, a date or time out of range). The fast CSV pass reads whole rows with it.
 * @example parseIsoSecondsAt(Buffer.from("2018-02-04 18:00:00"), 0) // Date.UTC(2018, 1, 4, 18)
 */
export function parseIsoSecondsAt(b: Uint8Array, p: number): number {
  const sep = b[p + 10];
  if (b[p + 4] !== DASH || b[p + 7] !== DASH || b[p + 13] !== COLON || b[p + 16] !== COLON) return INVALID;
  if (sep !== SPACE && sep !== 84 && sep !== 116) return INVALID; // space, T, t
  // a byte that is not a digit counts 10,000 (DIGITS): it puts its field, and the year, out of range
  const year = pairAt(b, p) * 100 + pairAt(b, p + 2);
  const month = pairAt(b, p + 5);
  const day = pairAt(b, p + 8);
  const hour = pairAt(b, p + 11);
  const minute = pairAt(b, p + 14);
  const second = pairAt(b, p + 17);
  if (year > 9999) return INVALID;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return INVALID;
  if (day > 28 && day > daysInMonth(year, month)) return INVALID;
  const index = (year - TABLE_FIRST_YEAR) * 12 + month - 1;
  if (index < 0 || index >= MONTH_STARTS.length) return toEpoch(year, month, day, hour, minute, second, 0);
  const days = (MONTH_STARTS[index] as number) + day - 1;
  return days * MS_PER_DAY + hour * 3_600_000 + minute * 60_000 + second * 1000;
}

function parseIso(b: Uint8Array, s: number, e: number, allowZone: boolean): number {
  const y = dig(b, s) * 1000 + dig(b, s + 1) * 100 + dig(b, s + 2) * 10 + dig(b, s + 3);
  const mo = dig(b, s + 5) * 10 + dig(b, s + 6);
  const d = dig(b, s + 8) * 10 + dig(b, s + 9);
  let p = s + 10;
  let h = 0;
  let mi = 0;
  let sec = 0;
  let ms = 0;
  let offsetMinutes = 0;
  if (p < e) {
    const sep = b[p];
    if (sep !== 84 && sep !== 116 && sep !== SPACE) return INVALID; // T, t, space
    if (p + 6 > e || b[p + 3] !== COLON) return INVALID;
    h = dig(b, p + 1) * 10 + dig(b, p + 2);
    mi = dig(b, p + 4) * 10 + dig(b, p + 5);
    p += 6;
    if (p < e && b[p] === COLON) {
      if (p + 3 > e) return INVALID;
      sec = dig(b, p + 1) * 10 + dig(b, p + 2);
      p += 3;
      if (p < e && (b[p] === DOT || b[p] === COMMA)) {
        p++;
        const f0 = p;
        let scale = 100;
        while (p < e && isDigit(b[p])) {
          if (scale >= 1) ms += ((b[p] as number) - D0) * scale;
          scale /= 10;
          p++;
        }
        if (p === f0) return INVALID;
      }
    }
    if (p < e && b[p] === SPACE) p++; // "2018-07-27 09:14:45 +05:30"
    if (p < e) {
      const z = b[p];
      if (!allowZone) return INVALID;
      if (z === 90 || z === 122) {
        p++; // Z, z
      } else if (z === PLUS || z === DASH) {
        const sign = z === PLUS ? 1 : -1;
        if (p + 3 > e) return INVALID;
        const oh = dig(b, p + 1) * 10 + dig(b, p + 2);
        p += 3;
        let om = 0;
        if (p < e && b[p] === COLON) p++;
        if (p < e) {
          if (p + 2 > e) return INVALID;
          om = dig(b, p) * 10 + dig(b, p + 1);
          p += 2;
        }
        if (oh < 0 || oh > 18 || om < 0 || om > 59) return INVALID;
        offsetMinutes = sign * (oh * 60 + om);
      } else {
        return INVALID;
      }
    }
    if (p !== e) return INVALID;
  }
  const local = toEpoch(y, mo, d, h, mi, sec, ms);
  return local - offsetMinutes * 60_000;
}

/** Reads 1 or 2 digits at `p`; returns [value, next] packed as value * 8 + digits, or -1. */
function oneOrTwo(b: Uint8Array, p: number, e: number): number {
  if (p >= e || !isDigit(b[p])) return -1;
  if (p + 1 < e && isDigit(b[p + 1]))
    return (((b[p] as number) - D0) * 10 + (b[p + 1] as number) - D0) * 8 + 2;
  return ((b[p] as number) - D0) * 8 + 1;
}

function parseUsSlashes(b: Uint8Array, s: number, e: number): number {
  let p = s;
  const moP = oneOrTwo(b, p, e);
  if (moP < 0) return INVALID;
  p += moP & 7;
  if (b[p] !== SLASH) return INVALID;
  const dP = oneOrTwo(b, p + 1, e);
  if (dP < 0) return INVALID;
  p += 1 + (dP & 7);
  if (b[p] !== SLASH || p + 5 > e) return INVALID;
  const y = dig(b, p + 1) * 1000 + dig(b, p + 2) * 100 + dig(b, p + 3) * 10 + dig(b, p + 4);
  p += 5;
  let h = 0;
  let mi = 0;
  let sec = 0;
  let ms = 0;
  if (p < e) {
    if (b[p] !== SPACE && b[p] !== 84) return INVALID;
    const hP = oneOrTwo(b, p + 1, e);
    if (hP < 0) return INVALID;
    h = hP >> 3;
    p += 1 + (hP & 7);
    if (b[p] !== COLON || p + 3 > e) return INVALID;
    mi = dig(b, p + 1) * 10 + dig(b, p + 2);
    p += 3;
    if (p < e && b[p] === COLON) {
      if (p + 3 > e) return INVALID;
      sec = dig(b, p + 1) * 10 + dig(b, p + 2);
      p += 3;
      if (p < e && b[p] === DOT) {
        p++;
        const f0 = p;
        let scale = 100;
        while (p < e && isDigit(b[p])) {
          if (scale >= 1) ms += ((b[p] as number) - D0) * scale;
          scale /= 10;
          p++;
        }
        if (p === f0) return INVALID;
      }
    }
    if (p < e && b[p] === SPACE) p++;
    if (p < e) {
      // AM / PM, any case
      if (p + 2 !== e) return INVALID;
      const a = (b[p] as number) | 0x20;
      const m = (b[p + 1] as number) | 0x20;
      if (m !== 109 || (a !== 97 && a !== 112)) return INVALID;
      if (h < 1 || h > 12) return INVALID;
      if (a === 97) h = h === 12 ? 0 : h;
      else h = h === 12 ? 12 : h + 12;
      p += 2;
    }
    if (p !== e) return INVALID;
  }
  return toEpoch(y, moP >> 3, dP >> 3, h, mi, sec, ms);
}

/**
 * Parse a string as a time stamp (same layouts as the CSV reader); returns epoch milliseconds, or NaN.
 * @example parseTimestamp("07/27/2018 9:14:45 PM") // Date.UTC(2018, 6, 27, 21, 14, 45)
 */
export function parseTimestamp(text: string): number {
  const { bytes, length } = toScratch(text);
  return parseTimestampBytes(bytes, 0, length);
}

/**
 * Parse a string as readTable parses a time-stamp column's text: {@link parseTimestamp}'s layouts, but a stamp
 * carrying `Z` or an offset is NaN too (a column holds wall-clock times; see `isZonedTimestamp`).
 * @example parseWallClockTimestamp("2018-02-04T18:00:00Z") // NaN
 */
export function parseWallClockTimestamp(text: string): number {
  const { bytes, length } = toScratch(text);
  return parseTimestampBytes(bytes, 0, length, false);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** The largest distance from the epoch a time stamp may have, in milliseconds (the range of a `Date`). */
export const MAX_EPOCH_MS = 8.64e15;

/**
 * True when `value` is a time stamp in the table representation: a finite number of epoch milliseconds
 * within the range of a `Date`.
 * @example isEpochMillis(Date.UTC(2018, 1, 4, 18)) // true; isEpochMillis(Number.NaN) // false
 */
export function isEpochMillis(value: unknown): value is number {
  return typeof value === "number" && Math.abs(value) <= MAX_EPOCH_MS;
}

/**
 * Format a time stamp — epoch milliseconds (as the tables hold them) or a Date — as its UTC wall-clock time
 * without a zone, `.sss` only when the milliseconds are not zero; a fraction of a millisecond is dropped.
 * Throws a RangeError for NaN, an infinity, a number outside the range of a Date, or an invalid Date.
 * @example formatTimestamp(Date.UTC(2018, 1, 4, 18)) // "2018-02-04T18:00:00"
 * @example formatTimestamp(new Date(Date.UTC(2018, 1, 4, 18, 0, 0, 7))) // "2018-02-04T18:00:00.007"
 */
export function formatTimestamp(time: Date | number): string {
  const t = typeof time === "number" ? time : time.getTime();
  if (!(Math.abs(t) <= MAX_EPOCH_MS)) {
    throw new RangeError(
      typeof time === "number"
        ? `cannot format ${t} as a time stamp (expected epoch milliseconds within ±${MAX_EPOCH_MS})`
        : "cannot format an invalid Date",
    );
  }
  const ms = Math.floor(t);
  const days = Math.floor(ms / MS_PER_DAY);
  const inDay = ms - days * MS_PER_DAY;
  const civil = civilDate(days);
  const y = Math.floor(civil / 10000);
  const monthDay = civil - y * 10000; // 101..1231, also for years before 0
  const month = Math.floor(monthDay / 100);
  const day = monthDay % 100;
  const year =
    y >= 0 && y <= 9999
      ? `${y}`.padStart(4, "0")
      : `${y < 0 ? "-" : "+"}${`${Math.abs(y)}`.padStart(6, "0")}`;
  const hours = Math.floor(inDay / 3_600_000);
  const minutes = Math.floor(inDay / 60_000) % 60;
  const seconds = Math.floor(inDay / 1000) % 60;
  const millis = inDay % 1000;
  const base = `${year}-${pad2(month)}-${pad2(day)}T${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}`;
  return millis === 0 ? base : `${base}.${`${millis}`.padStart(3, "0")}`;
}
