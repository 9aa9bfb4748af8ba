import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { Compressors, FileMetaData } from "hyparquet";

/** The codecs hyparquet decompresses itself. */
const BUILT_IN = new Set(["UNCOMPRESSED", "SNAPPY"]);

/** `bytes` as a Uint8Array of exactly `length` bytes, or an error naming the codec. */
function exactly(codec: string, bytes: Uint8Array, length: number): Uint8Array {
  if (bytes.length !== length)
    throw new Error(`a ${codec} page decompressed to ${bytes.length} bytes, its header says ${length}`);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The decompressors a Parquet file needs beyond hyparquet's own (uncompressed, Snappy), or undefined when it
 * needs none: GZIP and BROTLI by Node's zlib (native); ZSTD (what polars writes by default), LZ4 and LZ4_RAW
 * by hyparquet-compressors, imported only for a file that uses one of them (it takes ~100 ms to load).
 * @example const compressors = await compressorsFor(metadata); await parquetRead({ file, compressors, ... })
 */
export async function compressorsFor(metadata: FileMetaData): Promise<Compressors | undefined> {
  const codecs = new Set<string>();
  for (const group of metadata.row_groups)
    for (const chunk of group.columns) {
      const codec = chunk.meta_data?.codec;
      if (codec !== undefined && !BUILT_IN.has(codec)) codecs.add(codec);
    }
  if (codecs.size === 0) return undefined;
  const out: Compressors = {
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
