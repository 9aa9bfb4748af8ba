import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { assertTablesEqual } from "./assert-tables";

/** The message of the mismatch of two one-column tables. */
function message(actual: unknown[], expected: unknown[]): string {
  try {
    assertTablesEqual(table({ note: actual }), table({ note: expected }));
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the tables to differ");
}

const sensor = `sensor-${"x".repeat(60)}`;

describe("long cells that differ past the display width, in a table diff", () => {
  it("are shown from a little before their first difference, which stays in view", () => {
    const text = message(
      [`${sensor}A`, `sensor-A${"x".repeat(60)}`],
      [`${sensor}B`, `sensor-B${"x".repeat(60)}`],
    );
    expect(text).toContain(`    actual 0   | *…${"x".repeat(37)}A"`);
    expect(text).toContain(`    expected 0 | *…${"x".repeat(37)}B"`);
    // a difference in view at the start keeps the usual cut at the end
    expect(text).toContain(`    actual 1   | *"sensor-A${"x".repeat(30)}…`);
    expect(text).toContain(`    expected 1 | *"sensor-B${"x".repeat(30)}…`);
  });

  it("are cut at both ends when the difference is in the middle", () => {
    const tail = "y".repeat(50);
    const text = message([`${sensor}A${tail}`], [`${sensor}B${tail}`]);
    expect(text).toContain(`    actual 0   | *…${"x".repeat(10)}A${"y".repeat(27)}…`);
    expect(text).toContain(`    expected 0 | *…${"x".repeat(10)}B${"y".repeat(27)}…`);
  });

  it("show where one is the other cut short", () => {
    const text = message([sensor], [`${sensor}B`]);
    expect(text).toContain(`    actual 0   | *…${"x".repeat(38)}"`);
    expect(text).toContain(`    expected 0 | *…${"x".repeat(37)}B"`);
  });

  it("are cut by code point, never inside a surrogate pair", () => {
    const emoji = "😀".repeat(50);
    const text = message([`${emoji}A`], [`${emoji}B`]);
    expect(text).toContain(`    actual 0   | *…${"😀".repeat(37)}A"`);
    expect(text).toContain(`    expected 0 | *…${"😀".repeat(37)}B"`);
  });

  it("apply to arrays too, by their text", () => {
    const first = Array.from({ length: 30 }, (_, i) => i);
    const text = message([[...first, 1]], [[...first, 2]]);
    expect(text).toContain("    actual 0   | *… 21, 22, 23, 24, 25, 26, 27, 28, 29, 1]");
    expect(text).toContain("    expected 0 | *… 21, 22, 23, 24, 25, 26, 27, 28, 29, 2]");
  });
});
