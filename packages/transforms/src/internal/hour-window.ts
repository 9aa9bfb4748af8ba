import type { ColumnTable } from "arquero";
import { hourOfDay, timestampMillis } from "./timestamps";

/**
 * The positions (indices into `rows`, backing rows of `table`) whose time stamp's hour (0-23, wall clock)
 * lies in `from`..`to`, both inclusive; when `from > to` the window wraps midnight (`22..2` is 22, 23, 0, 1,
 * 2). Missing time stamps are left out.
 */
export function hourPositions(
  table: ColumnTable,
  rows: Uint32Array,
  column: string,
  from: number,
  to: number,
  step: string,
): Uint32Array {
  const millis = timestampMillis(table, column, rows, step);
  const inWindow = new Uint8Array(24);
  for (const h of hoursInWindow(from, to)) inWindow[h] = 1;
  const keep = new Uint32Array(rows.length);
  let count = 0;
  for (let i = 0; i < millis.length; ++i) {
    const ms = millis[i]!;
    if (!Number.isNaN(ms) && inWindow[hourOfDay(ms)] === 1) keep[count++] = i;
  }
  return keep.subarray(0, count);
}

/** The hours (0-23, ascending) of the window `from`..`to`, both inclusive, wrapping midnight when `from > to`. */
export function hoursInWindow(from: number, to: number): number[] {
  const hours: number[] = [];
  for (let h = 0; h < 24; ++h) if (from <= to ? h >= from && h <= to : h >= from || h <= to) hours.push(h);
  return hours;
}
