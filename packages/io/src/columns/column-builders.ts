/**
 * Column builders: one per schema column, filled from CSV byte ranges or from the values of a Parquet/Arrow
 * column. Non-nullable numbers and time stamps live in a Float64Array grown by doubling, everything else in a
 * plain array. Each builder loops over a whole batch itself, so the per-cell code is monomorphic.
 */

import { toScratch } from "@tablepipe/core/internal";
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
  millisAsDates,
} from "./builder-support";
import { parseBooleanBytes, parseFloatBytes, parseIntBytes } from "./numbers";
import { createTimestampBuilder } from "./timestamp-builders";
import { utf8Text } from "./utf8-text";

/** Create the builder for a schema column. */
export function createColumnBuilder(spec: ColumnSpec): ColumnBuilder {
  switch (spec.kind) {
    case "float":
    case "int":
      return spec.nullable ? new NullableNumberBuilder(spec) : new DenseNumberBuilder(spec);
    case "timestamp":
      return createTimestampBuilder(spec);
    case "boolean":
      return new BooleanBuilder(spec);
    case "string":
    case "enum":
      return new StringBuilder(spec);
  }
}

const asciiChars = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));

/** Decode a CSV field (unescaping `""` when flagged). Single ASCII bytes come from a table, not a new string. */
export function decodeField(buf: Uint8Array, start: number, end: number, quoted: number): string {
  if (end - start === 1) {
    const c = buf[start] as number;
    if (c < 128) return asciiChars[c] as string;
  }
  const text = decodeUtf8(buf, start, end);
  return quoted === 2 ? text.replaceAll('""', '"') : text;
}

function decodeUtf8(buf: Uint8Array, start: number, end: number): string {
  return Buffer.isBuffer(buf) ? buf.toString("utf8", start, end) : utf8Text.decode(buf.subarray(start, end));
}

/** Non-nullable float or int: a Float64Array grown by doubling. */
class DenseNumberBuilder implements ColumnBuilder {
  private readonly store = new Float64Store();
  private readonly isInt: boolean;
  private readonly emptyOk: boolean;
  private readonly emptyValue: number;

  constructor(readonly spec: ColumnSpec) {
    this.isInt = spec.kind === "int";
    const empty = emptyValueFor(spec);
    this.emptyOk = empty.ok && typeof empty.value === "number";
    this.emptyValue = typeof empty.value === "number" ? empty.value : 0;
  }

  get length(): number {
    return this.store.length;
  }

  expect(rows: number): void {
    this.store.expect(rows);
  }

  fastSlot(): FastSlot {
    const parse = this.isInt ? "int" : "float";
    return { parse, dense: this.store, emptyOk: this.emptyOk, emptyValue: this.emptyValue };
  }

  appendCsv(records: CsvRecords, buf: Uint8Array, field: number, sink: IssueSink, column: number): void {
    const count = records.count;
    const data = this.store.reserve(count);
    const { starts, ends, quoted, stride } = records;
    let at = this.store.length;
    const isInt = this.isInt;
    for (let r = 0, i = field; r < count; r++, i += stride) {
      const s = starts[i] as number;
      const e = ends[i] as number;
      let v: number;
      if (s === e) {
        if (!this.emptyOk) {
          sink.add(r, column, 1);
          if (sink.stopAtFirst) break;
        }
        v = this.emptyValue;
      } else {
        v = isInt ? parseIntBytes(buf, s, e) : parseFloatBytes(buf, s, e);
        if (Number.isNaN(v)) {
          if (isBlank(buf, s, e) && quoted[i] === 0 && this.emptyOk) {
            v = this.emptyValue;
          } else {
            sink.add(r, column, isBlank(buf, s, e) ? 1 : 0);
            if (sink.stopAtFirst) break;
          }
        }
      }
      data[at++] = v;
    }
    this.store.length = at;
  }

  appendValues(values: ArrayLike<unknown>, sink: IssueSink, column: number, owned = false): void {
    // a decoded column of valid numbers is stored in one step (kept as it is when it is the read's own)
    if (values instanceof Float64Array && validFloat64(values, this.isInt)) {
      this.store.append(values, owned);
      return;
    }
    const count = values.length;
    const data = this.store.reserve(count);
    let at = this.store.length;
    if (copyValidNumbers(values, this.isInt, data, at)) {
      this.store.length = at + count;
      return;
    }
    for (let r = 0; r < count; r++) {
      const parsed = numberFromValue(values[r], this.isInt);
      if (parsed.issue !== undefined) {
        if (parsed.issue === 1 && this.emptyOk) {
          data[at++] = this.emptyValue;
          continue;
        }
        sink.add(r, column, parsed.issue);
        if (sink.stopAtFirst) break;
      }
      data[at++] = parsed.value;
    }
    this.store.length = at;
  }

  appendEpochMillis(values: ArrayLike<unknown>, sink: IssueSink, column: number): void {
    this.appendValues(millisAsDates(values), sink, column);
  }

  values(): ArrayLike<unknown> {
    return this.store.data;
  }

  appendAbsent(count: number): void {
    this.store.fill(this.emptyValue, count);
  }

  filterTail(from: number, keep: Uint8Array): void {
    this.store.filterTail(from, keep);
  }

  finish(): Float64Array {
    return this.store.finish();
  }
}

/**
 * Copy `values` into `data` from `at` when they are all values the dense number builder takes as they are:
 * any integer typed array (whole, safe numbers), or a Float32Array or plain array (a Parquet column as
 * hyparquet decodes it) of finite numbers only (and whole ones, for an int column). False when one is not
 * (what was copied is then overwritten by the value-by-value path, which reports it), and for a Float64Array,
 * which `appendValues` stores itself when it is valid.
 */
function copyValidNumbers(
  values: ArrayLike<unknown>,
  isInt: boolean,
  data: Float64Array,
  at: number,
): boolean {
  if (
    values instanceof Int32Array ||
    values instanceof Uint32Array ||
    values instanceof Int16Array ||
    values instanceof Uint16Array ||
    values instanceof Int8Array ||
    values instanceof Uint8Array
  ) {
    data.set(values, at);
    return true;
  }
  if (!(values instanceof Float32Array || Array.isArray(values))) return false;
  const numbers = values as ArrayLike<unknown>;
  for (let r = 0; r < numbers.length; r++) {
    const v = numbers[r];
    if (typeof v !== "number" || !(isInt ? Number.isSafeInteger(v) : Number.isFinite(v))) return false;
    data[at + r] = v;
  }
  return true;
}

/** Whether every value is one the dense number builder takes as it is: whole and safe (`isInt`), or finite. */
function validFloat64(values: Float64Array, isInt: boolean): boolean {
  if (isInt) {
    for (let r = 0; r < values.length; r++) if (!Number.isSafeInteger(values[r])) return false;
    return true;
  }
  // v - v is 0 for a finite number, NaN for NaN and the infinities
  let check = 0;
  for (let r = 0; r < values.length; r++) check += (values[r] as number) - (values[r] as number);
  return check === 0;
}

interface Parsed<T> {
  value: T;
  issue: IssueKind | undefined;
}
const parsedResult: Parsed<number> = { value: 0, issue: undefined };

/** A Parquet/Arrow value as a number: numbers and bigints directly, strings through the CSV parsers. */
function numberFromValue(value: unknown, isInt: boolean): Parsed<number> {
  const out = parsedResult;
  out.issue = undefined;
  out.value = 0;
  if (typeof value === "number") {
    if (isInt ? !Number.isSafeInteger(value) : !Number.isFinite(value)) out.issue = 0;
    else out.value = value;
  } else if (typeof value === "bigint") {
    const n = Number(value);
    if (isInt && !Number.isSafeInteger(n)) out.issue = 0;
    else out.value = n;
  } else if (value === null || value === undefined) {
    out.issue = 1;
  } else if (typeof value === "string") {
    const { bytes, length } = toScratch(value);
    if (isBlank(bytes, 0, length)) {
      out.issue = 1;
    } else {
      const n = isInt ? parseIntBytes(bytes, 0, length) : parseFloatBytes(bytes, 0, length);
      if (Number.isNaN(n)) out.issue = 0;
      else out.value = n;
    }
  } else {
    out.issue = 0;
  }
  return out;
}

/** Nullable float or int: a plain array of numbers and nulls. */
class NullableNumberBuilder extends ArrayColumnBuilder<number> {
  private readonly isInt: boolean;
  protected readonly emptyValue: number | null;

  constructor(spec: ColumnSpec) {
    super(spec);
    this.isInt = spec.kind === "int";
    const empty = emptyValueFor(spec);
    this.emptyValue = typeof empty.value === "number" ? empty.value : null;
  }

  fastSlot(): FastSlot {
    const parse = this.isInt ? "int" : "float";
    return { parse, array: this.data, emptyOk: true, emptyValue: this.emptyValue };
  }

  appendCsv(records: CsvRecords, buf: Uint8Array, field: number, sink: IssueSink, column: number): void {
    const count = records.count;
    const { starts, ends, stride } = records;
    const data = this.data;
    const isInt = this.isInt;
    for (let r = 0, i = field; r < count; r++, i += stride) {
      const s = starts[i] as number;
      const e = ends[i] as number;
      if (s === e) {
        data.push(this.emptyValue);
        continue;
      }
      const v = isInt ? parseIntBytes(buf, s, e) : parseFloatBytes(buf, s, e);
      if (Number.isNaN(v)) {
        if (isBlank(buf, s, e)) {
          data.push(this.emptyValue);
          continue;
        }
        sink.add(r, column, 0);
        if (sink.stopAtFirst) break;
      }
      data.push(v);
    }
  }

  appendValues(values: ArrayLike<unknown>, sink: IssueSink, column: number): void {
    const data = this.data;
    const isInt = this.isInt;
    let at = this.grow(values.length);
    for (let r = 0; r < values.length; r++) {
      const value = values[r];
      if (typeof value === "number" && (isInt ? Number.isSafeInteger(value) : Number.isFinite(value))) {
        data[at++] = value;
        continue;
      }
      const parsed = numberFromValue(value, isInt);
      if (parsed.issue === 1) {
        data[at++] = this.emptyValue;
        continue;
      }
      if (parsed.issue === 0) {
        sink.add(r, column, 0);
        if (sink.stopAtFirst) break;
      }
      data[at++] = parsed.value;
    }
    this.trimTo(at);
  }
}

/** Booleans (true/false, t/f, 1/0, yes/no, y/n in any case), or null. */
class BooleanBuilder extends ArrayColumnBuilder<boolean> {
  private readonly emptyOk: boolean;
  protected readonly emptyValue: boolean | null;

  constructor(spec: ColumnSpec) {
    super(spec);
    const empty = emptyValueFor(spec);
    this.emptyOk = empty.ok;
    this.emptyValue = typeof empty.value === "boolean" ? empty.value : null;
  }

  fastSlot(): FastSlot {
    return { parse: "boolean", array: this.data, emptyOk: this.emptyOk, emptyValue: this.emptyValue };
  }

  appendCsv(records: CsvRecords, buf: Uint8Array, field: number, sink: IssueSink, column: number): void {
    const count = records.count;
    const { starts, ends, stride } = records;
    for (let r = 0, i = field; r < count; r++, i += stride) {
      const s = starts[i] as number;
      const e = ends[i] as number;
      if (s === e || isBlank(buf, s, e)) {
        if (!this.emptyOk) {
          sink.add(r, column, 1);
          if (sink.stopAtFirst) break;
        }
        this.data.push(this.emptyValue);
        continue;
      }
      const b = parseBooleanBytes(buf, s, e);
      if (b < 0) {
        sink.add(r, column, 0);
        if (sink.stopAtFirst) break;
      }
      this.data.push(b === 1);
    }
  }

  appendValues(values: ArrayLike<unknown>, sink: IssueSink, column: number): void {
    const data = this.data;
    let at = this.grow(values.length);
    for (let r = 0; r < values.length; r++) {
      const value = values[r];
      if (typeof value === "boolean") {
        data[at++] = value;
        continue;
      }
      let b = -1;
      if (value === null || value === undefined) b = -2;
      else if (value === 1 || value === 0 || value === 1n || value === 0n) b = Number(value);
      else if (typeof value === "string") {
        const { bytes, length } = toScratch(value);
        b = isBlank(bytes, 0, length) ? -2 : parseBooleanBytes(bytes, 0, length);
      }
      if (b === -2) {
        if (!this.emptyOk) {
          sink.add(r, column, 1);
          if (sink.stopAtFirst) break;
        }
        data[at++] = this.emptyValue;
        continue;
      }
      if (b < 0) {
        sink.add(r, column, 0);
        if (sink.stopAtFirst) break;
      }
      data[at++] = b === 1;
    }
    this.trimTo(at);
  }
}

/**
 * Strings and enums. An unquoted empty cell is missing (null, the default, or invalid when not nullable);
 * a quoted `""` is the empty string.
 */
class StringBuilder extends ArrayColumnBuilder<string> {
  private readonly emptyOk: boolean;
  protected readonly emptyValue: string | null;
  private readonly allowed: ReadonlySet<string> | undefined;

  constructor(spec: ColumnSpec) {
    super(spec);
    const empty = emptyValueFor(spec);
    this.emptyOk = empty.ok;
    this.emptyValue = typeof empty.value === "string" ? empty.value : null;
    this.allowed = spec.kind === "enum" ? new Set(spec.values ?? []) : undefined;
  }

  fastSlot(): FastSlot {
    const { emptyOk, emptyValue, allowed } = this;
    return {
      parse: "text",
      array: this.data,
      emptyOk,
      emptyValue,
      ...(allowed === undefined ? {} : { allowed }),
    };
  }

  appendCsv(records: CsvRecords, buf: Uint8Array, field: number, sink: IssueSink, column: number): void {
    const count = records.count;
    const { starts, ends, quoted, stride } = records;
    const allowed = this.allowed;
    for (let r = 0, i = field; r < count; r++, i += stride) {
      const s = starts[i] as number;
      const e = ends[i] as number;
      const q = quoted[i] as number;
      if (s === e && q === 0) {
        if (!this.emptyOk) {
          sink.add(r, column, 1);
          if (sink.stopAtFirst) break;
        }
        this.data.push(this.emptyValue);
        continue;
      }
      const text = decodeField(buf, s, e, q);
      if (allowed !== undefined && !allowed.has(text)) {
        sink.add(r, column, 0);
        if (sink.stopAtFirst) break;
      }
      this.data.push(text);
    }
  }

  appendValues(values: ArrayLike<unknown>, sink: IssueSink, column: number): void {
    const allowed = this.allowed;
    const data = this.data;
    let at = this.grow(values.length);
    for (let r = 0; r < values.length; r++) {
      const value = values[r];
      let text: string;
      if (typeof value === "string") text = value;
      else if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean")
        text = String(value);
      else if (value === null || value === undefined) {
        if (!this.emptyOk) {
          sink.add(r, column, 1);
          if (sink.stopAtFirst) break;
        }
        data[at++] = this.emptyValue;
        continue;
      } else {
        sink.add(r, column, 0);
        if (sink.stopAtFirst) break;
        data[at++] = null;
        continue;
      }
      if (allowed !== undefined && !allowed.has(text)) {
        sink.add(r, column, 0);
        if (sink.stopAtFirst) break;
      }
      data[at++] = text;
    }
    this.trimTo(at);
  }
}
