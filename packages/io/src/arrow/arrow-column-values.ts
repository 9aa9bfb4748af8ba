/**
 * A flechette column's values with its strings decoded as written: flechette decodes each string with a shared
 * `TextDecoder("utf-8")`, which drops a leading U+FEFF (a byte-order mark) from every value, so `"\ufeffx"`
 * would come back as `"x"`. Strings are decoded here from the batch's bytes, keeping it.
 */

import { type Batch, type Column, Type } from "@uwdata/flechette";
import { utf8Text } from "../columns/utf8-text";

/** A dictionary's decoded entries, once for all the batches that share it. */
const decodedDictionaries = new WeakMap<Column<unknown>, ArrayLike<unknown>>();

/** What a UTF-8 batch with offsets holds (flechette's `Utf8Batch` and `LargeUtf8Batch`). */
type OffsetStrings = Batch<string> & { values: Uint8Array };
/** What a UTF-8 view batch holds (flechette's `Utf8ViewBatch`). */
type ViewStrings = Batch<string> & { view(index: number): Uint8Array };
/** What a dictionary batch holds (flechette's `DictionaryBatch`). */
type DictionaryKeys = Batch<unknown> & { dictionary: Column<unknown>; key(index: number): number };

/** True when the data type's values are strings, directly or through a dictionary. */
function holdsStrings(type: Column<unknown>["type"]): boolean {
  const id = type.typeId === Type.Dictionary ? type.dictionary.typeId : type.typeId;
  return id === Type.Utf8 || id === Type.LargeUtf8 || id === Type.Utf8View;
}

/** The bytes of the batch's string at `index`, per its layout. */
function stringBytes(batch: Batch<unknown>, typeId: number, index: number): Uint8Array {
  if (typeId === Type.Utf8View) return (batch as ViewStrings).view(index);
  const { values, offsets } = batch as OffsetStrings;
  return values.subarray(Number(offsets[index]), Number(offsets[index + 1]));
}

/** Append one batch's values to `out`, strings decoded with their byte-order marks kept. */
function appendBatch(out: unknown[], batch: Batch<unknown>, typeId: number): void {
  // a batch without nulls may have no validity bitmap at all
  const valid = (i: number): boolean => batch.nullCount === 0 || batch.isValid(i);
  if (typeId === Type.Dictionary) {
    const keys = batch as DictionaryKeys;
    let entries = decodedDictionaries.get(keys.dictionary);
    if (entries === undefined) {
      entries = arrowColumnValues(keys.dictionary);
      decodedDictionaries.set(keys.dictionary, entries);
    }
    for (let i = 0; i < batch.length; ++i) out.push(valid(i) ? entries[keys.key(i)] : null);
    return;
  }
  for (let i = 0; i < batch.length; ++i) {
    out.push(valid(i) ? utf8Text.decode(stringBytes(batch, typeId, i)) : null);
  }
}

/**
 * The column's values as `toArray()` gives them, except that a string keeps a leading U+FEFF; a column of any
 * other type is `toArray()` itself.
 * @example arrowColumnValues(tableFromIPC(bytes).getChild("note")) // ["\ufeffhello", null]
 */
export function arrowColumnValues(column: Column<unknown>): ArrayLike<unknown> {
  if (!holdsStrings(column.type)) return column.toArray();
  const out: unknown[] = [];
  for (const batch of column.data) appendBatch(out, batch, column.type.typeId);
  return out;
}
