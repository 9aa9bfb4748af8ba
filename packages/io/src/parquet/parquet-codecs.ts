import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { Compressors, FileMetaData } from "hyparquet";
import { snappyUncompressor } from "hysnappy";

/** The length a Snappy block declares (its leading varint), or -1 when it holds none. */
function snappyLength(input: Uint8Array): number {
  let length = 0;
  for (let i = 0, shift = 1; i < 5 && i < input.length; i++, shift *= 128) {
    const byte = input[i] as number;
    length += (byte & 0x7f) * shift;
    if (byte < 0x80) return length;
  }
  return -1;
}

/** hysnappy's decompressor (WebAssembly), made by the first Snappy page a thread reads. */
let wasmSnappy: ((input: Uint8Array, length: number) => Uint8Array) | undefined;

/**
 * Snappy by hysnappy's WebAssembly build, ~3x faster than hyparquet's JavaScript one (0.8-1.0 against
 * 2.6-3.9 ms a MiB). A block must declare the page header's length: the decompressor would otherwise hand back
 * `length` bytes whatever the block held.
 */
function snappy(input: Uint8Array, length: number): Uint8Array {
  const declared = snappyLength(input);
  if (declared !== length)
    throw new Error(`a SNAPPY page decompresses to ${declared} bytes, its header says ${length}`);
  wasmSnappy ??= snappyUncompressor();
  return wasmSnappy(input, length);
}

/** `bytes` as a Uint8Array of exactly `length` bytes, or an error naming the codec. */
function exactly(codec: string, bytes: Uint8Array, length: number): Uint8Array {
  if (bytes.length !== length)
    throw new Error(`a ${codec} page decompressed to ${bytes.length} bytes, its header says ${length}`);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The decompressors a Parquet file needs beyond hyparquet's own, or undefined when it needs none (uncompressed):
 * SNAPPY by hysnappy (WebAssembly), GZIP and BROTLI by Node's zlib (native); ZSTD (what polars writes by
 * default), LZ4 and LZ4_RAW by hyparquet-compressors, imported only for a file that uses one of them (it takes
 * ~100 ms to load).
 * @example const compressors = await compressorsFor(metadata); await parquetRead({ file, compressors, ... })
 */
export async function compressorsFor(metadata: FileMetaData): Promise<Compressors | undefined> {
  const codecs = new Set<string>();
  for (const group of metadata.row_groups)
    for (const chunk of group.columns) {
      const codec = chunk.meta_data?.codec;
      if (codec !== undefined && codec !== "UNCOMPRESSED") codecs.add(codec);
    }
  if (codecs.size === 0) return undefined;
  const out: Compressors = {
    SNAPPY: snappy,
    GZIP: (input, length) => exactly("GZIP", gunzipSync(input), length),
    BROTLI: (input, length) => exactly("BROTLI", brotliDecompressSync(input), length),
  };
  if (codecs.has("ZSTD") || codecs.has("LZ4") || codecs.has("LZ4_RAW")) {
    const { compressors } = await import("hyparquet-compressors");
    out.ZSTD = compressors.ZSTD;
    out.LZ4 = compressors.LZ4;
    out.LZ4_RAW = compressors.LZ4_RAW;
  }
  return out;
}
