import type { DuckDBVector } from "@duckdb/node-api";
import { type RawVector, validityOf } from "./vector-numbers";

/**
 * Reading a result chunk's VARCHAR columns without a TextDecoder call per cell: a short ASCII text (up to 6
 * bytes, which DuckDB keeps inline in the vector) is looked up by its bytes in a cache of the column's texts, so a
 * column of codes (`Y`/`N`, a borough, a currency) costs a few reads per cell. Any other text is read as
 * @duckdb/node-api reads it. Like vector-numbers.ts, this reads the vector's undeclared `dataView` (16 bytes per
 * item: the length, then the inline bytes) and its validity mask, checked at run time.
 */

/** The longest text looked up by its bytes (DuckDB keeps up to 12 inline): its length and bytes make a number below 2^53. */
const KEYED_BYTES = 6;
/** Texts kept per column at most. */
const CACHE_LIMIT = 4096;

/** A VARCHAR vector's parts this module reads. */
interface RawVarCharVector extends RawVector {
  readonly dataView?: unknown;
  getItem(index: number): unknown;
}

/** The cache of one result column's short texts, by {@link keyOf}. */
export type ShortTexts = Map<number, string>;

/**
 * Append the texts of a VARCHAR vector to `out` (nulls as `null`), short ones through `cache`; false (nothing
 * appended) when the vector is not one this reads.
 */
export function pushVectorStrings(out: unknown[], vector: DuckDBVector, cache: ShortTexts): boolean {
  const raw = vector as unknown as RawVarCharVector;
  const view = raw.dataView;
  const valid = validityOf(raw);
  if (!(view instanceof DataView) || valid === undefined || view.byteLength % 16 !== 0) return false;
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  const items = view.byteLength / 16;
  for (let i = 0; i < items; i++) {
    if (!valid(i)) {
      out.push(null);
      continue;
    }
    const at = i * 16;
    const length = view.getUint32(at, true);
    const key = length <= KEYED_BYTES ? keyOf(bytes, at + 4, length) : -1;
    if (key < 0) {
      out.push(startsWithBom(bytes, at + 4, length) ? keepBom(raw.getItem(i), length) : raw.getItem(i));
      continue;
    }
    let text = cache.get(key);
    if (text === undefined) {
      text = String.fromCharCode(...bytes.subarray(at + 4, at + 4 + length));
      if (cache.size < CACHE_LIMIT) cache.set(key, text);
    }
    out.push(text);
  }
  return true;
}

/**
 * Whether a text's UTF-8 bytes start with a byte-order mark (EF BB BF): DuckDB keeps a text's first 4 bytes in
 * the vector, inline or as the prefix of a longer one.
 */
function startsWithBom(bytes: Uint8Array, from: number, length: number): boolean {
  return length >= 3 && bytes[from] === 0xef && bytes[from + 1] === 0xbb && bytes[from + 2] === 0xbf;
}

/**
 * The text of `length` UTF-8 bytes with the byte-order mark @duckdb/node-api's decoder drops from its start (a
 * TextDecoder's default), when it was dropped.
 */
function keepBom(text: unknown, length: number): unknown {
  return typeof text === "string" && Buffer.byteLength(text) === length - 3 ? `\ufeff${text}` : text;
}

/** A number that only these ASCII bytes of this length give; -1 when a byte is not ASCII. */
function keyOf(bytes: Uint8Array, from: number, length: number): number {
  let key = length;
  for (let k = 0; k < length; k++) {
    const b = bytes[from + k] as number;
    if (b >= 128) return -1;
    key = key * 128 + b;
  }
  return key;
}
