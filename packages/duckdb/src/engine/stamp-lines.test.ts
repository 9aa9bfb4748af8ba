import { describe, expect, it } from "vitest";
import { stampFieldTable, stampLinesAt } from "./stamp-lines";

/** Whether every line of `text` (each ending in LF) passes, with time stamps in `fields`, cut at `delimiter`. */
function passes(text: string, fields: readonly number[], delimiter = ","): boolean {
  const bytes = Buffer.from(`${text}${"x".repeat(48)}`, "latin1");
  return stampLinesAt(bytes, 0, text.length - 1, delimiter.charCodeAt(0), stampFieldTable(fields));
}

describe("stampFieldTable", () => {
  it("marks the time-stamp fields up to the last one", () => {
    expect([...stampFieldTable([3, 1])]).toEqual([0, 1, 0, 1]);
    expect(stampFieldTable([]).length).toBe(0);
  });
});

describe("stampLinesAt", () => {
  it("accepts canonical and empty cells, with a space or T, at the end of a line or before CRLF", () => {
    expect(passes("1,2018-02-04 18:00:00,2018-02-04T23:59:59,5\n", [1, 2])).toBe(true);
    expect(passes("1,,,5\n2,2018-02-04 00:00:00,,7\n", [1, 2])).toBe(true);
    expect(passes("1,2018-02-04 18:00:00\n", [1])).toBe(true);
    expect(passes("1,2018-02-04 18:00:00\r\n", [1])).toBe(true);
    expect(passes("1,\r\n", [1])).toBe(true);
    expect(passes("2018-02-04 18:00:00\t2018-02-04 19:00:00\n", [0, 1], "\t")).toBe(true);
    expect(passes("a,b\n", [])).toBe(true);
  });

  it("refuses what DuckDB's cast reads and readTable does not, or reads otherwise", () => {
    for (const cell of [
      "2018-02-04 24:00:00", // the next midnight to DuckDB
      "2018-02-04 30:00:00",
      "2018-2-04 18:00:00 ", // 19 characters, one-digit month
      "2018-02-04  8:00:00", // one-digit hour after two blanks
      " 2018-02-04 18:00:00",
      "2018-02-04 18:00:00 ",
      "2018-02-04 18:00:00.5",
      "2018-02-04 18:00:00Z",
      "2018-02-04 18:00",
      "2018-02-04",
      "18-02-04 18:00:00",
      "2018/02/04 18:00:00",
      "2018-02-04 18.00.00",
      "x",
    ]) {
      expect(passes(`1,${cell},5\n`, [1]), cell).toBe(false);
    }
  });

  it("refuses a lone CR after a cell, and a line that ends before its last time-stamp field", () => {
    expect(passes("1,2018-02-04 18:00:00\r,5\n", [1])).toBe(false);
    expect(passes("1\n", [1])).toBe(false);
    expect(passes("\n", [1])).toBe(false);
    expect(passes("1,2018-02-04 18:00:00\n", [1, 2])).toBe(false);
  });

  it("judges every line, whatever the fields before and after the time stamps hold", () => {
    const good = "abc def,2018-02-04 18:00:00,x:y-z 10:00:00\n";
    expect(passes(good.repeat(3), [1])).toBe(true);
    expect(passes(`${good}${good}abc,2018-02-04 18:00:0,x\n`, [1])).toBe(false);
  });

  it("stops at the line starting at the limit, whatever follows it", () => {
    const text = "1,2018-02-04 18:00:00\n2,bad\n";
    const bytes = Buffer.from(text, "latin1");
    const first = text.indexOf("\n");
    expect(stampLinesAt(bytes, 0, first, 44, stampFieldTable([1]))).toBe(true);
    expect(stampLinesAt(bytes, 0, text.length - 1, 44, stampFieldTable([1]))).toBe(false);
    expect(stampLinesAt(bytes, first + 1, text.length - 1, 44, stampFieldTable([1]))).toBe(false);
  });

  it("refuses a LF delimiter, naming it, before it reads a line", () => {
    expect(() => passes("2018-02-04 18:00:00\n", [0], "\n")).toThrow(
      "stampLinesAt: the delimiter must not be LF (byte 10), which ends a line",
    );
    expect(passes("2018-02-04 18:00:00\n", [0], "\t")).toBe(true);
  });
});
