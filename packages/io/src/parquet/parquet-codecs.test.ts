import type { FileMetaData } from "hyparquet";
import { snappyCompress } from "hysnappy";
import { describe, expect, it } from "vitest";
import { compressorsFor } from "./parquet-codecs";

/** File metadata whose one column chunk uses `codec` (all `compressorsFor` reads). */
const usingCodec = (codec: string) =>
  ({ row_groups: [{ columns: [{ meta_data: { codec } }] }] }) as unknown as FileMetaData;

describe("compressorsFor", () => {
  it("needs nothing for an uncompressed file", async () => {
    expect(await compressorsFor(usingCodec("UNCOMPRESSED"))).toBeUndefined();
  });

  it("decompresses Snappy pages, and refuses one whose block declares another length than its header", async () => {
    const snappy = (await compressorsFor(usingCodec("SNAPPY")))?.SNAPPY;
    if (snappy === undefined) throw new Error("no SNAPPY decompressor");
    const page = new TextEncoder().encode("2018-02-04 18:00:00,".repeat(500));
    const block = snappyCompress(page);
    expect(snappy(block, page.length)).toEqual(page);
    expect(() => snappy(block, page.length + 1)).toThrow(
      `a SNAPPY page decompresses to ${page.length} bytes, its header says ${page.length + 1}`,
    );
    expect(() => snappy(new Uint8Array([0x80, 0x80]), 3)).toThrow("decompresses to -1 bytes");
  });
});
