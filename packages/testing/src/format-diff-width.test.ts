import { displayWidth } from "@tablepipe/core/internal";
import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { assertTablesEqual } from "./assert-tables";

/** The message of the mismatch of two tables. */
function message(actual: Record<string, unknown[]>, expected: Record<string, unknown[]>): string {
  try {
    assertTablesEqual(table(actual), table(expected));
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the tables to differ");
}

describe("a table diff's grid", () => {
  it("pads cells by their width on screen, so wide characters keep the columns aligned", () => {
    const text = message({ city: ["東京都", "Paris"], n: [1, 2] }, { city: ["東京", "Paris"], n: [1, 3] });
    const grid = text.split("\n").filter((line) => line.includes(" | "));
    expect(grid.length).toBeGreaterThanOrEqual(3);
    // every row of the grid puts its second separator at the same screen column
    const separatorAt = (line: string): number => {
      const first = line.indexOf(" | ");
      const second = line.indexOf(" | ", first + 3);
      return displayWidth(line.slice(0, second));
    };
    const columns = new Set(grid.map(separatorAt));
    expect(columns.size).toBe(1);
  });
});
