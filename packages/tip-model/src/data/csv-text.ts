/**
 * CSV text of generated tables in the guide's / TLC's layout: time stamps as `2018-02-04 18:00:00`, amounts as
 * their shortest decimal form (`12.35`, `52`), fields quoted only when they must be.
 */

import { MS_PER_DAY } from "./calendar";
import type { TripChunk } from "./trip-chunks";
import { TAXI_TRIP_COLUMNS } from "./trip-schema";
import { TAXI_ZONE_GEO_COLUMNS, type TaxiZoneGeo } from "./zone-schema";

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));

/** `YYYY-MM-DD ` per day number, filled as days are met (a few thousand at most). */
const dayPrefixes = new Map<number, string>();

function dayPrefix(day: number): string {
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = `${new Date(day * MS_PER_DAY).toISOString().slice(0, 10)} `;
    dayPrefixes.set(day, prefix);
  }
  return prefix;
}

/**
 * Format epoch milliseconds as the UTC wall-clock time `YYYY-MM-DD HH:MM:SS` (seconds resolution).
 * @example formatWallClock(Date.UTC(2018, 1, 4, 18)) // "2018-02-04 18:00:00"
 */
export function formatWallClock(epochMs: number): string {
  const day = Math.floor(epochMs / MS_PER_DAY);
  const second = Math.floor((epochMs - day * MS_PER_DAY) / 1000);
  const h = Math.floor(second / 3600);
  const m = Math.floor((second % 3600) / 60);
  return `${dayPrefix(day)}${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[second % 60]}`;
}

/**
 * A CSV field, quoted (and inner quotes doubled) only when it holds a delimiter, a quote or a line break.
 * @example csvField('Say "hi", Bob') // "\"Say \"\"hi\"\", Bob\""
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The header line of `taxi_trip_data.csv`, with its line break. */
export function tripCsvHeader(): string {
  return `${TAXI_TRIP_COLUMNS.join(",")}\n`;
}

/** Longest line a generated trip can need, in bytes (17 fields; amounts stay far below a billion dollars). */
const MAX_LINE_BYTES = 17 * 16 + 2 * 19;

const COMMA = 44;
const NEWLINE = 10;
const MINUS = 45;
const DOT = 46;
const COLON = 58;
const ZERO = 48;

let scratch = new Uint8Array(0);

/** A reusable buffer of at least `bytes` bytes. */
function scratchBuffer(bytes: number): Uint8Array {
  if (scratch.length < bytes) scratch = new Uint8Array(bytes);
  return scratch;
}

/** `YYYY-MM-DD ` bytes per day number. */
const dayBytes = new Map<number, Uint8Array>();

function writeDigits(buf: Uint8Array, pos: number, n: number): number {
  // n is a non-negative integer
  if (n < 10) {
    buf[pos] = ZERO + n;
    return pos + 1;
  }
  let digits = 1;
  for (let t = n; t >= 10; t = Math.floor(t / 10)) digits++;
  let rest = n;
  for (let i = pos + digits - 1; i >= pos; i--) {
    buf[i] = ZERO + (rest % 10);
    rest = Math.floor(rest / 10);
  }
  return pos + digits;
}

function writeInt(buf: Uint8Array, pos: number, n: number): number {
  if (n < 0) {
    buf[pos] = MINUS;
    return writeDigits(buf, pos + 1, -n);
  }
  return writeDigits(buf, pos, n);
}

/** Hundredths as the shortest decimal (`1235` → `12.35`, `1230` → `12.3`, `1200` → `12`), like `String(x / 100)`. */
function writeHundredths(buf: Uint8Array, pos: number, value: number): number {
  let p = pos;
  let h = Math.round(value * 100);
  if (h < 0) {
    buf[p++] = MINUS;
    h = -h;
  }
  const whole = Math.floor(h / 100);
  const frac = h - whole * 100;
  p = writeDigits(buf, p, whole);
  if (frac !== 0) {
    buf[p++] = DOT;
    buf[p++] = ZERO + Math.floor(frac / 10);
    if (frac % 10 !== 0) buf[p++] = ZERO + (frac % 10);
  }
  return p;
}

function writeTwo(buf: Uint8Array, pos: number, n: number): void {
  buf[pos] = ZERO + Math.floor(n / 10);
  buf[pos + 1] = ZERO + (n % 10);
}

function writeWallClock(buf: Uint8Array, pos: number, epochMs: number): number {
  const day = Math.floor(epochMs / MS_PER_DAY);
  let prefix = dayBytes.get(day);
  if (prefix === undefined) {
    prefix = new TextEncoder().encode(dayPrefix(day));
    dayBytes.set(day, prefix);
  }
  buf.set(prefix, pos);
  const second = Math.floor((epochMs - day * MS_PER_DAY) / 1000);
  writeTwo(buf, pos + 11, Math.floor(second / 3600));
  buf[pos + 13] = COLON;
  writeTwo(buf, pos + 14, Math.floor((second % 3600) / 60));
  buf[pos + 16] = COLON;
  writeTwo(buf, pos + 17, second % 60);
  return pos + 19;
}

/**
 * The CSV lines of a chunk of trips as UTF-8 bytes, each line ending in `\n`; numbers in their shortest decimal
 * form (amounts and distances to the cent), time stamps as `2018-02-04 18:00:00`.
 */
export function tripChunkCsv(chunk: TripChunk): Uint8Array {
  const c = chunk.columns;
  const buf = scratchBuffer(chunk.rows * MAX_LINE_BYTES);
  const amounts = [
    c.fare_amount,
    c.extra,
    c.mta_tax,
    c.tip_amount,
    c.tolls_amount,
    c.imp_surcharge,
    c.total_amount,
  ];
  let p = 0;
  for (let i = 0; i < chunk.rows; i++) {
    p = writeInt(buf, p, c.vendor_id[i] as number);
    buf[p++] = COMMA;
    p = writeWallClock(buf, p, c.pickup_datetime[i] as number);
    buf[p++] = COMMA;
    p = writeWallClock(buf, p, c.dropoff_datetime[i] as number);
    buf[p++] = COMMA;
    p = writeInt(buf, p, c.passenger_count[i] as number);
    buf[p++] = COMMA;
    p = writeHundredths(buf, p, c.trip_distance[i] as number);
    buf[p++] = COMMA;
    p = writeInt(buf, p, c.rate_code[i] as number);
    buf[p++] = COMMA;
    buf[p++] = (c.store_and_fwd_flag[i] as string).charCodeAt(0);
    buf[p++] = COMMA;
    p = writeInt(buf, p, c.payment_type[i] as number);
    for (let a = 0; a < amounts.length; a++) {
      buf[p++] = COMMA;
      p = writeHundredths(buf, p, (amounts[a] as Float64Array)[i] as number);
    }
    buf[p++] = COMMA;
    p = writeInt(buf, p, c.pickup_location_id[i] as number);
    buf[p++] = COMMA;
    p = writeInt(buf, p, c.dropoff_location_id[i] as number);
    buf[p++] = NEWLINE;
  }
  return buf.slice(0, p); // a copy of the used bytes; the scratch buffer is reused
}

/** The whole `taxi_zone_geo.csv` text, header included. */
export function zoneCsv(rows: readonly TaxiZoneGeo[]): string {
  const lines = rows.map((r) => `${r.zone_id},${csvField(r.zone_name)},${csvField(r.borough)}\n`);
  return `${TAXI_ZONE_GEO_COLUMNS.join(",")}\n${lines.join("")}`;
}
