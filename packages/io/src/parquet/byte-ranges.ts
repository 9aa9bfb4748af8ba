import { open } from "node:fs/promises";

/** Ranges closer than this are read as one (a seek costs more than reading the bytes between). */
const MERGE_GAP = 1 << 20;

/**
 * The bytes of each range `[start, end)` of the file at `path`, read through one file handle: ranges less than
 * 1 MiB apart are read as one, and each range's bytes are a view into that read.
 * @example const [dictionaryAndPages] = await readByteRanges("trips.parquet", [{ start: 4, end: 90_000 }])
 */
export async function readByteRanges(
  path: string,
  ranges: readonly { start: number; end: number }[],
): Promise<Uint8Array[]> {
  const out = new Array<Uint8Array>(ranges.length);
  if (ranges.length === 0) return out;
  const order = ranges.map((_, i) => i).sort((a, b) => (ranges[a]?.start ?? 0) - (ranges[b]?.start ?? 0));
  const handle = await open(path, "r");
  try {
    let at = 0;
    while (at < order.length) {
      const first = ranges[order[at] as number] as { start: number; end: number };
      let end = first.end;
      let last = at + 1;
      while (last < order.length) {
        const next = ranges[order[last] as number] as { start: number; end: number };
        if (next.start > end + MERGE_GAP) break;
        end = Math.max(end, next.end);
        last++;
      }
      const buffer = Buffer.allocUnsafeSlow(end - first.start);
      let filled = 0;
      while (filled < buffer.length) {
        const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, first.start + filled);
        if (bytesRead === 0) throw new Error(`the file ends before byte ${first.start + filled} of ${end}`);
        filled += bytesRead;
      }
      for (let i = at; i < last; i++) {
        const range = ranges[order[i] as number] as { start: number; end: number };
        out[order[i] as number] = buffer.subarray(range.start - first.start, range.end - first.start);
      }
      at = last;
    }
  } finally {
    await handle.close();
  }
  return out;
}
