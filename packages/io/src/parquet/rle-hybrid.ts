/**
 * Parquet's RLE / bit-packed hybrid encoding (definition levels, dictionary indices), read straight from the
 * bytes into a typed array: no DataView call per byte, a run written with `fill`.
 */

import type { DataReader } from "hyparquet";
import { readRleBitPackedHybrid } from "hyparquet/src/encoding.js";

/** The widest value the byte-wise unpacking below holds in a 32-bit accumulator (wider goes to hyparquet). */
const MAX_DIRECT_WIDTH = 24;

/**
 * Read `out.length` values of `width` bits from `reader`, RLE / bit-packed hybrid encoded in the `length`
 * bytes from its offset (or, when `length` is undefined, in as many bytes as a 4-byte little-endian prefix
 * says), and leave the reader after them.
 * @example readHybrid(reader, 1, new Uint8Array(rows)) // a flat OPTIONAL column's definition levels (V1 page)
 */
export function readHybrid(
  reader: DataReader,
  width: number,
  out: Int32Array | Uint8Array,
  length?: number,
): void {
  const view = reader.view;
  let offset = reader.offset;
  let size = length;
  if (size === undefined) {
    size = view.getUint32(offset, true);
    offset += 4;
  }
  const end = offset + size;
  if (end > view.byteLength)
    throw new Error(`encoded values run ${end - view.byteLength} bytes past their page`);
  if (width > MAX_DIRECT_WIDTH) {
    reader.offset = offset;
    readRleBitPackedHybrid(reader, width, out, size);
    return;
  }
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  const count = out.length;
  const mask = (1 << width) - 1;
  const valueBytes = (width + 7) >> 3;
  let seen = 0;
  while (seen < count) {
    if (offset >= end) throw new Error(`a page's encoded values end after ${seen} of ${count}`);
    let header = 0;
    let scale = 1;
    let byte: number;
    do {
      byte = bytes[offset++] as number;
      header += (byte & 0x7f) * scale;
      scale *= 128;
    } while (byte & 0x80 && offset < end);
    const runs = Math.floor(header / 2);
    if (header % 2 === 1) {
      // bit-packed: `runs` groups of 8 values, `width` bytes per group, least significant bits first
      const values = Math.min(runs * 8, count - seen);
      let acc = 0;
      let bits = 0;
      for (let i = 0; i < values; i++) {
        while (bits < width) {
          acc |= (offset < end ? (bytes[offset] as number) : 0) << bits;
          offset++;
          bits += 8;
        }
        out[seen++] = acc & mask;
        acc >>>= width;
        bits -= width;
      }
      offset += runs * width - Math.ceil((values * width) / 8); // the rest of the last group's bytes
    } else {
      let value = 0;
      for (let i = 0; i < valueBytes; i++) value |= (bytes[offset++] as number) << (8 * i);
      const stop = Math.min(count, seen + runs);
      out.fill(value, seen, stop);
      seen = stop;
    }
  }
  reader.offset = end;
}
