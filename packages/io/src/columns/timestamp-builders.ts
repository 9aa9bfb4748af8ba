/**
 * Builders of time-stamp columns. A time stamp is held as the epoch milliseconds of its UTC wall-clock time
 * (`2018-02-04 18:00:00` -> `Date.UTC(2018, 1, 4, 18)`), never as a Date: a column that cannot be null is a
 * Float64Array, a nullable one a plain array of numbers and nulls (like the number columns). A column is
 * zone-less wall clock: text carrying `Z` or an offset is an invalid value, never silently shifted. A `date`
 * column's builder is one of these that also refuses, as an invalid value, one holding a time of day other than
 * midnight (`date-cells.ts`).
 */

import { isEpochMillis } from "@tablepipe/core";
import { MAX_EPOCH_MS, parseTimestampBytes, toScratch } from "@tablepipe/core/internal";
import type { CsvRecords } from "../csv/csv-tokenizer";
import type { ColumnSpec } from "../read/schema-columns";
import { ArrayColumnBuilder } from "./array-column-builder";
import {
  type ColumnBuilder,
  emptyValueFor,
  type FastSlot,
  Float64Store,
  type IssueKind,
  type IssueSink,
  isBlank,
} from "./builder-support";
import { allMidnights, isDateColumn, isMidnight } from "./date-cells";

/** Create the builder of a time-stamp column: dense (Float64Array) unless the column is nullable. */
export function createTimestampBuilder(spec: ColumnSpec): ColumnBuilder {
  return spec.nullable ? new NullableTimestampBuilder(spec) : new DenseTimestampBuilder(spec);
}

interface Decoded {
  value: number;
  issue: IssueKind | undefined;
}
const decoded: Decoded = { value: 0, issue: undefined };
type Decode = (value: unknown) => Decoded;

/** A value of an untyped file column (a string to parse, or a Date) as epoch milliseconds. */
function fromValue(value: unknown): Decoded {
  const out = decoded;
  out.issue = undefined;
  out.value = 0;
  if (typeof value === "string") {
    const { bytes, length } = toScratch(value);
    const ms = parseTimestampBytes(bytes, 0, length, false);
    if (!Number.isNaN(ms)) out.value = ms;
    else out.issue = isBlank(bytes, 0, length) ? 1 : 0;
  } else if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) out.issue = 0;
    else out.value = ms;
  } else {
    out.issue = value === null || value === undefined ? 1 : 0;
  }
  return out;
}

/** A value of a time-typed file column, already in epoch milliseconds (a fraction of a millisecond is dropped). */
function fromMillis(value: unknown): Decoded {
  const out = decoded;
  out.issue = undefined;
  out.value = 0;
  if (isEpochMillis(value))
    out.value = Math.floor(value) + 0; // + 0 turns -0 into 0
  else out.issue = value === null || value === undefined ? 1 : 0;
  return out;
}

/** Whether each value is what {@link fromMillis} keeps as it is: whole epoch milliseconds in range, never -0. */
function wholeEpochMillis(values: Float64Array): boolean {
  for (let r = 0; r < values.length; r++) {
    const v = values[r] as number;
    if (!(Math.abs(v) <= MAX_EPOCH_MS) || Math.floor(v) !== v || (v === 0 && 1 / v < 0)) return false;
  }
  return true;
}

/** A decoded value, made invalid (a value that does not parse) when a date column's value is not a midnight. */
function refuseTimeOfDay(out: Decoded, date: boolean): Decoded {
  if (date && out.issue === undefined && !isMidnight(out.value)) out.issue = 0;
  return out;
}

/** The epoch milliseconds of a schema default (a Date), or null. */
function millisOf(value: unknown): number | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.getTime();
  return isEpochMillis(value) ? value : null;
}

/** A time-stamp column that cannot be null: a Float64Array of epoch milliseconds. */
class DenseTimestampBuilder implements ColumnBuilder {
  private readonly store = new Float64Store();
  private readonly emptyOk: boolean;
  /** The default's epoch milliseconds; NaN (a placeholder in a row that fails) without a default. */
  private readonly emptyValue: number;
  /** A date column: a value that is not a midnight is invalid. */
  private readonly date: boolean;

  constructor(readonly spec: ColumnSpec) {
    this.date = isDateColumn(spec);
    const empty = emptyValueFor(spec);
    const millis = millisOf(empty.value);
    this.emptyOk = empty.ok && millis !== null;
    this.emptyValue = millis ?? Number.NaN;
  }

  get length(): number {
    return this.store.length;
  }

  fastSlot(): FastSlot {
    const parse = this.date ? "date" : "timestamp";
    return { parse, dense: this.store, emptyOk: this.emptyOk, emptyValue: this.emptyValue };
  }

  appendCsv(records: CsvRecords, buf: Uint8Array, field: number, sink: IssueSink, column: number): void {
    const count = records.count;
    const data = this.store.reserve(count);
    const { starts, ends, stride } = records;
    let at = this.store.length;
    for (let r = 0, i = field; r < count; r++, i += stride) {
      const s = starts[i] as number;
      const e = ends[i] as number;
      let ms = s === e ? Number.NaN : parseTimestampBytes(buf, s, e, false);
      if (Number.isNaN(ms)) {
        if (s === e || isBlank(buf, s, e)) {
          if (!this.emptyOk) {
            sink.add(r, column, 1);
            if (sink.stopAtFirst) break;
          }
          ms = this.emptyValue;
        } else {
          sink.add(r, column, 0);
          if (sink.stopAtFirst) break;
        }
      } else if (this.date && !isMidnight(ms)) {
        sink.add(r, column, 0);
        if (sink.stopAtFirst) break;
        ms = Number.NaN;
      }
      data[at++] = ms;
    }
    this.store.length = at;
  }

  appendValues(values: ArrayLike<unknown>, sink: IssueSink, column: number): void {
    this.appendDecoded(values, sink, column, fromValue);
  }

  appendEpochMillis(values: ArrayLike<unknown>, sink: IssueSink, column: number, owned = false): void {
    // whole milliseconds in range (a Parquet time-stamp column) are stored as they are, in one step (a date
    // column's when every one is a midnight)
    if (values instanceof Float64Array && wholeEpochMillis(values) && (!this.date || allMidnights(values))) {
      this.store.append(values, owned);
      return;
    }
    this.appendDecoded(values, sink, column, fromMillis);
  }

  private appendDecoded(values: ArrayLike<unknown>, sink: IssueSink, column: number, decode: Decode): void {
    const count = values.length;
    const data = this.store.reserve(count);
    let at = this.store.length;
    for (let r = 0; r < count; r++) {
      const { value, issue } = refuseTimeOfDay(decode(values[r]), this.date);
      if (issue === undefined) {
        data[at++] = value;
        continue;
      }
      if (issue === 1 && this.emptyOk) {
        data[at++] = this.emptyValue;
        continue;
      }
      sink.add(r, column, issue);
      if (sink.stopAtFirst) break;
      data[at++] = Number.NaN;
    }
    this.store.length = at;
  }

  values(): ArrayLike<unknown> {
    return this.store.data;
  }

  appendAbsent(count: number): void {
    this.store.fill(this.emptyValue, count);
  }

  expect(rows: number): void {
    this.store.expect(rows);
  }

  filterTail(from: number, keep: Uint8Array): void {
    this.store.filterTail(from, keep);
  }

  finish(): Float64Array {
    return this.store.finish();
  }
}

/** A nullable time-stamp column: a plain array of epoch milliseconds and nulls. */
class NullableTimestampBuilder extends ArrayColumnBuilder<number> {
  protected readonly emptyValue: number | null;
  /** A date column: a value that is not a midnight is invalid. */
  private readonly date: boolean;

  constructor(spec: ColumnSpec) {
    super(spec);
    this.emptyValue = millisOf(emptyValueFor(spec).value);
    this.date = isDateColumn(spec);
  }

  fastSlot(): FastSlot {
    const parse = this.date ? "date" : "timestamp";
    return { parse, array: this.data, emptyOk: true, emptyValue: this.emptyValue };
  }

  appendCsv(records: CsvRecords, buf: Uint8Array, field: number, sink: IssueSink, column: number): void {
    const count = records.count;
    const { starts, ends, stride } = records;
    const data = this.data;
    for (let r = 0, i = field; r < count; r++, i += stride) {
      const s = starts[i] as number;
      const e = ends[i] as number;
      const ms = s === e ? Number.NaN : parseTimestampBytes(buf, s, e, false);
      if (!Number.isNaN(ms) && (!this.date || isMidnight(ms))) {
        data.push(ms);
      } else if (Number.isNaN(ms) && (s === e || isBlank(buf, s, e))) {
        data.push(this.emptyValue);
      } else {
        sink.add(r, column, 0);
        if (sink.stopAtFirst) break;
        data.push(null);
      }
    }
  }

  appendValues(values: ArrayLike<unknown>, sink: IssueSink, column: number): void {
    this.appendDecoded(values, sink, column, fromValue);
  }

  override appendEpochMillis(values: ArrayLike<unknown>, sink: IssueSink, column: number): void {
    this.appendDecoded(values, sink, column, fromMillis);
  }

  private appendDecoded(values: ArrayLike<unknown>, sink: IssueSink, column: number, decode: Decode): void {
    const data = this.data;
    let at = this.grow(values.length);
    for (let r = 0; r < values.length; r++) {
      const { value, issue } = refuseTimeOfDay(decode(values[r]), this.date);
      if (issue === undefined) {
        data[at++] = value;
      } else if (issue === 1) {
        data[at++] = this.emptyValue;
      } else {
        sink.add(r, column, issue);
        if (sink.stopAtFirst) break;
        data[at++] = null;
      }
    }
    this.trimTo(at);
  }
}
