/**
 * A direct decoder for the common Parquet column chunk: a flat column (a child of the root, REQUIRED or
 * OPTIONAL) of integers, floats, time stamps, dates or strings, each page PLAIN or dictionary encoded, in data
 * pages V1 or V2, uncompressed or a codec of `compressorsFor` (parquet-codecs.ts). It writes one typed
 * array per row group: a dictionary is converted once and its indices read into an Int32Array, a REQUIRED
 * column is never assembled from levels, a time stamp is never a boxed value on its way to epoch milliseconds.
 * Values equal hyparquet's own decode with `epochMillisParsers` (a property test holds the two equal). Any
 * other column (nested, booleans, decimals, other encodings) gives `undefined`, and hyparquet decodes it.
 */

import type {
  ColumnMetaData,
  Compressors,
  DataReader,
  DecodedArray,
  PageHeader,
  SchemaElement,
} from "hyparquet";
import { parquetHeader } from "hyparquet/src/column.js";
import { decompressPage } from "hyparquet/src/datapage.js";
import { readPlain } from "hyparquet/src/plain.js";
import { utf8Text } from "../columns/utf8-text";
import { readHybrid } from "./rle-hybrid";

const MS_PER_DAY = 86_400_000;

/** How a flat column's physical values become the values the builders take. */
type FlatKind = "int32" | "int64" | "float" | "double" | "millis" | "micros" | "nanos" | "days" | "string";

/** The values of one kind: what a dictionary is converted to, and what a row group's column is written into. */
type KindValues = Int32Array | BigInt64Array | Float32Array | Float64Array | string[];

/** Thrown inside the decoder when a page uses what it does not decode; the column then goes to hyparquet. */
class NotFlat extends Error {}

const SIGNED_INT32_CONVERTED = new Set([undefined, "INT_8", "INT_16", "INT_32", "UINT_8", "UINT_16"]);

/** The kind of a schema element the direct decoder reads, or undefined (hyparquet reads it). */
export function flatKind(element: SchemaElement): FlatKind | undefined {
  if (element.repetition_type === "REPEATED" || (element.num_children ?? 0) > 0) return undefined;
  const { type, converted_type: converted, logical_type: logical } = element;
  if (converted === "DATE") return type === "INT32" ? "days" : undefined;
  if (converted === "TIMESTAMP_MILLIS") return type === "INT64" ? "millis" : undefined;
  if (converted === "TIMESTAMP_MICROS") return type === "INT64" ? "micros" : undefined;
  if (logical?.type === "TIMESTAMP") {
    if (type !== "INT64") return undefined;
    return logical.unit === "MILLIS" ? "millis" : logical.unit === "MICROS" ? "micros" : "nanos";
  }
  const integer = logical?.type === "INTEGER" ? logical : undefined;
  if (logical !== undefined && integer === undefined && !(type === "BYTE_ARRAY" && logical.type === "STRING"))
    return undefined;
  switch (type) {
    case "INT32":
      if (!SIGNED_INT32_CONVERTED.has(converted)) return undefined;
      return integer === undefined || integer.isSigned || integer.bitWidth < 32 ? "int32" : undefined;
    case "INT64":
      if (converted !== undefined && converted !== "INT_64") return undefined;
      return integer === undefined || integer.isSigned ? "int64" : undefined;
    case "FLOAT":
      return converted === undefined ? "float" : undefined;
    case "DOUBLE":
      return converted === undefined ? "double" : undefined;
    case "BYTE_ARRAY":
      return converted === undefined || converted === "UTF8" ? "string" : undefined;
    default:
      return undefined;
  }
}

/** The byte range `[start, end)` of a column chunk in its file (the dictionary page first, when there is one). */
export function columnChunkRange(meta: ColumnMetaData): { start: number; end: number } {
  const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
  return { start, end: start + Number(meta.total_compressed_size) };
}

/** An empty array of a kind's values. */
function allocate(kind: FlatKind, rows: number): KindValues {
  switch (kind) {
    case "int32":
      return new Int32Array(rows);
    case "int64":
      return new BigInt64Array(rows);
    case "float":
      return new Float32Array(rows);
    case "string":
      return new Array<string>(rows);
    default:
      return new Float64Array(rows);
  }
}

/**
 * `value / per` rounded down, exactly, for a 64-bit integer given as its two 32-bit halves (a time stamp's
 * sub-millisecond digits cut from the wall clock); BigInt arithmetic only beyond 2^53.
 */
function floorDivide(low: number, high: number, per: number): number {
  if (high > -0x200000 && high < 0x200000) {
    const n = high * 0x100000000 + (low >>> 0);
    if (per === 1) return n;
    const q = Math.trunc(n / per);
    const r = n - q * per;
    return r < 0 ? q - 1 : r >= per ? q + 1 : q;
  }
  const value = (BigInt(high) << 32n) | BigInt(low >>> 0);
  const big = BigInt(per);
  const q = value / big;
  return Number(value < 0n && q * big !== value ? q - 1n : q);
}

/** Physical values as hyparquet's `readPlain` gives them, converted to the kind's values. */
function toKind(kind: FlatKind, raw: DecodedArray): KindValues {
  switch (kind) {
    case "int32":
      return raw as Int32Array;
    case "int64":
      return raw as BigInt64Array;
    case "float":
      return raw as Float32Array;
    case "double":
      return raw as Float64Array;
    case "string": {
      const bytes = raw as Uint8Array[];
      const out = new Array<string>(bytes.length);
      for (let i = 0; i < bytes.length; i++) out[i] = utf8Text.decode(bytes[i]);
      return out;
    }
    case "days": {
      const days = raw as Int32Array;
      const out = new Float64Array(days.length);
      for (let i = 0; i < days.length; i++) out[i] = (days[i] as number) * MS_PER_DAY;
      return out;
    }
    default: {
      // the 64-bit stamps read as 32-bit halves (little-endian): no BigInt per value
      const stamps = raw as BigInt64Array;
      const halves = new Int32Array(stamps.buffer, stamps.byteOffset, stamps.length * 2);
      const out = new Float64Array(stamps.length);
      const per = kind === "millis" ? 1 : kind === "micros" ? 1000 : 1_000_000;
      for (let i = 0; i < out.length; i++)
        out[i] = floorDivide(halves[2 * i] as number, halves[2 * i + 1] as number, per);
      return out;
    }
  }
}

/**
 * `out[at + i] = source[order[i]]` for `i < count`, a row whose `order` is -1 (a null) left as it is: one loop
 * per element kind (Float64Array, Int32Array, and any other), so each stays monomorphic. They are written out
 * on purpose: closures made by one factory share V8's type feedback, so a generic helper would not be.
 */
function gather(out: KindValues, at: number, source: KindValues, order: Int32Array, count: number): void {
  if (out instanceof Float64Array && source instanceof Float64Array)
    gatherFloat64(out, at, source, order, count);
  else if (out instanceof Int32Array && source instanceof Int32Array)
    gatherInt32(out, at, source, order, count);
  else gatherAny(out as unknown[], at, source as ArrayLike<unknown>, order, count);
}

function pastEnd(from: number, size: number): Error {
  return new Error(`a page's value ${from} is past its ${size} values`);
}

function gatherFloat64(
  out: Float64Array,
  at: number,
  source: Float64Array,
  order: Int32Array,
  count: number,
): void {
  const size = source.length;
  for (let i = 0; i < count; i++) {
    const from = order[i] as number;
    if (from >= size) throw pastEnd(from, size);
    if (from >= 0) out[at + i] = source[from] as number;
  }
}

function gatherInt32(
  out: Int32Array,
  at: number,
  source: Int32Array,
  order: Int32Array,
  count: number,
): void {
  const size = source.length;
  for (let i = 0; i < count; i++) {
    const from = order[i] as number;
    if (from >= size) throw pastEnd(from, size);
    if (from >= 0) out[at + i] = source[from] as number;
  }
}

function gatherAny(
  out: unknown[],
  at: number,
  source: ArrayLike<unknown>,
  order: Int32Array,
  count: number,
): void {
  const size = source.length;
  for (let i = 0; i < count; i++) {
    const from = order[i] as number;
    if (from >= size) throw pastEnd(from, size);
    if (from >= 0) out[at + i] = source[from];
  }
}

/** The column chunk being decoded: where its values go, and which rows are null. */
class ChunkOutput {
  readonly values: KindValues;
  nulls: Uint8Array | undefined;
  rows = 0;

  constructor(
    readonly kind: FlatKind,
    readonly expected: number,
  ) {
    this.values = allocate(kind, expected);
  }

  /** Room for `count` more rows (a page that says it holds more rows than the row group is corrupt). */
  claim(count: number): number {
    const at = this.rows;
    if (at + count > this.expected)
      throw new Error(`a column chunk holds more than the row group's ${this.expected} rows`);
    this.rows += count;
    return at;
  }

  /**
   * Write a page's rows from `at`: its values in order, or (`indices`) the dictionary values they index;
   * `defs[i]` 0 marks row `i` null (it then takes no value), undefined: no row is null.
   */
  put(
    at: number,
    count: number,
    defs: Uint8Array | undefined,
    values: KindValues,
    indices?: Int32Array,
  ): void {
    if (defs === undefined && indices === undefined) {
      if (values.length < count)
        throw new Error(`a page holds ${values.length} values where its header says ${count}`);
      const out = this.values;
      if (ArrayBuffer.isView(out) && ArrayBuffer.isView(values))
        (out as Float64Array).set((values as Float64Array).subarray(0, count), at);
      else for (let i = 0; i < count; i++) (out as unknown[])[at + i] = (values as ArrayLike<unknown>)[i];
      return;
    }
    let order = indices;
    if (defs !== undefined) {
      // each row's value: the next one in the page (or the dictionary entry its index names), or none (null)
      order = new Int32Array(count);
      let v = 0;
      for (let i = 0; i < count; i++) {
        if (defs[i] === 0) {
          this.nulls ??= new Uint8Array(this.expected);
          this.nulls[at + i] = 1;
          order[i] = -1;
        } else order[i] = indices === undefined ? v++ : (indices[v++] as number);
      }
    }
    gather(this.values, at, values, order as Int32Array, count);
  }

  /** The decoded column: the typed values, or, when some row is null, a plain array with nulls. */
  finish(): ArrayLike<unknown> {
    if (this.rows !== this.expected)
      throw new Error(`a column chunk holds ${this.rows} rows, its row group ${this.expected}`);
    const nulls = this.nulls;
    if (nulls === undefined) return this.values;
    const values = this.values as { readonly [i: number]: unknown };
    const out = new Array<unknown>(this.expected);
    for (let i = 0; i < out.length; i++) out[i] = nulls[i] === 1 ? null : values[i];
    return out;
  }
}

/** The physical type of a leaf column (flatKind accepts only elements that have one). */
function physicalType(element: SchemaElement): NonNullable<SchemaElement["type"]> {
  if (element.type === undefined) throw new NotFlat();
  return element.type;
}

/** A reader over `bytes` from `offset`. */
function readerOf(bytes: Uint8Array, offset = 0): DataReader {
  return { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset };
}

/** Definition levels of a flat OPTIONAL column (bit width 1) as 0/1 flags, and how many are 1. */
function readFlags(
  reader: DataReader,
  count: number,
  length?: number,
): { defs: Uint8Array; present: number } {
  const defs = new Uint8Array(count);
  readHybrid(reader, 1, defs, length);
  let present = 0;
  for (let i = 0; i < count; i++) present += defs[i] as number;
  return { defs, present };
}

interface PageValues {
  /** The page's non-null values, or the dictionary they index. */
  readonly values: KindValues;
  /** Present for a dictionary-encoded page: the index of each non-null value. */
  readonly indices?: Int32Array;
}

/** The values section of a data page: PLAIN values, or dictionary indices (`end`: where the section ends). */
function readValues(
  reader: DataReader,
  encoding: string,
  count: number,
  kind: FlatKind,
  element: SchemaElement,
  dictionary: KindValues | undefined,
  end: number,
): PageValues {
  if (encoding === "PLAIN") {
    return { values: toKind(kind, readPlain(reader, physicalType(element), count, element.type_length)) };
  }
  if (encoding !== "PLAIN_DICTIONARY" && encoding !== "RLE_DICTIONARY") throw new NotFlat();
  if (dictionary === undefined) throw new Error("a dictionary-encoded page comes before its dictionary");
  const indices = new Int32Array(count);
  const bitWidth = reader.view.getUint8(reader.offset++);
  if (bitWidth > 0 && count > 0) readHybrid(reader, bitWidth, indices, end - reader.offset);
  return { values: dictionary, indices };
}

/** Decode one page into `out`; returns the dictionary when the page is one. */
function decodePage(
  header: PageHeader,
  compressed: Uint8Array,
  meta: ColumnMetaData,
  element: SchemaElement,
  out: ChunkOutput,
  dictionary: KindValues | undefined,
  compressors: Compressors | undefined,
): KindValues | undefined {
  const optional = element.repetition_type === "OPTIONAL";
  const codec = meta.codec;
  if (header.type === "DICTIONARY_PAGE") {
    const dict = header.dictionary_page_header;
    if (dict === undefined) throw new Error("a dictionary page without its header");
    const page = decompressPage(compressed, Number(header.uncompressed_page_size), codec, compressors);
    const plain = readPlain(readerOf(page), physicalType(element), dict.num_values, element.type_length);
    return toKind(out.kind, plain);
  }
  if (header.type === "DATA_PAGE") {
    const daph = header.data_page_header;
    if (daph === undefined) throw new Error("a data page without its header");
    const page = decompressPage(compressed, Number(header.uncompressed_page_size), codec, compressors);
    const reader = readerOf(page);
    const rows = daph.num_values;
    let flags: { defs: Uint8Array; present: number } | undefined;
    if (optional) {
      if (daph.definition_level_encoding !== "RLE") throw new NotFlat();
      flags = readFlags(reader, rows);
    }
    const count = flags?.present ?? rows;
    const { values, indices } = readValues(
      reader,
      daph.encoding,
      count,
      out.kind,
      element,
      dictionary,
      page.length,
    );
    out.put(out.claim(rows), rows, flags?.defs, values, indices);
    return undefined;
  }
  if (header.type === "DATA_PAGE_V2") {
    const v2 = header.data_page_header_v2;
    if (v2 === undefined) throw new Error("a data page (v2) without its header");
    if (v2.repetition_levels_byte_length !== 0) throw new NotFlat();
    const levelsLength = v2.definition_levels_byte_length;
    const rows = v2.num_values;
    const flags = optional ? readFlags(readerOf(compressed), rows, levelsLength) : undefined;
    let page = compressed.subarray(levelsLength);
    if (v2.is_compressed !== false)
      page = decompressPage(page, Number(header.uncompressed_page_size) - levelsLength, codec, compressors);
    const count = rows - v2.num_nulls;
    if (flags !== undefined && flags.present !== count)
      throw new Error(`a page's levels show ${flags.present} values, its header ${count}`);
    const { values, indices } = readValues(
      readerOf(page),
      v2.encoding,
      count,
      out.kind,
      element,
      dictionary,
      page.length,
    );
    out.put(out.claim(rows), rows, flags?.defs, values, indices);
    return undefined;
  }
  throw new NotFlat();
}

/**
 * Decode a flat column chunk (`bytes`: the chunk's bytes, from {@link columnChunkRange}) of `rows` rows
 * (`compressors`: from `compressorsFor`, for codecs other than uncompressed) into
 * one array: an Int32Array, BigInt64Array, Float32Array or Float64Array (time stamps and dates as epoch
 * milliseconds), a string array, or a plain array with nulls when a row is null. `undefined` when the chunk
 * uses anything the direct decoder does not read (decode it with hyparquet). Throws on a corrupt chunk.
 * @example decodeFlatColumnChunk(bytes, chunk.meta_data, element, Number(group.num_rows))
 */
export function decodeFlatColumnChunk(
  bytes: Uint8Array,
  meta: ColumnMetaData,
  element: SchemaElement,
  rows: number,
  compressors?: Compressors,
): ArrayLike<unknown> | undefined {
  const kind = flatKind(element);
  if (kind === undefined) return undefined;
  const out = new ChunkOutput(kind, rows);
  const reader = readerOf(bytes);
  let dictionary: KindValues | undefined;
  try {
    while (out.rows < rows && reader.offset < bytes.length) {
      const header = parquetHeader(reader);
      const size = header.compressed_page_size;
      const compressed = bytes.subarray(reader.offset, reader.offset + size);
      reader.offset += size;
      dictionary = decodePage(header, compressed, meta, element, out, dictionary, compressors) ?? dictionary;
    }
  } catch (error) {
    if (error instanceof NotFlat) return undefined;
    throw error;
  }
  return out.finish();
}
