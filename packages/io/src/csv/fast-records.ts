/**
 * The fast CSV pass: whole records read in one sweep over their bytes, each field parsed where it lies and
 * written straight into its column builder's storage, instead of the tokenizer recording every field's offsets
 * and each builder reading the bytes again. It takes only the common shape — unquoted fields, and quoted ones
 * holding no quote, delimiter or line end (`"N"`, `"1.5"`); records ending in LF, or all in CRLF (as the
 * pass's first record ends); a number as `[-]digits[.digits]` (at most 15 digits); a time stamp as
 * `YYYY-MM-DD HH:MM:SS` (a date column's at midnight); a boolean word; an empty cell where the column allows
 * one — and stops at the first record with anything else (any other quote, another line end, a blank, an
 * exponent, a bad value, a short or long record, a blank line, the end of the bytes): the tokenizer and the
 * builders read that record, which is how every value, error and line number stays theirs.
 */

import { parseIsoSecondsAt } from "@tablepipe/core/internal";
import type { ColumnBuilder, FastSlot } from "../columns/builder-support";
import { decodeField } from "../columns/column-builders";
import { isMidnight } from "../columns/date-cells";
import { parseBooleanBytes } from "../columns/numbers";

const LF = 10;
const CR = 13;
const QUOTE = 34;
const MINUS = 45;
const DOT = 46;
const D0 = 48;
/** The digits of the longest number the pass reads: its value and 10^k are exact doubles (as in parseFloatBytes). */
const MAX_DIGITS = 15;
const POW10 = Array.from({ length: MAX_DIGITS + 1 }, (_, i) => 10 ** i);

/** How a file field is read: skipped (no schema column), or parsed into a dense or array column. */
const SKIP = 0;
const DENSE_INT = 1;
const DENSE_FLOAT = 2;
const DENSE_STAMP = 3;
const ARRAY_INT = 4;
const ARRAY_FLOAT = 5;
const ARRAY_STAMP = 6;
const TEXT = 7;
const BOOLEAN = 8;
/** A date column's time stamp: one that is not a midnight stops the pass (its builder names it). */
const DENSE_DATE = 9;
const ARRAY_DATE = 10;

function codeOf(slot: FastSlot): number {
  const dense = slot.dense !== undefined;
  switch (slot.parse) {
    case "int":
      return dense ? DENSE_INT : ARRAY_INT;
    case "float":
      return dense ? DENSE_FLOAT : ARRAY_FLOAT;
    case "timestamp":
      return dense ? DENSE_STAMP : ARRAY_STAMP;
    case "date":
      return dense ? DENSE_DATE : ARRAY_DATE;
    case "text":
      return TEXT;
    case "boolean":
      return BOOLEAN;
  }
}

/** Where the last number parse stopped (a module variable: no object per cell). */
let cursor = 0;

/**
 * `[-]digits[.digits]` from `p` up to the byte `term`, at most 15 digits: the value parseFloatBytes gives
 * (parseIntBytes for `int`, which takes no fraction here), NaN for anything else. Sets {@link cursor} to `term`.
 */
function parseNumberAt(b: Uint8Array, p: number, term: number, int: boolean): number {
  const negative = b[p] === MINUS;
  if (negative) p++;
  const first = p;
  let mantissa = 0;
  let d = (b[p] as number) - D0;
  while (d >= 0 && d <= 9) {
    mantissa = mantissa * 10 + d;
    d = (b[++p] as number) - D0;
  }
  let digits = p - first;
  let fraction = 0;
  if (!int && b[p] === DOT) {
    const fractionStart = ++p;
    d = (b[p] as number) - D0;
    while (d >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d;
      d = (b[++p] as number) - D0;
    }
    fraction = p - fractionStart;
    digits += fraction;
  }
  if (b[p] !== term || digits === 0 || digits > MAX_DIGITS) return Number.NaN;
  cursor = p;
  const value = fraction === 0 ? mantissa : mantissa / (POW10[fraction] as number);
  // parseIntBytes gives +0 for "-0", parseFloatBytes -0
  return negative ? (int ? 0 - value : -value) : value;
}

/**
 * {@link parseNumberAt} on a cell that may be quoted (`"1.5"`): the number ends at the closing quote, which
 * `term` must follow. Sets {@link cursor} to `term`.
 */
function parseCellNumberAt(b: Uint8Array, p: number, term: number, int: boolean): number {
  if (b[p] !== QUOTE) return parseNumberAt(b, p, term, int);
  const v = parseNumberAt(b, p + 1, QUOTE, int);
  if (Number.isNaN(v) || b[cursor + 1] !== term) return Number.NaN;
  cursor++;
  return v;
}

/**
 * The fast pass over one file's records, for its column builders and the file field each reads (`mapping`,
 * -1: absent). Undefined from {@link FastRecords.plan} when a builder has no fast slot, two columns read one
 * field, or the record has one field (left to the tokenizer, which reads a blank line as a one-cell record).
 */
export class FastRecords {
  /** Where each record of the latest pass starts: to find a cell's text again ({@link cellText}). */
  readonly recordStarts: Int32Array;
  /** Records read by the latest pass. */
  count = 0;

  private constructor(
    private readonly codes: Int32Array,
    private readonly mapping: readonly number[],
    private readonly delimiter: number,
    maxRecords: number,
  ) {
    this.recordStarts = new Int32Array(maxRecords);
  }

  /**
   * The text of field `field` of record `r` of the latest pass: its bytes between delimiters (no quoted cell
   * the pass reads holds one), without the quotes of a quoted cell.
   */
  cellText(buf: Uint8Array, r: number, field: number): string {
    let start = this.recordStarts[r] as number;
    for (let f = 0; f < field; f++) start = buf.indexOf(this.delimiter, start) + 1;
    let end = start;
    while (end < buf.length && buf[end] !== this.delimiter && buf[end] !== LF) end++;
    if (buf[end] === LF && end > start && buf[end - 1] === CR) end--; // the CR of a CRLF is no part of the cell
    if (buf[start] === QUOTE) return decodeField(buf, start + 1, end - 1, 0);
    return decodeField(buf, start, end, 0);
  }

  /** The pass for `builders` over records of `width` fields, or undefined when it cannot read them. */
  static plan(
    builders: readonly (ColumnBuilder | undefined)[],
    mapping: readonly number[],
    width: number,
    delimiter: number,
    maxRecords: number,
  ): FastRecords | undefined {
    if (width < 2 || delimiter === LF || delimiter === CR || delimiter === QUOTE) return undefined;
    const slots = fieldSlots(builders, mapping, width);
    if (slots === undefined) return undefined;
    const codes = Int32Array.from(slots, (slot) => (slot === undefined ? SKIP : codeOf(slot)));
    return new FastRecords(codes, mapping, delimiter, maxRecords);
  }

  /**
   * Read up to `maxRecords` whole records of `buf` from `pos` into `builders` (of the kinds the pass was
   * planned for; a batched read replaces them after each batch), their lengths growing by {@link count};
   * returns the offset after the last one read. Stops before a record it cannot read whole.
   */
  read(
    buf: Uint8Array,
    pos: number,
    maxRecords: number,
    builders: readonly (ColumnBuilder | undefined)[],
  ): number {
    const { codes, delimiter, recordStarts } = this;
    const width = codes.length;
    const slots = fieldSlots(builders, this.mapping, width) as (FastSlot | undefined)[];
    const last = width - 1;
    const targets: unknown[] = new Array(width);
    const bases = new Int32Array(width);
    for (let f = 0; f < width; f++) {
      const slot = slots[f];
      if (slot === undefined) continue;
      const dense = slot.dense;
      if (dense !== undefined) {
        targets[f] = dense.reserve(maxRecords);
        bases[f] = dense.length;
      } else {
        targets[f] = slot.array;
        bases[f] = (slot.array as unknown[]).length;
      }
    }
    const limit = Math.min(maxRecords, recordStarts.length);
    // only whole records are read, and no scan passes the LF ending its record: no read beyond `buf`
    const lastLf = buf.lastIndexOf(LF);
    // records end as the pass's first one does, in CRLF or in LF (a record ending otherwise is left over)
    const firstLf = buf.indexOf(LF, pos);
    const crlf = firstLf > pos && buf[firstLf - 1] === CR;
    const lastTerm = crlf ? CR : LF;
    let p = pos;
    let next = pos;
    let count = 0;
    records: while (count < limit && p < lastLf) {
      const start = p;
      for (let f = 0; f < width; f++) {
        const term = f === last ? lastTerm : delimiter;
        const code = codes[f] as number;
        const at = (bases[f] as number) + count;
        if (buf[p] === term && code !== SKIP) {
          // an empty cell
          const slot = slots[f] as FastSlot;
          if (!slot.emptyOk) break records;
          if (code === DENSE_INT || code === DENSE_FLOAT || code === DENSE_STAMP || code === DENSE_DATE)
            (targets[f] as Float64Array)[at] = slot.emptyValue as number;
          else (targets[f] as unknown[])[at] = slot.emptyValue;
          p++;
          continue;
        }
        switch (code) {
          case DENSE_INT:
          case DENSE_FLOAT: {
            const v = parseCellNumberAt(buf, p, term, code === DENSE_INT);
            if (Number.isNaN(v)) break records;
            (targets[f] as Float64Array)[at] = v;
            p = cursor + 1;
            break;
          }
          case ARRAY_INT:
          case ARRAY_FLOAT: {
            const v = parseCellNumberAt(buf, p, term, code === ARRAY_INT);
            if (Number.isNaN(v)) break records;
            (targets[f] as unknown[])[at] = v;
            p = cursor + 1;
            break;
          }
          // a time stamp may be quoted too: it ends at the quote, then the terminator follows
          case DENSE_STAMP:
          case ARRAY_STAMP:
          case DENSE_DATE:
          case ARRAY_DATE: {
            const q = buf[p] === QUOTE ? 1 : 0;
            const stamp = p + q;
            const whole =
              stamp + 19 + q <= lastLf &&
              buf[stamp + 19] === (q === 1 ? QUOTE : term) &&
              (q === 0 || buf[stamp + 20] === term);
            const ms = whole ? parseIsoSecondsAt(buf, stamp) : Number.NaN;
            if (Number.isNaN(ms)) break records;
            if ((code === DENSE_DATE || code === ARRAY_DATE) && !isMidnight(ms)) break records;
            if (code === DENSE_STAMP || code === DENSE_DATE) (targets[f] as Float64Array)[at] = ms;
            else (targets[f] as unknown[])[at] = ms;
            p = stamp + 20 + q;
            break;
          }
          default: {
            // text, a boolean, or a field no column reads: up to the terminator, or quoted (`"N"`: its text
            // between the quotes); a quote elsewhere, a CR, the other terminator (a short or long record), and
            // a quoted text holding a quote, a delimiter or a line end are left to the tokenizer
            let first = p;
            let end: number;
            let c = buf[p] as number;
            if (c === QUOTE) {
              c = buf[++p] as number;
              while (c !== QUOTE) {
                if (c === LF || c === delimiter || c === CR) break records;
                c = buf[++p] as number;
              }
              if (buf[p + 1] !== term) break records;
              first++;
              end = p++;
            } else {
              while (c !== term) {
                if (c === LF || c === delimiter || c === QUOTE || c === CR) break records;
                c = buf[++p] as number;
              }
              end = p;
            }
            if (code === TEXT) {
              const text = decodeField(buf, first, end, 0);
              const allowed = (slots[f] as FastSlot).allowed;
              if (allowed !== undefined && !allowed.has(text)) break records;
              (targets[f] as unknown[])[at] = text;
            } else if (code === BOOLEAN) {
              const flag = end > first ? parseBooleanBytes(buf, first, end) : -1;
              if (flag < 0) break records;
              (targets[f] as unknown[])[at] = flag === 1;
            }
            p++;
          }
        }
      }
      if (crlf) {
        if (buf[p] !== LF) break;
        p++;
      }
      recordStarts[count++] = start;
      next = p;
    }
    for (let f = 0; f < width; f++) {
      const slot = slots[f];
      if (slot === undefined) continue;
      if (slot.dense !== undefined) slot.dense.length = (bases[f] as number) + count;
      else (slot.array as unknown[]).length = (bases[f] as number) + count;
    }
    this.count = count;
    return next;
  }
}

/** Each file field's slot (undefined: no column reads it); undefined when a column has none, or shares its field. */
function fieldSlots(
  builders: readonly (ColumnBuilder | undefined)[],
  mapping: readonly number[],
  width: number,
): (FastSlot | undefined)[] | undefined {
  const slots: (FastSlot | undefined)[] = new Array(width).fill(undefined);
  for (const [c, builder] of builders.entries()) {
    const field = mapping[c] ?? -1;
    if (builder === undefined || field < 0) continue;
    const slot = builder.fastSlot?.();
    if (slot === undefined || field >= width || slots[field] !== undefined) return undefined;
    slots[field] = slot;
  }
  return slots;
}
