import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { show } from "./show";
import { cutToWidth, displayWidth } from "./text-width";

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
