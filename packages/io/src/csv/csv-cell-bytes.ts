/**
 * A CSV file's cells written straight into bytes, a writer of one row's cell per column: the bytes of the
 * texts `csvCell`, `formatWallClock` and `formatDay` give, without a string per cell where the digits can be
 * written as they are (whole numbers, decimals of 2 or 4 places, the time of day), and with the texts that
 * repeat cached (a time stamp's date, other numbers while the cache pays). 18k rows × 22 columns of taxi
 * predictions: ~42 ms as texts joined into lines, ~21 ms so (warm; 1M rows: 3.0 s → 1.5 s).
 */

import { formatDay, formatWallClock, isEpochMillis } from "@tablepipe/core";
import { integerValue, refuseInfinity, type WriteType } from "../write/column-types";

const MS_PER_DAY = 86_400_000;
/** Cached number texts per column at most: the cache stops growing there. */
const CACHE_LIMIT = 1 << 16;
/** Number lookups between two checks that the cache still pays: it is dropped below one hit in four. */
const CACHE_WINDOW = 4096;
/** Whole numbers below this are written digit by digit (exact: far below 2^53). */
const DIGITS_BELOW = 1e15;
const ZERO = 48;
const INT32_MAX = 2 ** 31 - 1;
/** 10^k for k < 10 (the digit counts of int32 values, the scales of decimals). */
const POW10 = Array.from({ length: 10 }, (_, k) => 10 ** k);
const MINUS = 45;
const SPACE = 32;
const COLON = 58;
const DOT = 46;

/** The most bytes a cell of a number or time column takes (a float's text, a bigint, `+275760-09-13 …`). */
export const MAX_FIXED_CELL_BYTES = 32;

/**
 * Writes one row's cell of a column at `at` in `out`, which has room for {@link MAX_FIXED_CELL_BYTES} more
 * bytes, and returns where the cell ends.
 */
export type CellWriter = (out: Buffer, at: number, row: number) => number;

/**
 * How a column's cells are written: digits straight into the bytes (numbers, time stamps, dates: at most
 * {@link MAX_FIXED_CELL_BYTES} each), or as the text of each cell (strings, booleans), whose room the text says.
 */
export type CellBytes =
  | { readonly write: CellWriter; readonly text?: undefined }
  | { readonly write?: undefined; readonly text: (row: number) => string };

/** The bytes a text needs at most in UTF-8. */
export function textRoom(text: string): number {
  return text.length * 3;
}

/** `text` at `at` in `out` as UTF-8 (ASCII byte by byte, the rest by Buffer's encoder); returns its end. */
export function writeText(out: Buffer, at: number, text: string): number {
  let p = at;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return p + out.write(i === 0 ? text : text.slice(i), p, "utf8");
    out[p++] = c;
  }
  return p;
}

/**
 * `-` at `at` when `value` is negative; returns where the digits go. Every operation here runs for every
 * value: V8 compiles an operation it has not seen run as a deoptimization, so a branch taken first by a
 * file's first negative number threw away the compiled code of every writer that inlines this, several times
 * over in the first write of a process.
 */
function writeSign(out: Buffer, at: number, value: number): number {
  out[at] = MINUS; // overwritten by the first digit when the value is not negative
  return at + (value < 0 ? 1 : 0);
}

/** A whole number `value` (|value| < 1e15, not -0) as its decimal digits at `at`; returns their end. */
function writeWhole(out: Buffer, at: number, value: number): number {
  const p = writeSign(out, at, value);
  const v = Math.abs(value);
  // below 2^31 in int32 arithmetic (a division by 10 the compiler turns into a multiplication)
  if (v > INT32_MAX) return writeText(out, p, String(v));
  const n = v | 0;
  let digits = 1;
  while (digits < 10 && n >= (POW10[digits] as number)) digits++;
  return writeDigits(out, p, n, digits);
}

/** The last `digits` decimal digits of `n` (a non-negative int32) at `at`; returns their end. */
function writeDigits(out: Buffer, at: number, n: number, digits: number): number {
  const end = at + digits;
  let rest = n;
  for (let k = end - 1; k >= at; k--) {
    const next = (rest / 10) | 0;
    out[k] = ZERO + rest - next * 10;
    rest = next;
  }
  return end;
}

/**
 * `scaled` ÷ `scale` (= 10^`places`, |scaled| ≤ 2^31 − 1, not a whole number) as `String` writes that value:
 * `12.34`, `-0.5`, the fraction's trailing zeros dropped. `String` gives the shortest decimal that reads back as
 * the same double, and a double that is the nearest to a decimal of `places` places is read back from no shorter
 * one; returns the end.
 */
function writeDecimal(out: Buffer, at: number, scaled: number, places: number, scale: number): number {
  let p = writeSign(out, at, scaled);
  const v = Math.abs(scaled);
  const whole = (v / scale) | 0;
  let fraction = v - whole * scale;
  p = writeWhole(out, p, whole);
  out[p++] = DOT;
  let digits = places;
  while (fraction !== 0 && fraction - ((fraction / 10) | 0) * 10 === 0) {
    fraction = (fraction / 10) | 0;
    digits--;
  }
  return writeDigits(out, p, fraction, digits);
}

/**
 * A formatter of numbers as `csvCell` writes them (`-0` for minus zero, else `String`): integers straight away,
 * other numbers through a cache of their texts while at least one lookup in four finds its value there.
 * @example numberText()(8.5) // "8.5"
 */
export function numberText(): (value: number) => string {
  const texts = new Map<number, string>();
  let caching = true;
  let lookups = 0;
  let hits = 0;
  return (value) => {
    if (value === 0) return Object.is(value, -0) ? "-0" : "0";
    if (Number.isNaN(value)) return ""; // a missing value
    if (!caching || Number.isInteger(value)) return String(value);
    const known = texts.get(value);
    if (++lookups === CACHE_WINDOW) {
      caching = hits * 4 >= CACHE_WINDOW;
      lookups = 0;
      hits = 0;
    }
    // counted for every lookup, a hit or not (see writeSign: no operation that only a first hit runs)
    hits += known === undefined ? 0 : 1;
    if (known !== undefined) return known;
    const text = String(value);
    if (texts.size < CACHE_LIMIT) texts.set(value, text);
    return text;
  };
}

/**
 * A number as `csvCell` writes it: whole numbers digit by digit, others by `numberText`'s cached texts. In an
 * int column (`int`), a value that is not a safe integer is refused as the Parquet and Arrow writers refuse it.
 */
function numberCells(
  name: string,
  values: ArrayLike<unknown>,
  cell: (value: unknown) => string,
  int: boolean,
): CellWriter {
  const text = numberText();
  return (out, at, row) => {
    const value = values[row];
    if (typeof value !== "number") {
      if (int && typeof value === "bigint") integerValue(name, value, row);
      return writeText(out, at, cell(value));
    }
    if (value - value !== 0) {
      if (Number.isNaN(value)) return at; // a missing value: empty
      refuseInfinity(name, value, row);
    }
    if (Number.isInteger(value) && value < DIGITS_BELOW && value > -DIGITS_BELOW && !Object.is(value, -0)) {
      return writeWhole(out, at, value);
    }
    if (int) integerValue(name, value, row); // beyond the digits written directly: whole and safe, or refused
    // a price or a distance: the nearest double to a decimal of 2 or 4 places, whose text is that decimal
    for (let places = 2; places <= 4 && value !== 0; places += 2) {
      const scale = POW10[places] as number;
      const scaled = Math.round(value * scale);
      if (scaled / scale === value && scaled <= INT32_MAX && scaled >= -INT32_MAX) {
        return writeDecimal(out, at, scaled, places, scale);
      }
    }
    return writeText(out, at, text(value));
  };
}

/**
 * The epoch milliseconds of 0000-01-01 and of 10000-01-01: a CSV time stamp or date has a four-digit year, as
 * readTable reads it.
 */
export const FIRST_CSV_MS = -62_167_219_200_000;
export const END_CSV_MS = 253_402_300_800_000;

/**
 * Throw, naming column `name` and `row` (0-based), when the time stamp or date `ms` lies outside the years 0000 to
 * 9999 a CSV time stamp holds.
 */
function checkCsvYear(name: string, ms: number, row: number): void {
  if (ms >= FIRST_CSV_MS && ms < END_CSV_MS) return;
  throw new RangeError(
    `column ${name}, row ${row + 1}: ${formatWallClock(ms)} is outside the years 0000 to 9999 a CSV time stamp holds, and readTable refuses it: the file would not read back (write Parquet or Arrow, which hold it; epoch ms ${ms})`,
  );
}

/**
 * Epoch milliseconds as `formatWallClock` writes them (`2018-02-04 18:00:00`, `.sss` only when not zero): the
 * date's text cached per day, the time of day as digits; anything formatWallClock writes otherwise (a fraction
 * of a millisecond, a value out of range) by formatWallClock itself.
 */
function wallClockCells(name: string, millis: readonly (number | null)[]): CellWriter {
  const dates = new Map<number, string>();
  // the latest day's text: rows near each other often share their day
  let lastDay = Number.NaN;
  let lastDate = "";
  return (out, at, row) => {
    const ms = millis[row];
    if (ms === null || ms === undefined) return at;
    checkCsvYear(name, ms, row);
    if (!Number.isInteger(ms) || !isEpochMillis(ms)) return writeText(out, at, formatWallClock(ms));
    const day = Math.floor(ms / MS_PER_DAY);
    if (day !== lastDay) {
      let date = dates.get(day);
      if (date === undefined) {
        const midnight = formatWallClock(day * MS_PER_DAY); // "<date> 00:00:00"
        date = midnight.slice(0, midnight.length - 9);
        if (dates.size < CACHE_LIMIT) dates.set(day, date);
      }
      lastDay = day;
      lastDate = date;
    }
    let p = writeText(out, at, lastDate);
    const inDay = ms - day * MS_PER_DAY; // 0 .. 86_399_999: int32 arithmetic below
    const seconds = (inDay / 1000) | 0;
    const minutes = (seconds / 60) | 0;
    const hours = (minutes / 60) | 0;
    out[p] = SPACE;
    writeDigits(out, p + 1, hours, 2);
    out[p + 3] = COLON;
    writeDigits(out, p + 4, minutes - hours * 60, 2);
    out[p + 6] = COLON;
    writeDigits(out, p + 7, seconds - minutes * 60, 2);
    p += 9;
    const fraction = inDay - seconds * 1000;
    if (fraction === 0) return p;
    out[p] = DOT;
    return writeDigits(out, p + 1, fraction, 3);
  };
}

/** Epoch milliseconds as `formatDay` writes them (`2018-02-04`), the text cached per value. */
function dayCells(name: string, millis: readonly (number | null)[]): CellWriter {
  const days = new Map<number, string>();
  return (out, at, row) => {
    const ms = millis[row];
    if (ms === null || ms === undefined) return at;
    let text = days.get(ms);
    if (text === undefined) {
      text = formatDay(ms);
      checkCsvYear(name, ms, row);
      if (days.size < CACHE_LIMIT) days.set(ms, text);
    }
    return writeText(out, at, text);
  };
}

/**
 * How the cells of column `name` written as `type` are written: time stamps and dates from `millis` (their epoch
 * milliseconds, null for a missing value), numbers as numbers (NaN empty, ±Infinity an error naming `name` and
 * the row, and so is a value of an int column that is not a safe integer), anything else (and any value of an unexpected
 * kind) as `cell`'s text. A missing value is empty. The bytes of the cells' texts (`csvCell`'s) in UTF-8.
 */
export function columnCellBytes(
  name: string,
  type: WriteType,
  values: ArrayLike<unknown>,
  millis: readonly (number | null)[] | undefined,
  cell: (value: unknown) => string,
): CellBytes {
  if ((type === "timestamp" || type === "date") && millis !== undefined) {
    return { write: type === "timestamp" ? wallClockCells(name, millis) : dayCells(name, millis) };
  }
  // a number column holds numbers, bigints (at most 20 digits) and missing values: all fit the fixed room
  if (type === "int" || type === "float") return { write: numberCells(name, values, cell, type === "int") };
  return {
    text: (row) => {
      const value = values[row];
      // readTable takes a NUL byte for binary data and refuses the whole file
      if (typeof value === "string" && value.includes("\0")) {
        throw new RangeError(
          `column ${name}, row ${row + 1}: the text holds a NUL character, and readTable refuses a CSV file holding one (it takes it for binary data): the file would not read back (write Parquet or Arrow, which hold it, or remove it)`,
        );
      }
      return cell(value);
    },
  };
}
