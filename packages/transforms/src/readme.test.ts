import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as transforms from "./index";

/** The transforms the README's table lists, by its first column (`| \`name\` | ...`). */
function listedInReadme(): string[] {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  return [...readme.matchAll(/^\| `(\w+)` +\|/gm)].map((m) => m[1] as string);
}

describe("the README", () => {
  it("lists every transform the package exports, once", () => {
    const exported = Object.values(transforms)
      .filter((value) => typeof value === "function" && "transformName" in value)
      .map((value) => (value as { transformName: string }).transformName);
    expect(exported.length).toBeGreaterThanOrEqual(22);
    const listed = listedInReadme();
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...exported].sort());
  });
});
