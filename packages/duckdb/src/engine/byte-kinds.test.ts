import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BYTE_KIND, byteKindsAt } from "./byte-kinds";
import { simdByteScanner } from "./simd-byte-kinds";

/** `text` between two line ends, scanned whole (the line ends are its neighbours, not scanned). */
const kindsOf = (text: string): number =>
  byteKindsAt(Buffer.from(`\n${text}\n`, "latin1"), 1, text.length + 1);

/** Bytes that are some kind, or the neighbours that decide one (a digit before a point, LF after CR). */
const BYTES = [...'0123456789._+eE"\r\n\v\f ,-:aNY\t'].map((c) => c.charCodeAt(0));

describe("byteKindsAt", () => {
  it("finds each kind, judging a point by the byte before it and a CR by the byte after it", () => {
    expect(kindsOf("1,2.5,2018-07-27 09:14:45,N")).toBe(0);
    expect(kindsOf("1_000")).toBe(BYTE_KIND.underscore);
    expect(kindsOf("+-1")).toBe(BYTE_KIND.plus);
    expect(kindsOf("5\f,\v5")).toBe(BYTE_KIND.castBlank);
    expect(kindsOf('"5"')).toBe(BYTE_KIND.quote);
    expect(kindsOf("5\r\n6")).toBe(0);
    expect(kindsOf("5\r6")).toBe(BYTE_KIND.loneCr);
    expect(kindsOf("5\r")).toBe(0); // the line end after it
    expect(kindsOf("1e3,Airport")).toBe(BYTE_KIND.exponent);
    for (const text of [".0", "1,.5", "-.5", "a .5", "x.y"]) expect(kindsOf(text)).toBe(BYTE_KIND.barePoint);
    expect(kindsOf("0.5,10.25,5.")).toBe(0);
  });
});

describe("the SIMD byte scan", () => {
  const scanner = simdByteScanner(4096);

  it("is available on this Node", () => {
    expect(scanner).toBeDefined();
  });

  /** The scan of random ranges (up to 7 full steps and a tail) of 200 random bytes equals byteKindsAt's. */
  const sameOverRanges = (byte: fc.Arbitrary<number>): void => {
    const s = scanner as NonNullable<typeof scanner>;
    fc.assert(
      fc.property(
        fc.array(byte, { minLength: 200, maxLength: 200 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 120 }),
        (bytes, start, length) => {
          s.bytes.set(bytes);
          expect(s.scan(start, start + length)).toBe(byteKindsAt(s.bytes, start, start + length));
        },
      ),
      { numRuns: 3_000 },
    );
  };

  it("finds what byteKindsAt finds, over any range (lanes past its end ignored, neighbours outside it read)", () => {
    sameOverRanges(fc.constantFrom(...BYTES));
  });

  it("finds what byteKindsAt finds from every alignment, for every length up to 5 steps", () => {
    const s = scanner as NonNullable<typeof scanner>;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...BYTES), { minLength: 120, maxLength: 120 }), (bytes) => {
        s.bytes.set(bytes);
        for (let start = 1; start <= 17; start++) {
          for (let length = 0; length <= 80; length++) {
            expect(s.scan(start, start + length)).toBe(byteKindsAt(s.bytes, start, start + length));
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it("finds what byteKindsAt finds over any of the 256 byte values, not only the listed ones", () => {
    sameOverRanges(fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(...BYTES)));
  });

  it("judges each of the 256 byte values, and each pair of them, as byteKindsAt does, in every lane", () => {
    const s = scanner as NonNullable<typeof scanner>;
    const SPACE = 32; // no kind, and neither a digit nor LF: no neighbour that decides a kind
    for (let x = 0; x < 256; x++) {
      for (let y = 0; y < 256; y++) {
        const at = 16 + ((x + y) % 16); // the pair in every lane, and across two steps from lane 15
        s.bytes.fill(SPACE, 0, 64);
        s.bytes[at] = x;
        s.bytes[at + 1] = y;
        const found = s.scan(16, at + 2);
        const expected = byteKindsAt(s.bytes, 16, at + 2);
        if (found !== expected) expect({ x, y, found }).toEqual({ x, y, found: expected });
      }
    }
  });

  it("finds a kind in every lane of a 16-byte step, and none past the range's end", () => {
    const s = scanner as NonNullable<typeof scanner>;
    for (let lane = 0; lane < 16; lane++) {
      s.bytes.fill(48, 0, 64);
      s.bytes[16 + lane] = 95; // _
      expect(s.scan(16, 32)).toBe(BYTE_KIND.underscore);
      expect(s.scan(16, 16 + lane)).toBe(0);
    }
  });
});
