/**
 * What every column builder shares: the builder contract, how invalid cells are reported, and the storage
 * helpers (a Float64Array grown by doubling, filtering the tail of a batch that dropped rows).
 */

import type { CsvRecords } from "../csv/csv-tokenizer";
import type { ColumnSpec } from "../read/schema-columns";

/**
 * A cell that is not a valid value: 0 = does not parse, 1 = empty in a column that is not nullable, 2 = breaks
 * one of the column's value rules (`.min()`, `.regex()`, ...).
 */
export type IssueKind = 0 | 1 | 2;

/** Collects the invalid cells of a batch; in "error" mode a builder stops at its first one. */
export interface IssueSink {
  readonly stopAtFirst: boolean;
  add(record: number, column: number, kind: IssueKind): void;
}

/** A builder of one table column. */
export interface ColumnBuilder {
  readonly spec: ColumnSpec;
  /** Values appended so far. */
  readonly length: number;
  /** Append field `field` of every record in `records` (CSV). `column` identifies this builder to `sink`. */
  appendCsv(records: CsvRecords, buf: Uint8Array, field: number, sink: IssueSink, column: number): void;
  /**
   * Append already-decoded values (Parquet, Arrow); `null`/`undefined` are empty cells. `owned`: `values` is
   * the read's own fresh array, referenced nowhere else, so an empty builder may keep it instead of a copy.
   */
  appendValues(values: ArrayLike<unknown>, sink: IssueSink, column: number, owned?: boolean): void;
  /**
   * Append the values of a file column typed as a time stamp or a date (Parquet, Arrow), decoded as epoch
   * milliseconds of the UTC wall-clock time; `null`/`undefined` are empty cells. `owned` as for `appendValues`.
   */
  appendEpochMillis(values: ArrayLike<unknown>, sink: IssueSink, column: number, owned?: boolean): void;
  /** The storage of the values appended so far (valid up to {@link ColumnBuilder.length}); read, never kept. */
  values(): ArrayLike<unknown>;
  /** Append `count` empty cells of an absent optional column (its default, or null). */
  appendAbsent(count: number): void;
  /** A hint: about `rows` values in all are coming (lets a typed column allocate once instead of doubling). */
  expect(rows: number): void;
  /** Keep, of the values from index `from` on, those whose `keep` flag (indexed from `from`) is 1. */
  filterTail(from: number, keep: Uint8Array): void;
  /** The finished column, trimmed to its length. */
  finish(): ArrayLike<unknown>;
  /** Where the fast CSV pass may write this column's values; absent for a kind it does not read. */
  fastSlot?(): FastSlot;
}

/**
 * A column as the fast CSV pass (`csv/fast-records.ts`) fills it: how its cells parse, its storage (`dense`, a
 * Float64Store, or `array`, a plain array; the pass writes past their length, then sets it), and what an
 * empty cell becomes when one is valid (`emptyOk`). The pass only writes values the builder's own `appendCsv`
 * gives the same cell; any other cell is left to it.
 */
export interface FastSlot {
  /** `date`: a time stamp that must be a midnight (a date column's), else left to the builder. */
  readonly parse: "int" | "float" | "timestamp" | "date" | "text" | "boolean";
  readonly dense?: Float64Store;
  readonly array?: unknown[];
  readonly emptyOk: boolean;
  readonly emptyValue: unknown;
  /** The values an enum column allows. */
  readonly allowed?: ReadonlySet<string>;
}

/** The value of an empty cell: the default, else null when nullable; `ok` is false when an empty cell is invalid. */
export function emptyValueFor(spec: ColumnSpec): { ok: boolean; value: unknown } {
  if (spec.hasDefault) return { ok: true, value: spec.defaultValue };
  if (spec.nullable) return { ok: true, value: null };
  return { ok: false, value: null };
}

/** True when the bytes `buf[s..e)` are only spaces and tabs. */
export function isBlank(buf: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (buf[i] !== 32 && buf[i] !== 9) return false;
  return true;
}

/** Keep, of `values` from index `from` on, those whose `keep` flag (indexed from `from`) is 1. */
export function filterArrayTail<T>(values: T[], from: number, keep: Uint8Array): void {
  let w = from;
  for (let r = from; r < values.length; r++) {
    if (keep[r - from] === 1) values[w++] = values[r] as T;
  }
  values.length = w;
}

/**
 * Epoch milliseconds as Dates: how a time column of a file reaches a builder of another kind (number, string,
 * boolean), which rejects them as it rejects any Date.
 */
export function millisAsDates(values: ArrayLike<unknown>): unknown[] {
  return Array.from(values, (v) => (typeof v === "number" ? new Date(v) : v));
}

/** A Float64Array grown by doubling: the storage of the non-nullable number and time-stamp columns. */
export class Float64Store {
  /** The storage; valid up to `length`. Replaced when it grows: read it after {@link reserve}. */
  data = new Float64Array(1024);
  length = 0;
  /** The most rows {@link expect} announced. */
  private expected = 0;

  /** Room for `extra` more values; returns the (possibly new) storage. */
  reserve(extra: number): Float64Array {
    const need = this.length + extra;
    if (need > this.data.length) this.resize(Math.max(need, this.data.length * 2));
    return this.data;
  }

  /**
   * Append `values` (already checked to be values the store takes as they are) in one step. When `owned` (the
   * caller gives them up: they are referenced nowhere else), they become the storage itself instead of a copy,
   * if nothing is stored yet, no more rows were announced ({@link expect}) and they cover the whole of a plain
   * (not shared) ArrayBuffer.
   */
  append(values: Float64Array, owned: boolean): void {
    const { buffer } = values;
    const adoptable =
      owned &&
      this.length === 0 &&
      this.expected <= values.length &&
      buffer instanceof ArrayBuffer &&
      values.byteOffset === 0 &&
      values.byteLength === buffer.byteLength;
    if (adoptable) {
      this.data = values as Float64Array<ArrayBuffer>;
      this.length = values.length;
      return;
    }
    this.reserve(values.length).set(values, this.length);
    this.length += values.length;
  }

  private resize(capacity: number): void {
    const next = new Float64Array(capacity);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }

  /** Allocate room for about `rows` values in all: exactly when empty, else at least doubling (a hint per batch stays linear). */
  expect(rows: number): void {
    this.expected = Math.max(this.expected, rows);
    if (rows <= this.data.length) return;
    this.resize(this.length === 0 ? Math.ceil(rows) : Math.max(Math.ceil(rows), this.data.length * 2));
  }

  /** Append `value` `count` times. */
  fill(value: number, count: number): void {
    this.reserve(count).fill(value, this.length, this.length + count);
    this.length += count;
  }

  /** Keep, of the values from index `from` on, those whose `keep` flag (indexed from `from`) is 1. */
  filterTail(from: number, keep: Uint8Array): void {
    let w = from;
    const data = this.data;
    for (let r = from; r < this.length; r++) {
      if (keep[r - from] === 1) data[w++] = data[r] as number;
    }
    this.length = w;
  }

  /** The values, trimmed to the length. */
  finish(): Float64Array {
    // a little unused capacity is cheaper to keep than to copy; much of it is not
    const spare = this.data.length - this.length;
    return spare <= this.data.length / 16
      ? this.data.subarray(0, this.length)
      : this.data.slice(0, this.length);
  }
}
