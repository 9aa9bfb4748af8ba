import { afterAll, describe, expect, it } from "vitest";
import { tempFolder } from "../test-support";
import { readByteRanges } from "./byte-ranges";

const tmp = tempFolder();
afterAll(() => tmp.remove());

describe("readByteRanges", () => {
  const text = "0123456789abcdefghij";

  it("gives each range's bytes in the order asked, near ranges read as one", async () => {
    const path = tmp.file("bytes.bin", text);
    const ranges = [
      { start: 10, end: 14 },
      { start: 0, end: 3 },
      { start: 12, end: 20 }, // overlaps the first
      { start: 5, end: 5 }, // empty
    ];
    const bytes = await readByteRanges(path, ranges);
    expect(bytes.map((b) => Buffer.from(b).toString())).toEqual(["abcd", "012", "cdefghij", ""]);
  });

  it("refuses a range past the end of the file, naming the byte", async () => {
    const path = tmp.file("short.bin", text);
    await expect(readByteRanges(path, [{ start: 15, end: 40 }])).rejects.toThrow(
      /the file ends before byte 20 of 40/,
    );
  });
});
