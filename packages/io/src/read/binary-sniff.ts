import { open } from "node:fs/promises";
import { TableReadError } from "../errors";

/** Magic numbers of the compressed and binary formats a text file is most often confused with. */
const SIGNATURES: readonly {
  readonly bytes: readonly number[];
  readonly what: string;
  readonly fix: string;
}[] = [
  { bytes: [0x1f, 0x8b], what: "gzip-compressed", fix: "decompress it first (gunzip FILE)" },
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    what: "a zip archive",
    fix: "extract the CSV from it first (unzip FILE)",
  },
  { bytes: [0x42, 0x5a, 0x68], what: "bzip2-compressed", fix: "decompress it first (bunzip2 FILE)" },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], what: "zstd-compressed", fix: "decompress it first (unzstd FILE)" },
  {
    bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00],
    what: "xz-compressed",
    fix: "decompress it first (unxz FILE)",
  },
  {
    bytes: [0x50, 0x41, 0x52, 0x31],
    what: "a Parquet file",
    fix: 'name it .parquet, or pass format: "parquet"',
  },
  {
    bytes: [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31],
    what: "an Arrow IPC file",
    fix: 'name it .arrow, or pass format: "arrow"',
  },
];

/** Bytes looked at: enough for any signature and for a NUL byte in the first lines. */
const SNIFF_BYTES = 4096;

/**
 * Throw a {@link TableReadError} naming the file when a file to be read as CSV is compressed or binary (a gzip
 * magic number, a Parquet header, a NUL byte in its first 4 KB), instead of parsing its bytes as text and
 * echoing them in a message. Never prints the file's bytes.
 * @example await refuseBinaryText("trips.csv") // throws: trips.csv: the file is gzip-compressed, not CSV text: decompress it first (gunzip FILE)
 */
export async function refuseBinaryText(file: string): Promise<void> {
  const handle = await open(file, "r");
  let head: Uint8Array;
  try {
    const buffer = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  for (const { bytes, what, fix } of SIGNATURES) {
    if (bytes.length <= head.length && bytes.every((b, i) => head[i] === b)) {
      throw new TableReadError({ file, reason: `the file is ${what}, not CSV text: ${fix}` });
    }
  }
  if (head.includes(0)) {
    throw new TableReadError({
      file,
      reason: "the file holds binary data (a NUL byte in its first 4 KB), not CSV text",
    });
  }
}
