import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { show } from "./show";
import { cutToWidth, displayWidth, oneCellCharacter } from "./text-width";

describe("show() of wide and combining characters", () => {
  it("aligns the grid by the cells a terminal shows, not by UTF-16 length", () => {
    const stations = aq.table({
      name: ["東京駅", "Zürich HB", "Cafe\u0301", "🚲 dock"],
      capacity: [20, 15, 7, 3],
    });
    const lines = show(stations).text.split("\n").slice(0, -1); // the grid, without the row count
    const widths = lines.map(displayWidth);
    expect(new Set(widths).size).toBe(1);
    // every column rule falls under a bar of each row
    const bars = (line: string): number[] => {
      const at: number[] = [];
      let cell = 0;
      for (const grapheme of Array.from(new Intl.Segmenter().segment(line), (s) => s.segment)) {
        if (grapheme === "|" || grapheme === "+") at.push(cell);
        cell += displayWidth(grapheme);
      }
      return at;
    };
    for (const line of lines) expect(bars(line)).toEqual(bars(lines[0] as string));
    expect(lines[3]).toBe("|東京駅   |      20|");
  });

  it("counts CJK and emoji as two cells, combining marks and zero-width characters as none", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("東京")).toBe(4);
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth("a\u200bb")).toBe(2);
    expect(displayWidth("🚲")).toBe(2);
    expect(displayWidth("ｶﾀｶﾅ")).toBe(4); // halfwidth katakana: one cell each
  });

  it("cuts a long cell by cells, never inside a character", () => {
    expect(cutToWidth("東京都庁舎", 5)).toBe("東京…");
    expect(cutToWidth("Cafe\u0301s", 5)).toBe("Cafe\u0301s");
    expect(cutToWidth("abcdef", 4)).toBe("abc…");
  });
});

describe("displayWidth's one-cell characters", () => {
  const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
  const clusters = (text: string): string[] => Array.from(segmenter.segment(text), (s) => s.segment);
  const oneCell = Array.from({ length: 0x10000 }, (_, code) => code).filter(oneCellCharacter);

  it("covers ASCII, Latin-1, general punctuation and arrows, and leaves out marks, controls and wide blocks", () => {
    for (const text of ["a", "é", "ß", "→", "…", "–", "≤", "─"])
      expect(oneCellCharacter(text.charCodeAt(0))).toBe(true);
    for (const code of [0x09, 0x7f, 0x9f, 0xad, 0x301, 0x200b, 0x200d, 0x2060, 0x3042, 0xfe0f, 0xd83d]) {
      expect(oneCellCharacter(code)).toBe(false);
    }
  });

  it("are each a grapheme of their own that the grapheme route also counts one cell", () => {
    for (const code of oneCell) {
      const c = String.fromCharCode(code);
      // beside letters, a combining mark's base, and each other, the character stays a cluster of its own
      expect(clusters(`a${c}b`)).toEqual(["a", c, "b"]);
      expect(clusters(`${c}${c}`)).toEqual([c, c]);
      // the grapheme route (a cluster with one non-one-cell character forces it) gives one cell too
      expect(displayWidth(`${c}\u3042`)).toBe(3);
    }
  });

  it("makes a text of them as wide as it is long, and a text with any other character goes the grapheme route", () => {
    expect(displayWidth("1,000,000 → 92,895 (−90.7%) … Zürich")).toBe(36);
    expect(displayWidth("Zürich\u00ad")).toBe(6);
    expect(displayWidth("→\u0301")).toBe(1);
  });
});
