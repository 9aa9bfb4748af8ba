import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { readTable } from "../read/read-table";
import { tempFolder } from "../test-support";
import { isUnsafeIntegerText } from "./numbers";

const tmp = tempFolder();
afterAll(() => tmp.remove());

describe("an integer beyond the safe integers in an int column", () => {
  it("is refused as out of range, not as text that does not parse", async () => {
    const file = tmp.file("ids.csv", "id\n1\n9007199254740993\n");
    await expect(readTable(file, z.object({ id: z.int() }))).rejects.toThrow(
      `${file} line 3, column id: "9007199254740993" is outside the safe integer range, ±9007199254740991 ` +
        "(2^53 − 1): a number cannot hold it exactly (read the column as a string to keep it whole)",
    );
  });

  it("is told from other text: the safe bounds, fractions and words are not such integers", () => {
    expect(isUnsafeIntegerText("9007199254740992")).toBe(true);
    expect(isUnsafeIntegerText(" -9007199254740993.0 ")).toBe(true);
    expect(isUnsafeIntegerText("9007199254740991")).toBe(false);
    expect(isUnsafeIntegerText("-9007199254740991")).toBe(false);
    expect(isUnsafeIntegerText("9007199254740993.5")).toBe(false);
    expect(isUnsafeIntegerText("1e20")).toBe(false);
    expect(isUnsafeIntegerText("abc")).toBe(false);
  });
});
