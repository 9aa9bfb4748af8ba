import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tempFolder } from "../test-support";
import { checkOutputFolder } from "./output-check";

const tmp = tempFolder();
afterAll(() => tmp.remove());

describe("refusals naming one file of an output folder", () => {
  it("name it in the folder's flag for a folder of tablepipe's own", async () => {
    const out = join(tmp.dir, "own");
    mkdirSync(join(out, "summary.csv"), { recursive: true });
    const options = { label: "--output-dir", files: ["summary.csv"] };
    await expect(checkOutputFolder(out, { ...options, tables: ["summary.txt"] })).rejects.toThrow(
      `cannot write summary.txt in --output-dir ${out}: writeTable writes .csv, .parquet and .arrow files`,
    );
    await expect(checkOutputFolder(out, options)).rejects.toThrow(
      `cannot write summary.csv in --output-dir ${out}: a folder of that name exists`,
    );
  });

  it("name it by its path in a shared folder, whose label names the file, and list the others", async () => {
    const dir = join(tmp.dir, "shared");
    mkdirSync(dir);
    for (const name of ["a.csv", "b.csv"]) writeFileSync(join(dir, name), "mine");
    const options = {
      label: "--out",
      shared: true,
      files: ["a.csv", "b.csv"],
      overwriteLabel: "--overwrite",
    };
    await expect(checkOutputFolder(dir, options)).rejects.toThrow(
      `cannot write --out ${join(dir, "a.csv")}: it exists and tablepipe did not write it; so do b.csv; choose another path, or pass --overwrite to replace them`,
    );
  });
});
