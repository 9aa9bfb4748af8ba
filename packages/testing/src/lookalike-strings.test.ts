import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { assertTablesEqual } from "./assert-tables";
import { escapedString, looksAlike } from "./lookalike-strings";

/** The message of the mismatch of two one-column tables. */
function message(actual: unknown[], expected: unknown[]): string {
  try {
    assertTablesEqual(table({ a: actual }), table({ a: expected }));
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the tables to differ");
}

describe("strings that differ but print alike, in a table diff", () => {
  it("are shown with escapes: NFC against NFD", () => {
    const text = message(["\u00e9"], ["e\u0301"]);
    expect(text).toContain('    actual 0   | *"\\u00e9"');
    expect(text).toContain('    expected 0 | *"e\\u0301"');
  });

  it("are shown with escapes: a no-break or zero-width space", () => {
    expect(message(["a\u00a0b"], ["a b"])).toContain('*"a\\u00a0b"');
    expect(message(["ab\u200b"], ["ab"])).toContain('*"ab\\u200b"');
  });

  it("leaves strings that print differently as they are", () => {
    const text = message(["café"], ["cafe"]);
    expect(text).toContain('*"café"');
    expect(text).not.toContain("\\u");
  });

  it("tells look-alikes apart, and escapes what is not printable ASCII", () => {
    expect(looksAlike("\u00e9", "e\u0301")).toBe(true);
    expect(looksAlike("é", "é")).toBe(false);
    expect(looksAlike("e", "é")).toBe(false);
    expect(looksAlike(1, "1")).toBe(false);
    expect(escapedString('say "hi"\n\u00e9')).toBe('"say \\"hi\\"\\u000a\\u00e9"');
  });
});
